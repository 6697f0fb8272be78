package cn.fapiao.support;

import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

import java.security.PrivateKey;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Real access tokens for tests: obtained through the real {@code login} mutation (cached per
 * user for the test run), or minted with the test keys to build expired, forged or odd tokens.
 */
public final class Tokens {

    public static final String PASSWORD = "test-password";
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    /** An access token of a fixture user, e.g. {@code a-issuer}, {@code b-admin}. */
    public static String of(String username) {
        return CACHE.computeIfAbsent(username, Tokens::login);
    }

    public static JsonPath loginResponse(String username, String password, String otp) {
        return GraphQL.post("login", "username", username, "password", password, "otp", otp);
    }

    private static String login(String username) {
        JsonPath body = loginResponse(username, PASSWORD, null);
        String token = body.get("data.login.accessToken");
        assertNotNull(token, () -> "login of " + username + " failed: " + body.prettify());
        return token;
    }

    /** A token signed with the key the server trusts, carrying whatever claims the test wants. */
    public static String mint(String subject, String username, long organisationId, Set<String> roles, Instant expiresAt) {
        return sign(subject, username, organisationId, roles, expiresAt, "keys/test-private.pem");
    }

    /** The same token, signed with a key the server does not trust. */
    public static String forge(String subject, String username, long organisationId, Set<String> roles) {
        return sign(subject, username, organisationId, roles, Instant.now().plusSeconds(600), "keys/other-private.pem");
    }

    /** A token of the external identity provider the test profile trusts, naming the organisation by USCC. */
    public static String external(String username, String organisationUscc, java.util.List<String> roles, String key) {
        try {
            return Jwt.issuer("https://idp.partner.test").subject("ext-" + username).upn(username)
                    .claim("roles", roles).claim("org_uscc", organisationUscc)
                    .expiresAt(Instant.now().plusSeconds(300))
                    .jws().keyId("external-test").sign(KeyUtils.readPrivateKey(key));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(String subject, String username, long organisationId, Set<String> roles, Instant expiresAt, String key) {
        try {
            PrivateKey privateKey = KeyUtils.readPrivateKey(key);
            return Jwt.issuer("fapiao-server").subject(subject).upn(username).groups(roles)
                    .claim("org", organisationId).issuedAt(expiresAt.minusSeconds(600)).expiresAt(expiresAt)
                    .sign(privateKey);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
