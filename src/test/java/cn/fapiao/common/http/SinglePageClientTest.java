package cn.fapiao.common.http;

import cn.fapiao.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A GraphQL client library that single-page apps use ({@code graphql-request}, under Node.js, as
 * published on npm) against the server unchanged: a public query, a mutation (login), a query with
 * the token it returned, and two error cases it must surface with their codes.
 */
@QuarkusTest
class SinglePageClientTest {

    @TestHTTPResource("/graphql")
    URL graphql;

    @Test
    void graphqlRequestRunsAQueryAMutationAndSeesErrorsWithTheirCodes() throws Exception {
        JsonPath out = JsonPath.from(NodeScripts.run("client.mjs", graphql.toString(), "a-auditor", Tokens.PASSWORD));
        assertEquals(true, out.getBoolean("query.valid"), out::prettify);
        assertEquals(2018, out.getInt("query.printYear"), out::prettify);
        assertEquals("a-auditor", out.getString("mutation.username"), out::prettify);
        assertEquals(List.of("AUDITOR"), out.getList("mutation.roles"), out::prettify);
        assertEquals("a-auditor", out.getString("authenticated.username"), out::prettify);
        assertEquals("string", out.getString("money.type"), out::prettify);
        assertEquals("0.00", out.getString("money.payable"), out::prettify);
        assertEquals("number", out.getString("money.filteredCount"), out::prettify);
        // A JavaScript number for an amount is refused before anything runs: a 400 (the variable does not coerce).
        assertEquals(400, out.getInt("money.number.status"), out::prettify);
        // graphql-request asks for application/graphql-response+json: a field error keeps HTTP 200
        // (the answer has data) and the client shows its code; a document that does not validate
        // is 400, which graphql-request reports by its status alone (it drops the body of a 4xx).
        assertEquals(200, out.getInt("error.status"), out::prettify);
        assertEquals("INVALID_CREDENTIALS", out.getString("error.code"), out::prettify);
        assertEquals(400, out.getInt("invalid.status"), out::prettify);
    }
}
