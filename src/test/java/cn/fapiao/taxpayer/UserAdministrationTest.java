package cn.fapiao.taxpayer;

import cn.fapiao.support.GraphQL;
import cn.fapiao.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Admins manage their own organisation's users; nobody else can, and nothing leaks across organisations. */
@QuarkusTest
class UserAdministrationTest {

    @Test
    void anAdminSeesOnlyTheirOrganisationsUsers() {
        JsonPath body = GraphQL.postAs(Tokens.of("a-admin"), "users");
        assertNull(body.get("errors"), body::prettify);
        List<String> names = body.getList("data.users.username");
        assertTrue(names.contains("a-issuer"));
        assertTrue(names.stream().noneMatch(n -> n.startsWith("b-")), names::toString);
    }

    @Test
    void otherRolesAndAnonymousCallersAreRefused() {
        for (String user : List.of("a-issuer", "a-accountant", "a-auditor", "a-support_agent", "a-partner")) {
            JsonPath body = GraphQL.postAs(Tokens.of(user), "users");
            assertEquals("FORBIDDEN", body.get("errors[0].extensions.code"), user);
            assertNull(body.get("data"));
            JsonPath create = GraphQL.postAs(Tokens.of(user), "createUser", "input",
                    Map.of("username", "x-" + user.replace('_', '-'), "password", "long-enough-password", "roles", List.of("ADMIN")));
            assertEquals("FORBIDDEN", create.get("errors[0].extensions.code"), user);
        }
        assertEquals("UNAUTHENTICATED", GraphQL.post("users").get("errors[0].extensions.code"));
    }

    @Test
    void createUserValidatesAndTheNewUserCanLogIn() {
        JsonPath bad = GraphQL.postAs(Tokens.of("a-admin"), "createUser", "input",
                Map.of("username", "No Spaces", "password", "short", "roles", List.of()));
        assertEquals("VALIDATION_FAILED", bad.get("errors[0].extensions.code"));
        assertEquals("username", bad.get("errors[0].extensions.field"));
        assertEquals(3, bad.getList("errors[0].extensions.problems").size(), bad::prettify);

        JsonPath created = GraphQL.postAs(Tokens.of("a-admin"), "createUser", "input",
                Map.of("username", "a-new-accountant", "password", "a-brand-new-password", "roles", List.of("ACCOUNTANT")));
        assertNull(created.get("errors"), created::prettify);
        JsonPath admin = GraphQL.postAs(Tokens.of("a-admin"), "me");
        assertEquals((String) admin.get("data.me.organisationId"), created.get("data.createUser.organisationId"));

        JsonPath login = Tokens.loginResponse("a-new-accountant", "a-brand-new-password", null);
        assertEquals(List.of("ACCOUNTANT"), login.getList("data.login.user.roles"));

        JsonPath again = GraphQL.postAs(Tokens.of("b-admin"), "createUser", "input",
                Map.of("username", "a-new-accountant", "password", "a-brand-new-password", "roles", List.of("ACCOUNTANT")));
        assertEquals("USERNAME_TAKEN", again.get("errors[0].extensions.code"));
    }

    @Test
    void anAdminCannotTouchAnotherOrganisationsUsers() {
        String aIssuerId = GraphQL.postAs(Tokens.of("a-issuer"), "me").get("data.me.id");
        JsonPath body = GraphQL.postAs(Tokens.of("b-admin"), "updateUser", "input", Map.of("id", aIssuerId, "active", false));
        assertEquals("USER_NOT_FOUND", body.get("errors[0].extensions.code"), body::prettify);
        JsonPath stillWorks = GraphQL.postAs(Tokens.of("a-issuer"), "me");
        assertEquals("a-issuer", stillWorks.get("data.me.username"));
    }

    @Test
    void disablingAUserEndsTheirLoginAndAnAdminCannotLockThemselvesOut() {
        JsonPath created = GraphQL.postAs(Tokens.of("a-admin"), "createUser", "input",
                Map.of("username", "a-leaver", "password", "a-leavers-password", "roles", List.of("ISSUER")));
        String id = created.get("data.createUser.id");
        String refresh = Tokens.loginResponse("a-leaver", "a-leavers-password", null).get("data.login.refreshToken");

        JsonPath disabled = GraphQL.postAs(Tokens.of("a-admin"), "updateUser", "input", Map.of("id", id, "active", false));
        assertEquals(false, disabled.get("data.updateUser.active"), disabled::prettify);
        assertEquals("INVALID_CREDENTIALS", Tokens.loginResponse("a-leaver", "a-leavers-password", null).get("errors[0].extensions.code"));
        assertEquals("UNAUTHENTICATED", GraphQL.post("refreshToken", "refreshToken", refresh).get("errors[0].extensions.code"));

        String adminId = GraphQL.postAs(Tokens.of("a-admin"), "me").get("data.me.id");
        JsonPath self = GraphQL.postAs(Tokens.of("a-admin"), "updateUser", "input", Map.of("id", adminId, "active", false));
        assertEquals("VALIDATION_FAILED", self.get("errors[0].extensions.code"));
        assertEquals("SELF_LOCKOUT", self.get("errors[0].extensions.problems[0].code"));
    }

    @Test
    void severalRootFieldsReadingTheDatabaseInOneRequest() {
        JsonPath body = GraphQL.postAs(Tokens.of("a-admin"), "meUsersAndAuditLog");
        assertNull(body.get("errors"), body::prettify);
        assertEquals("a-admin", body.get("data.me.username"));
        assertTrue(body.getList("data.users").size() >= 6);
    }
}
