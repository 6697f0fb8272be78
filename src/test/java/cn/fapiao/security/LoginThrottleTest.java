package cn.fapiao.security;

import cn.fapiao.support.Accounts;
import cn.fapiao.support.Accounts.Account;
import cn.fapiao.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Wrong passwords from one address hold that address back for the user, not the user
 * everywhere: the real user, from an address without failures, still logs in. Requests come
 * from distinct loopback addresses (127.0.0.x) as different clients would.
 */
@QuarkusTest
class LoginThrottleTest {

    /** The test profile's budget of failures per user and address (fapiao.rate-limit.login-per-user). */
    private static final int BUDGET = 40;

    @Test
    void wrongPasswordsFromOneAddressDoNotLockTheUserOutFromAnother() {
        Account victim = Accounts.create("a-admin", "th-victim", "ACCOUNTANT");
        String attacker = "127.0.0.2";
        String user = "127.0.0.3";

        JsonPath last = exhaust(attacker, victim.username());
        assertEquals("RATE_LIMITED", code(last), last::prettify);
        Integer retryAfter = last.get("errors[0].extensions.retryAfterSeconds");
        assertNotNull(retryAfter);
        assertTrue(retryAfter > 0 && retryAfter <= 60);

        JsonPath fromElsewhere = login(user, victim.username(), victim.password());
        assertNull(fromElsewhere.get("errors"), fromElsewhere::prettify);
        assertEquals(victim.username(), fromElsewhere.get("data.login.user.username"));

        // The failing address waits, even with the right password.
        assertEquals("RATE_LIMITED", code(login(attacker, victim.username(), victim.password())));
    }

    @Test
    void successfulLoginsDoNotUseUpTheBudget() {
        Account user = Accounts.create("a-admin", "th-regular", "AUDITOR");
        for (int i = 0; i < BUDGET + 5; i++) {
            JsonPath login = login("127.0.0.4", user.username(), user.password());
            assertNull(login.get("errors"), login::prettify);
        }
    }

    @Test
    void aStolenTokenCannotGuessThePasswordThroughAccountChangesEither() {
        Account victim = Accounts.create("a-admin", "th-token", "AUDITOR");
        String token = victim.accessToken();
        String thief = "127.0.0.5";
        JsonPath last = null;
        for (int i = 0; i <= BUDGET && !"RATE_LIMITED".equals(code(last)); i++) {
            last = GraphQL.postFrom(thief, token, "changePassword", "oldPassword", "guess-" + i, "newPassword", "a-thiefs-password");
            assertTrue("INVALID_CREDENTIALS".equals(code(last)) || "RATE_LIMITED".equals(code(last)), last::prettify);
        }
        assertEquals("RATE_LIMITED", code(last), last::prettify);
        assertEquals("RATE_LIMITED", code(login(thief, victim.username(), victim.password())), "login from the guessing address waits too");
        assertNull(login("127.0.0.6", victim.username(), victim.password()).get("errors"));
    }

    /** Wrong passwords until refused; at most the budget and one more. */
    private static JsonPath exhaust(String address, String username) {
        JsonPath last = null;
        for (int i = 0; i <= BUDGET && !"RATE_LIMITED".equals(code(last)); i++) {
            last = login(address, username, "wrong-guess-" + i);
        }
        return last;
    }

    private static JsonPath login(String address, String username, String password) {
        return GraphQL.postFrom(address, null, "login", "username", username, "password", password, "otp", null);
    }

    private static String code(JsonPath body) {
        return body == null ? null : body.get("errors[0].extensions.code");
    }
}
