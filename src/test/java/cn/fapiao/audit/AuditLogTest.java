package cn.fapiao.audit;

import cn.fapiao.support.GraphQL;
import cn.fapiao.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AuditLogTest {

    @Test
    void auditorsAndAdminsReadTheirOwnOrganisationsLog() {
        Tokens.loginResponse("b-issuer", Tokens.PASSWORD, null);
        GraphQL.postAs(Tokens.of("a-admin"), "createUser", "input",
                Map.of("username", "a-audited", "password", "an-audited-password", "roles", List.of("AUDITOR")));

        JsonPath a = GraphQL.postAs(Tokens.of("a-auditor"), "auditLog", "first", 200);
        assertNull(a.get("errors"), a::prettify);
        List<String> usernames = a.getList("data.auditLog.edges.node.username");
        List<String> operations = a.getList("data.auditLog.edges.node.operation");
        assertTrue(operations.contains("createUser"), operations::toString);
        assertTrue(usernames.stream().allMatch(u -> u == null || !u.startsWith("b-")), usernames::toString);

        JsonPath b = GraphQL.postAs(Tokens.of("b-admin"), "auditLog", "first", 200);
        List<String> bTargets = b.getList("data.auditLog.edges.node.target");
        assertFalse(bTargets.contains("a-audited"));
    }

    @Test
    void failedLoginsOnAnAccountAreVisibleToItsOrganisationsAuditors() {
        Tokens.loginResponse("a-support_agent", "not-the-password-" + System.nanoTime(), null);
        JsonPath a = GraphQL.postAs(Tokens.of("a-auditor"), "auditLog", "first", 50, "operation", "login");
        List<Map<String, Object>> entries = a.getList("data.auditLog.edges.node");
        assertTrue(entries.stream().anyMatch(e -> "a-support_agent".equals(e.get("username")) && "FAILURE".equals(e.get("outcome"))
                && "INVALID_CREDENTIALS".equals(e.get("errorCode"))), entries::toString);
        JsonPath b = GraphQL.postAs(Tokens.of("b-auditor"), "auditLog", "first", 200, "operation", "login");
        assertFalse(b.getList("data.auditLog.edges.node.username").contains("a-support_agent"));
    }

    @Test
    void pagesFollowEachOtherWithoutOverlap() {
        for (int i = 0; i < 3; i++) {
            Tokens.loginResponse("a-auditor", Tokens.PASSWORD, null);
        }
        JsonPath first = GraphQL.postAs(Tokens.of("a-auditor"), "auditLog", "first", 2, "operation", "login");
        assertEquals(true, first.get("data.auditLog.pageInfo.hasNextPage"));
        String after = first.get("data.auditLog.pageInfo.endCursor");
        JsonPath second = GraphQL.postAs(Tokens.of("a-auditor"), "auditLog", "first", 2, "operation", "login", "after", after);
        List<String> firstIds = first.getList("data.auditLog.edges.node.id");
        List<String> secondIds = second.getList("data.auditLog.edges.node.id");
        assertEquals(2, secondIds.size());
        assertTrue(Long.parseLong(firstIds.get(1)) > Long.parseLong(secondIds.get(0)));
        assertNotEquals(firstIds.get(0), secondIds.get(0));
    }

    @Test
    void otherRolesAreRefusedAndBadCursorsNamed() {
        for (String user : List.of("a-issuer", "a-accountant", "a-support_agent", "a-partner")) {
            assertEquals("FORBIDDEN", GraphQL.postAs(Tokens.of(user), "auditLog").get("errors[0].extensions.code"), user);
        }
        JsonPath bad = GraphQL.postAs(Tokens.of("a-auditor"), "auditLog", "after", "garbage");
        assertEquals("VALIDATION_FAILED", bad.get("errors[0].extensions.code"));
        assertEquals("after", bad.get("errors[0].extensions.field"));
    }
}
