package cn.fapiao.support;

import io.restassured.path.json.JsonPath;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Users of a test's own, created through the real {@code createUser} mutation, for tests that
 * deactivate, change passwords, log out or enrol a second factor (fixture users' tokens are shared).
 */
public final class Accounts {

    public static final String PASSWORD = "own-test-password";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36);

    private Accounts() {
    }

    /** A new user, created by {@code admin} (e.g. {@code a-admin}) in that admin's organisation. */
    public record Account(String id, String username, String password) {

        public JsonPath login() {
            return Tokens.loginResponse(username, password, null);
        }

        /** A new login session's access token. */
        public String accessToken() {
            JsonPath login = login();
            String token = login.get("data.login.accessToken");
            assertNotNull(token, login::prettify);
            return token;
        }
    }

    public static Account create(String admin, String prefix, String... roles) {
        String username = prefix + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
        JsonPath created = GraphQL.postAs(Tokens.of(admin), "createUser", "input",
                Map.of("username", username, "password", PASSWORD, "roles", List.of(roles)));
        assertNull(created.get("errors"), created::prettify);
        return new Account(created.get("data.createUser.id"), username, PASSWORD);
    }
}
