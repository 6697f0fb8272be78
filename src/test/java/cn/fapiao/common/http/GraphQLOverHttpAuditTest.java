package cn.fapiao.common.http;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audits of the {@code graphql-http} package (the GraphQL-over-HTTP specification's reference
 * test suite) against the running server. SmallRye's handler passed 29 of 61; our route
 * ({@link GraphQLRoute}) must pass at least 56 and every MUST. The audits that may fail are listed:
 * a change that makes another one fail, or stops SmallRye from reaching our route, breaks this test.
 */
@QuarkusTest
class GraphQLOverHttpAuditTest {

    /** Audits we do not pass, on purpose (none today). */
    static final List<String> ACCEPTED_FAILURES = List.of();

    @TestHTTPResource("/graphql")
    URL graphql;

    @Test
    void theServerPassesTheGraphQLOverHttpAudits() throws Exception {
        List<Map<String, Object>> results = JsonPath.from(NodeScripts.run("audit.mjs", graphql.toString())).getList("$");
        List<Map<String, Object>> failed = results.stream().filter(r -> !"ok".equals(r.get("status"))).toList();
        String report = failed.stream().map(r -> r.get("status") + " " + r.get("id") + " " + r.get("name") + ": " + r.get("reason"))
                .collect(Collectors.joining("\n"));
        assertTrue(results.size() >= 60, () -> "graphql-http ran " + results.size() + " audits");
        assertTrue(failed.stream().noneMatch(r -> "error".equals(r.get("status"))), () -> "A MUST audit fails:\n" + report);
        assertEquals(ACCEPTED_FAILURES, failed.stream().map(r -> (String) r.get("id")).toList(),
                () -> (results.size() - failed.size()) + " of " + results.size() + " audits pass; failing:\n" + report);
    }
}
