package cn.fapiao.security;

import cn.fapiao.support.GraphQL;
import cn.fapiao.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tokens of a configured external identity provider: verified against its JWKS, roles and organisation mapped. */
@QuarkusTest
class ExternalIdentityProviderTest {

    private static final String EXTERNAL_KEY = "keys/other-private.pem";

    @Test
    void anExternalTokenActsForTheOrganisationItNames() {
        String token = Tokens.external("partner-auditor", "91110000802100433B", List.of("AUDITOR", "some-idp-role"), EXTERNAL_KEY);
        Tokens.loginResponse("a-issuer", Tokens.PASSWORD, null);
        JsonPath body = GraphQL.postAs(token, "auditLog", "first", 50);
        assertNull(body.get("errors"), body::prettify);
        List<String> usernames = body.getList("data.auditLog.edges.node.username");
        assertTrue(usernames.contains("a-issuer"), usernames::toString);
        assertTrue(usernames.stream().allMatch(u -> u == null || !u.startsWith("b-")));
    }

    @Test
    void externalRolesGrantNothingBeyondWhatTheyName() {
        String token = Tokens.external("partner-bot", "91110000802100433B", List.of("PARTNER"), EXTERNAL_KEY);
        assertEquals("FORBIDDEN", GraphQL.postAs(token, "auditLog").get("errors[0].extensions.code"));
    }

    @Test
    void anUnknownOrganisationIsRefused() {
        String token = Tokens.external("stranger", "91350100M000100Y43", List.of("AUDITOR"), EXTERNAL_KEY);
        assertEquals("FORBIDDEN", GraphQL.postAs(token, "auditLog").get("errors[0].extensions.code"));
    }

    @Test
    void aTokenClaimingTheExternalIssuerButSignedWithAnotherKeyIsRefused() {
        String token = Tokens.external("impostor", "91110000802100433B", List.of("AUDITOR"), "keys/test-private.pem");
        assertEquals("UNAUTHENTICATED", GraphQL.postAs(token, "auditLog").get("errors[0].extensions.code"));
    }
}
