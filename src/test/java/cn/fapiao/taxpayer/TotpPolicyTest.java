package cn.fapiao.taxpayer;

import cn.fapiao.security.crypto.Base32;
import cn.fapiao.security.crypto.Totp;
import cn.fapiao.support.Accounts;
import cn.fapiao.support.Accounts.Account;
import cn.fapiao.support.GraphQL;
import cn.fapiao.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * An organisation makes a second factor mandatory for chosen roles: their users without one are
 * told at login to enrol (TOTP_ENROLMENT_REQUIRED), enrol without an access token, and log in
 * with the code. Another organisation is not affected.
 */
@QuarkusTest
class TotpPolicyTest {

    @AfterEach
    void noPolicy() {
        for (String admin : List.of("a-admin", "b-admin")) {
            assertNull(GraphQL.postAs(Tokens.of(admin), "setTotpPolicy", "roles", List.of()).get("errors"));
        }
    }

    @Test
    void aRequiredFactorIsEnrolledAtLoginAndThenRequired() {
        Account issuer = Accounts.create("a-admin", "pol-issuer", "ISSUER");
        Account accountant = Accounts.create("a-admin", "pol-accountant", "ACCOUNTANT");
        Account otherOrganisations = Accounts.create("b-admin", "pol-b-issuer", "ISSUER");

        JsonPath policy = GraphQL.postAs(Tokens.of("a-admin"), "setTotpPolicy", "roles", List.of("ISSUER", "ADMIN"));
        assertEquals(List.of("ISSUER", "ADMIN"), policy.getList("data.setTotpPolicy.requiredForRoles"), policy::prettify);
        assertEquals(List.of("ISSUER", "ADMIN"), GraphQL.postAs(Tokens.of("a-admin"), "totpPolicy").getList("data.totpPolicy.requiredForRoles"));
        assertEquals(List.of(), GraphQL.postAs(Tokens.of("b-admin"), "totpPolicy").getList("data.totpPolicy.requiredForRoles"));

        JsonPath refused = issuer.login();
        assertEquals("TOTP_ENROLMENT_REQUIRED", code(refused), refused::prettify);
        assertNull(refused.get("data"));
        assertEquals("INVALID_CREDENTIALS", code(Tokens.loginResponse(issuer.username(), "a-wrong-password", null)), "no hint without the password");
        assertNull(accountant.login().get("errors"), "roles outside the policy log in as before");
        assertNull(otherOrganisations.login().get("errors"), "another organisation's issuers log in as before");

        // Enrolment without an access token: the account is named and proven by username and password.
        assertEquals("INVALID_CREDENTIALS", code(GraphQL.post("enrolTotp", "username", issuer.username(), "password", "a-wrong-password")));
        assertEquals("UNAUTHENTICATED", code(GraphQL.post("enrolTotp", "password", issuer.password())));
        JsonPath enrolment = GraphQL.post("enrolTotp", "username", issuer.username(), "password", issuer.password());
        assertNull(enrolment.get("errors"), enrolment::prettify);
        byte[] key = Base32.decode(enrolment.get("data.enrolTotp.secret"));
        long step = Instant.now().getEpochSecond() / 30;
        assertEquals("INVALID_CREDENTIALS", code(GraphQL.post("confirmTotp", "code", Totp.code(key, step, 6, "HmacSHA1"),
                "username", issuer.username(), "password", "a-wrong-password")));
        JsonPath confirmed = GraphQL.post("confirmTotp", "code", Totp.code(key, step, 6, "HmacSHA1"),
                "username", issuer.username(), "password", issuer.password());
        assertEquals(true, confirmed.get("data.confirmTotp"), confirmed::prettify);

        assertEquals("OTP_REQUIRED", code(issuer.login()));
        JsonPath login = Tokens.loginResponse(issuer.username(), issuer.password(), Totp.code(key, step + 1, 6, "HmacSHA1"));
        assertNull(login.get("errors"), login::prettify);

        // The policy keeps the factor on.
        JsonPath disable = GraphQL.postAs(login.get("data.login.accessToken"), "disableTotp", "password", issuer.password(),
                "code", Totp.code(key, step + 1, 6, "HmacSHA1"));
        assertEquals("TOTP_REQUIRED_BY_POLICY", code(disable), disable::prettify);
    }

    @Test
    void onlyTheOrganisationsAdminsSeeAndSetThePolicy() {
        assertEquals("FORBIDDEN", code(GraphQL.postAs(Tokens.of("a-issuer"), "setTotpPolicy", "roles", List.of())));
        assertEquals("FORBIDDEN", code(GraphQL.postAs(Tokens.of("a-auditor"), "totpPolicy")));
        assertEquals("UNAUTHENTICATED", code(GraphQL.post("setTotpPolicy", "roles", List.of("ISSUER"))));
    }

    private static String code(JsonPath body) {
        return body.get("errors[0].extensions.code");
    }
}
