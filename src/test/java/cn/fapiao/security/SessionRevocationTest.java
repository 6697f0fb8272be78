package cn.fapiao.security;

import cn.fapiao.support.Accounts;
import cn.fapiao.support.Accounts.Account;
import cn.fapiao.support.Eventually;
import cn.fapiao.support.GraphQL;
import cn.fapiao.support.Invoices;
import cn.fapiao.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An access token stops working within 5 seconds of what should end it: deactivation, a new
 * password, removed roles, logout, a replayed refresh token, on this replica and, through NOTIFY,
 * when another replica made the change. The test profile trusts a read session for a minute, so
 * only eviction can make these pass in time.
 */
@QuarkusTest
class SessionRevocationTest {

    private static final Duration WITHIN = Duration.ofSeconds(5);

    @Inject
    Pool database;

    @Test
    void aDeactivatedIssuerCannotIssueWithTheTokenItStillHolds() {
        Account issuer = Accounts.create("a-admin", "rv-issuer", "ISSUER");
        String token = issuer.accessToken();
        assertNull(issue(token).get("errors"), () -> issue(token).prettify());

        // Another organisation's admin cannot end it.
        JsonPath foreign = GraphQL.postAs(Tokens.of("b-admin"), "updateUser", "input", Map.of("id", issuer.id(), "active", false));
        assertEquals("USER_NOT_FOUND", foreign.get("errors[0].extensions.code"), foreign::prettify);
        assertNull(GraphQL.postAs(token, "me").get("errors"));

        JsonPath disabled = GraphQL.postAs(Tokens.of("a-admin"), "updateUser", "input", Map.of("id", issuer.id(), "active", false));
        assertNull(disabled.get("errors"), disabled::prettify);

        Eventually.within(WITHIN, () -> issue(token), body -> "UNAUTHENTICATED".equals(code(body)), "the deactivated issuer is refused");
        assertEquals("UNAUTHENTICATED", code(GraphQL.postAs(token, "me")));
    }

    @Test
    void aPasswordSetByAnAdminEndsTheAccessTokensOfEverySession() {
        Account user = Accounts.create("a-admin", "rv-reset", "ACCOUNTANT");
        String token = user.accessToken();
        assertNull(GraphQL.postAs(token, "me").get("errors"));

        JsonPath reset = GraphQL.postAs(Tokens.of("a-admin"), "updateUser", "input", Map.of("id", user.id(), "password", "an-admins-new-password"));
        assertNull(reset.get("errors"), reset::prettify);

        Eventually.within(WITHIN, () -> GraphQL.postAs(token, "me"), body -> "UNAUTHENTICATED".equals(code(body)), "the old password's token is refused");
    }

    @Test
    void aRemovedRoleStopsTheTokenThatNamesItAndARefreshCarriesTheNewRoles() {
        Account user = Accounts.create("a-admin", "rv-roles", "ISSUER", "ACCOUNTANT");
        JsonPath login = user.login();
        String token = login.get("data.login.accessToken");
        assertNull(issue(token).get("errors"));

        JsonPath changed = GraphQL.postAs(Tokens.of("a-admin"), "updateUser", "input", Map.of("id", user.id(), "roles", List.of("ACCOUNTANT")));
        assertNull(changed.get("errors"), changed::prettify);

        Eventually.within(WITHIN, () -> issue(token), body -> "UNAUTHENTICATED".equals(code(body)), "the token naming ISSUER is refused");
        JsonPath refreshed = GraphQL.post("refreshToken", "refreshToken", login.get("data.login.refreshToken"));
        assertNull(refreshed.get("errors"), refreshed::prettify);
        assertEquals(List.of("ACCOUNTANT"), refreshed.getList("data.refreshToken.user.roles"));
        String newToken = refreshed.get("data.refreshToken.accessToken");
        assertEquals("FORBIDDEN", code(issue(newToken)));
        assertNull(GraphQL.postAs(newToken, "me").get("errors"));
    }

    @Test
    void logoutEndsTheAccessTokenOfThatSessionAndNoOther() {
        Account user = Accounts.create("a-admin", "rv-logout", "AUDITOR");
        JsonPath first = user.login();
        String otherToken = user.accessToken();
        String token = first.get("data.login.accessToken");
        assertNull(GraphQL.postAs(token, "me").get("errors"));

        assertEquals(true, GraphQL.post("logout", "refreshToken", first.get("data.login.refreshToken")).get("data.logout"));

        Eventually.within(WITHIN, () -> GraphQL.postAs(token, "me"), body -> "UNAUTHENTICATED".equals(code(body)), "the logged-out token is refused");
        assertNull(GraphQL.postAs(otherToken, "me").get("errors"), "the user's other session goes on");

        // Logging out still works while presenting the ended session's access token.
        JsonPath again = GraphQL.postAs(token, "logout", "refreshToken", first.get("data.login.refreshToken"));
        assertNull(again.get("errors"), again::prettify);
        assertEquals(false, again.get("data.logout"));
    }

    @Test
    void aReplayedRefreshTokenEndsTheSessionsAccessTokens() {
        Account user = Accounts.create("a-admin", "rv-replay", "AUDITOR");
        JsonPath login = user.login();
        String token = login.get("data.login.accessToken");
        String refresh = login.get("data.login.refreshToken");
        String rotatedToken = GraphQL.post("refreshToken", "refreshToken", refresh).get("data.refreshToken.accessToken");
        assertNull(GraphQL.postAs(rotatedToken, "me").get("errors"));

        assertEquals("REFRESH_TOKEN_REUSED", code(GraphQL.post("refreshToken", "refreshToken", refresh)));

        for (String stolen : List.of(token, rotatedToken)) {
            Eventually.within(WITHIN, () -> GraphQL.postAs(stolen, "me"), body -> "UNAUTHENTICATED".equals(code(body)), "the replayed session's tokens are refused");
        }
    }

    @Test
    void aSessionEndedOnAnotherReplicaIsRefusedHereThroughNotify() {
        Account user = Accounts.create("a-admin", "rv-replica", "AUDITOR");
        String token = user.accessToken();
        assertNull(GraphQL.postAs(token, "me").get("errors"));

        // What another replica's logout does: the row, then NOTIFY after commit. Until the
        // notification this replica trusts what it read (the test profile keeps it a minute).
        database.preparedQuery("update login_session set ended_at = now(), end_reason = 'LOGOUT' where id = $1")
                .execute(Tuple.of(sessionOf(token))).await().indefinitely();
        assertNull(GraphQL.postAs(token, "me").get("errors"), "read before the notification");
        database.preparedQuery("select pg_notify('fapiao_events', $1)").execute(Tuple.of("session:" + sessionOf(token))).await().indefinitely();

        Eventually.within(WITHIN, () -> GraphQL.postAs(token, "me"), body -> "UNAUTHENTICATED".equals(code(body)), "refused after the notification");
    }

    @Test
    void aUserDeactivatedOnAnotherReplicaIsRefusedHereThroughNotify() {
        Account user = Accounts.create("a-admin", "rv-replica-user", "AUDITOR");
        String token = user.accessToken();
        assertNull(GraphQL.postAs(token, "me").get("errors"));

        database.preparedQuery("update app_user set active = false where id = $1").execute(Tuple.of(Long.valueOf(user.id()))).await().indefinitely();
        database.preparedQuery("select pg_notify('fapiao_events', $1)").execute(Tuple.of("user:" + user.id())).await().indefinitely();

        Eventually.within(WITHIN, () -> GraphQL.postAs(token, "me"), body -> "UNAUTHENTICATED".equals(code(body)), "refused after the notification");
    }

    @Test
    void aTokenOfOursWithoutALoginSessionIsRefused() {
        long organisation = database.preparedQuery("select organisation_id from app_user where username = 'a-auditor'")
                .execute().await().indefinitely().iterator().next().getLong("organisation_id");
        String userId = GraphQL.postAs(Tokens.of("a-auditor"), "me").get("data.me.id");
        String minted = Tokens.mint(userId, "a-auditor", organisation, Set.of("AUDITOR"), Instant.now().plusSeconds(300));

        JsonPath me = GraphQL.postAs(minted, "me");

        assertEquals("UNAUTHENTICATED", code(me), me::prettify);
        assertNull(me.get("data"));
    }

    private static JsonPath issue(String token) {
        return GraphQL.postAs(token, "issueInvoice", "input", Invoices.toOrgB(List.of(Invoices.line("*服务*会话", "10.00", "0.06"))));
    }

    private static String code(JsonPath body) {
        return body.get("errors[0].extensions.code");
    }

    private static UUID sessionOf(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        Matcher sid = Pattern.compile("\"sid\"\\s*:\\s*\"([^\"]+)\"").matcher(payload);
        assertTrue(sid.find(), payload);
        return UUID.fromString(sid.group(1));
    }
}
