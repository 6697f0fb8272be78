package cn.fapiao.security;

import cn.fapiao.security.crypto.Base32;
import cn.fapiao.security.crypto.Totp;
import cn.fapiao.support.Accounts;
import cn.fapiao.support.Accounts.Account;
import cn.fapiao.support.Eventually;
import cn.fapiao.support.GraphQL;
import cn.fapiao.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stolen access token cannot put its own authenticator on the account or take the user's off:
 * both need the password (and switching off a current code). When it happens anyway (the password
 * was stolen too), an admin of the user's organisation, and only such an admin, resets the factor.
 */
@QuarkusTest
class SecondFactorTest {

    @Inject
    Pool database;

    @Test
    void aStolenAccessTokenCannotEnrolASecondFactor() {
        Account victim = Accounts.create("a-admin", "tf-victim", "ACCOUNTANT");
        String stolen = victim.accessToken();

        JsonPath withoutPassword = GraphQL.postQueryAs(stolen, "mutation { enrolTotp { secret } }");
        assertEquals("GRAPHQL_VALIDATION_FAILED", code(withoutPassword), withoutPassword::prettify);
        JsonPath wrongPassword = GraphQL.postAs(stolen, "enrolTotp", "password", "a-guessed-password");
        assertEquals("INVALID_CREDENTIALS", code(wrongPassword), wrongPassword::prettify);
        assertEquals("password", wrongPassword.get("errors[0].extensions.field"));
        assertNull(wrongPassword.get("data"));

        JsonPath confirm = GraphQL.postAs(stolen, "confirmTotp", "code", "123456");
        assertEquals("TOTP_NOT_ENROLLED", code(confirm), confirm::prettify);

        // The user is not locked out.
        JsonPath login = victim.login();
        assertNull(login.get("errors"), login::prettify);
        assertEquals(false, login.get("data.login.user.totpEnabled"));
    }

    @Test
    void switchingTheFactorOffNeedsThePasswordAndACurrentCode() {
        Account user = Accounts.create("a-admin", "tf-owner", "ACCOUNTANT");
        String token = user.accessToken();
        Enrolled enrolled = enrol(token, user);
        byte[] key = enrolled.key();
        long step = enrolled.step();

        JsonPath noPassword = GraphQL.postQueryAs(token, "mutation { disableTotp(code: \"123456\") }");
        assertEquals("GRAPHQL_VALIDATION_FAILED", code(noPassword), noPassword::prettify);
        JsonPath wrongPassword = GraphQL.postAs(token, "disableTotp", "password", "not-the-password", "code", Totp.code(key, step + 1, 6, "HmacSHA1"));
        assertEquals("INVALID_CREDENTIALS", code(wrongPassword), wrongPassword::prettify);
        // The code used to confirm the enrolment cannot be replayed.
        JsonPath replayed = GraphQL.postAs(token, "disableTotp", "password", user.password(), "code", Totp.code(key, step, 6, "HmacSHA1"));
        assertEquals("INVALID_OTP", code(replayed), replayed::prettify);

        JsonPath disabled = GraphQL.postAs(token, "disableTotp", "password", user.password(), "code", Totp.code(key, step + 1, 6, "HmacSHA1"));
        assertEquals(true, disabled.get("data.disableTotp"), disabled::prettify);
        assertNull(user.login().get("errors"));
    }

    @Test
    void anAdminResetsASecondFactorAnIntruderSetUpAndTheResetIsAudited() {
        Account victim = Accounts.create("a-admin", "tf-locked", "ISSUER");
        String intruder = victim.accessToken();
        enrol(intruder, victim);
        assertEquals("OTP_REQUIRED", code(victim.login()), "the user is locked out");

        // Nobody but an admin of the user's own organisation can reset it.
        JsonPath foreign = GraphQL.postAs(Tokens.of("b-admin"), "resetTotp", "id", victim.id());
        assertEquals("USER_NOT_FOUND", code(foreign), foreign::prettify);
        assertEquals("FORBIDDEN", code(GraphQL.postAs(Tokens.of("a-issuer"), "resetTotp", "id", victim.id())));
        assertEquals("FORBIDDEN", code(GraphQL.postAs(intruder, "resetTotp", "id", victim.id())));
        assertEquals("OTP_REQUIRED", code(victim.login()));

        JsonPath reset = GraphQL.postAs(Tokens.of("a-admin"), "resetTotp", "id", victim.id());
        assertNull(reset.get("errors"), reset::prettify);
        assertEquals(false, reset.get("data.resetTotp.totpEnabled"));

        JsonPath login = victim.login();
        assertNull(login.get("errors"), login::prettify);
        Eventually.within(Duration.ofSeconds(5), () -> GraphQL.postAs(intruder, "me"), body -> "UNAUTHENTICATED".equals(code(body)),
                "the sessions before the reset end");

        List<Row> audit = database.preparedQuery("select a.username, a.outcome, a.error_code, o.uscc from audit_log a "
                        + "left join organisation o on o.id = a.organisation_id where a.operation = 'resetTotp' and a.target = $1 order by a.id")
                .execute(Tuple.of(victim.id())).await().indefinitely().stream().toList();
        assertTrue(audit.stream().anyMatch(r -> r.getString("username").equals("b-admin") && "FAILURE".equals(r.getString("outcome"))
                && "USER_NOT_FOUND".equals(r.getString("error_code"))), audit::toString);
        assertTrue(audit.stream().anyMatch(r -> r.getString("username").equals("a-admin") && "SUCCESS".equals(r.getString("outcome"))
                && "91110000802100433B".equals(r.getString("uscc"))), audit::toString);
    }

    @Test
    void anAdminCannotResetTheirOwnFactorWithATokenAlone() {
        String adminId = GraphQL.postAs(Tokens.of("b-admin"), "me").get("data.me.id");
        JsonPath self = GraphQL.postAs(Tokens.of("b-admin"), "resetTotp", "id", adminId);
        assertEquals("VALIDATION_FAILED", code(self), self::prettify);
        assertEquals("SELF_RESET", self.get("errors[0].extensions.problems[0].code"));
    }

    /** The authenticator's key and the time step whose code confirmed the enrolment. */
    private record Enrolled(byte[] key, long step) {
    }

    /** Enrols and confirms with the code of the current time step. */
    private static Enrolled enrol(String token, Account user) {
        JsonPath enrolment = GraphQL.postAs(token, "enrolTotp", "password", user.password());
        assertNull(enrolment.get("errors"), enrolment::prettify);
        String secret = enrolment.get("data.enrolTotp.secret");
        assertNotNull(secret);
        byte[] key = Base32.decode(secret);
        long step = Instant.now().getEpochSecond() / 30;
        JsonPath confirmed = GraphQL.postAs(token, "confirmTotp", "code", Totp.code(key, step, 6, "HmacSHA1"));
        assertEquals(true, confirmed.get("data.confirmTotp"), confirmed::prettify);
        return new Enrolled(key, step);
    }

    private static String code(JsonPath body) {
        return body.get("errors[0].extensions.code");
    }
}
