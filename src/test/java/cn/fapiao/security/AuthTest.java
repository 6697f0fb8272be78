package cn.fapiao.security;

import cn.fapiao.security.crypto.Base32;
import cn.fapiao.security.crypto.Totp;
import cn.fapiao.support.GraphQL;
import cn.fapiao.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Login, tokens, refresh rotation, logout and the second factor, through real HTTP and real JWTs. */
@QuarkusTest
class AuthTest {

    @Inject
    Pool database;

    @Test
    void loginGivesATokenThatIdentifiesUserOrganisationAndRoles() {
        JsonPath login = Tokens.loginResponse("a-issuer", Tokens.PASSWORD, null);
        assertNull(login.get("errors"), login::prettify);
        String token = login.get("data.login.accessToken");
        assertEquals(List.of("ISSUER"), login.getList("data.login.user.roles"));

        JsonPath me = GraphQL.postAs(token, "me");
        assertNull(me.get("errors"), me::prettify);
        assertEquals("a-issuer", me.get("data.me.username"));
        assertEquals(List.of("ISSUER"), me.getList("data.me.roles"));

        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertTrue(payload.contains("\"org\""), payload);
        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]));
        assertTrue(header.contains("RS256"), header);
    }

    @Test
    void wrongPasswordAndUnknownUserAreRefusedAlike() {
        JsonPath wrong = Tokens.loginResponse("a-accountant", "not-the-password", null);
        JsonPath unknown = Tokens.loginResponse("nobody-at-all", "whatever", null);
        assertEquals("INVALID_CREDENTIALS", wrong.get("errors[0].extensions.code"));
        assertEquals("INVALID_CREDENTIALS", unknown.get("errors[0].extensions.code"));
        assertEquals((String) wrong.get("errors[0].message"), unknown.get("errors[0].message"));
        assertNull(wrong.get("data.login"));
    }

    @Test
    void refreshRotatesAndAReusedRefreshTokenEndsTheSession() {
        JsonPath login = Tokens.loginResponse("a-auditor", Tokens.PASSWORD, null);
        String first = login.get("data.login.refreshToken");

        JsonPath refreshed = GraphQL.post("refreshToken", "refreshToken", first);
        assertNull(refreshed.get("errors"), refreshed::prettify);
        String second = refreshed.get("data.refreshToken.refreshToken");
        assertNotEquals(first, second);
        assertEquals("a-auditor", refreshed.get("data.refreshToken.user.username"));

        JsonPath replay = GraphQL.post("refreshToken", "refreshToken", first);
        assertEquals("REFRESH_TOKEN_REUSED", replay.get("errors[0].extensions.code"), replay::prettify);

        // The replay revoked the whole chain, including the token the legitimate client holds.
        JsonPath afterReplay = GraphQL.post("refreshToken", "refreshToken", second);
        assertEquals("UNAUTHENTICATED", afterReplay.get("errors[0].extensions.code"));
    }

    @Test
    void logoutRevokesTheRefreshToken() {
        String refresh = Tokens.loginResponse("a-partner", Tokens.PASSWORD, null).get("data.login.refreshToken");
        JsonPath logout = GraphQL.post("logout", "refreshToken", refresh);
        assertEquals(true, logout.get("data.logout"));
        JsonPath after = GraphQL.post("refreshToken", "refreshToken", refresh);
        assertEquals("UNAUTHENTICATED", after.get("errors[0].extensions.code"));
        assertEquals("refreshToken", after.get("errors[0].extensions.field"));
    }

    @Test
    void badTokensAreRefusedWithUnauthenticated() {
        long orgA = organisationId("91110000802100433B");
        long userId = userId("a-issuer");
        String expired = Tokens.mint(Long.toString(userId), "a-issuer", orgA, Set.of("ISSUER"), Instant.now().minusSeconds(120));
        String forged = Tokens.forge(Long.toString(userId), "a-issuer", orgA, Set.of("ADMIN"));
        String valid = Tokens.of("a-issuer");
        String[] parts = valid.split("\\.");
        String tamperedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"ISSUER\"", "\"ADMIN\"").getBytes());
        String tampered = parts[0] + "." + tamperedPayload + "." + parts[2];
        String algNone = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes())
                + "." + tamperedPayload + ".";

        for (String token : List.of(expired, forged, tampered, algNone, "not-a-jwt")) {
            JsonPath me = GraphQL.postAs(token, "me");
            assertEquals("UNAUTHENTICATED", me.get("errors[0].extensions.code"), me::prettify);
            assertNull(me.get("data.me"));
        }
    }

    @Test
    void publicHelpersStillAnswerWithABadToken() {
        JsonPath body = GraphQL.postAs("not-a-jwt", "decodeInvoiceCode", "code", "011001800604");
        assertNull(body.get("errors"));
        assertEquals("04", body.get("data.decodeInvoiceCode.type.code"));
    }

    @Test
    void withoutATokenProtectedOperationsSayUnauthenticated() {
        JsonPath me = GraphQL.post("me");
        assertEquals("UNAUTHENTICATED", me.get("errors[0].extensions.code"));
        assertFalse(((String) me.get("errors[0].message")).isBlank());
    }

    @Test
    void totpEnrolmentThenLoginNeedsTheCodeAndTheSecretIsEncryptedAtRest() throws Exception {
        String token = Tokens.loginResponse("a-totp", Tokens.PASSWORD, null).get("data.login.accessToken");
        JsonPath enrolment = GraphQL.postAs(token, "enrolTotp", "password", Tokens.PASSWORD);
        assertNull(enrolment.get("errors"), enrolment::prettify);
        String secret = enrolment.get("data.enrolTotp.secret");
        assertTrue(((String) enrolment.get("data.enrolTotp.otpauthUri")).startsWith("otpauth://totp/"));

        String stored = database.preparedQuery("select totp_secret from app_user where username = 'a-totp'")
                .execute().await().indefinitely().iterator().next().getString("totp_secret");
        assertTrue(stored.startsWith("v1:test:"), stored);
        assertFalse(stored.contains(secret));

        long step = Instant.now().getEpochSecond() / 30;
        byte[] key = Base32.decode(secret);
        JsonPath confirmed = GraphQL.postAs(token, "confirmTotp", "code", Totp.code(key, step, 6, "HmacSHA1"));
        assertEquals(true, confirmed.get("data.confirmTotp"), confirmed::prettify);

        JsonPath withoutCode = Tokens.loginResponse("a-totp", Tokens.PASSWORD, null);
        assertEquals("OTP_REQUIRED", withoutCode.get("errors[0].extensions.code"));
        assertEquals("otp", withoutCode.get("errors[0].extensions.field"));

        // The code just used for confirmation may not be replayed; the next step's code is accepted.
        JsonPath replayed = Tokens.loginResponse("a-totp", Tokens.PASSWORD, Totp.code(key, step, 6, "HmacSHA1"));
        assertEquals("INVALID_OTP", replayed.get("errors[0].extensions.code"));
        JsonPath withCode = Tokens.loginResponse("a-totp", Tokens.PASSWORD, Totp.code(key, step + 1, 6, "HmacSHA1"));
        assertNull(withCode.get("errors"), withCode::prettify);
        assertEquals(true, withCode.get("data.login.user.totpEnabled"));
    }

    @Test
    void repeatedLoginAttemptsAreRateLimitedWithARetryHint() {
        // Windows are fixed minutes: 81 attempts (a couple of seconds) exceed the budget of 40 in
        // one window even when they straddle a minute boundary.
        JsonPath last = null;
        for (int i = 0; i < 81 && !"RATE_LIMITED".equals(last == null ? null : last.get("errors[0].extensions.code")); i++) {
            last = Tokens.loginResponse("rate-limit-target", "guess-" + i, null);
        }
        assertEquals("RATE_LIMITED", last.get("errors[0].extensions.code"), last.prettify());
        Integer retryAfter = last.get("errors[0].extensions.retryAfterSeconds");
        assertNotNull(retryAfter);
        assertTrue(retryAfter > 0 && retryAfter <= 60);
    }

    @Test
    void loginsAreAuditedWithoutSecrets() {
        Tokens.loginResponse("a-admin", "a-wrong-password-123", null);
        Tokens.loginResponse("a-admin", Tokens.PASSWORD, null);
        List<Row> rows = database.preparedQuery("select * from audit_log where username = 'a-admin' and operation = 'login' order by id")
                .execute().await().indefinitely().stream().toList();
        assertTrue(rows.stream().anyMatch(r -> "FAILURE".equals(r.getString("outcome")) && "INVALID_CREDENTIALS".equals(r.getString("error_code"))));
        assertTrue(rows.stream().anyMatch(r -> "SUCCESS".equals(r.getString("outcome")) && r.getLong("organisation_id") != null));
        for (Row row : rows) {
            assertFalse(row.toJson().encode().contains("a-wrong-password-123"));
            assertFalse(row.toJson().encode().contains(Tokens.PASSWORD));
        }
    }

    @Test
    void theAuditLogCannotBeRewritten() {
        Tokens.loginResponse("a-admin", Tokens.PASSWORD, null);
        Throwable failure = database.query("update audit_log set outcome = 'SUCCESS'").execute()
                .onItem().transform(r -> (Throwable) null).onFailure().recoverWithItem(e -> e).await().indefinitely();
        assertNotNull(failure);
        assertTrue(failure.getMessage().contains("append-only"), failure.getMessage());
    }

    private long organisationId(String uscc) {
        return database.preparedQuery("select id from organisation where uscc = $1").execute(Tuple.of(uscc))
                .await().indefinitely().iterator().next().getLong("id");
    }

    private long userId(String username) {
        return database.preparedQuery("select id from app_user where username = $1").execute(Tuple.of(username))
                .await().indefinitely().iterator().next().getLong("id");
    }
}
