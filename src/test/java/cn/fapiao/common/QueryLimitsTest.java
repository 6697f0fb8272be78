package cn.fapiao.common;

import cn.fapiao.support.GraphQL;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Expensive documents are refused up front with a stable code, before anything is resolved. */
@QuarkusTest
class QueryLimitsTest {

    @Test
    void aDeepQueryIsRefused() {
        String deep = "{ __schema { types { fields { type " + "{ ofType ".repeat(10) + "{ name }" + " }".repeat(10) + " } } } }";
        JsonPath body = GraphQL.postQuery(deep);
        assertEquals("QUERY_TOO_DEEP", body.get("errors[0].extensions.code"), body::prettify);
        assertNull(body.get("data"));
    }

    @Test
    void anAliasBombIsRefused() {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < 300; i++) {
            query.append(" a").append(i).append(": decodeInvoiceCode(code: \"011001800604\") { valid type { code } }");
        }
        JsonPath body = GraphQL.postQuery(query.append(" }").toString());
        assertEquals("QUERY_TOO_COMPLEX", body.get("errors[0].extensions.code"), body::prettify);
        assertNull(body.get("data"));
    }

    @Test
    void aRefusedDocumentIsRefusedEveryTimeItIsSent() {
        // Sizes are remembered per parsed document: the second and third sends are answered from that memory.
        String deep = "query Deep { __schema { types { fields { type " + "{ ofType ".repeat(10) + "{ name }" + " }".repeat(10) + " } } } }";
        for (int i = 0; i < 3; i++) {
            JsonPath body = GraphQL.postQuery(deep);
            assertEquals("QUERY_TOO_DEEP", body.get("errors[0].extensions.code"), body::prettify);
        }
    }

    @Test
    void eachOperationOfADocumentIsMeasuredOnItsOwn() {
        StringBuilder big = new StringBuilder("query Big {");
        for (int i = 0; i < 300; i++) {
            big.append(" a").append(i).append(": decodeInvoiceCode(code: \"011001800604\") { valid }");
        }
        String document = big.append(" } query Small { decodeInvoiceCode(code: \"011001800604\") { valid } }").toString();
        for (int i = 0; i < 2; i++) {
            JsonPath small = GraphQL.postOperation(document, "Small");
            assertNull(small.get("errors"), small::prettify);
            assertEquals(true, small.get("data.decodeInvoiceCode.valid"));
            JsonPath refused = GraphQL.postOperation(document, "Big");
            assertEquals("QUERY_TOO_COMPLEX", refused.get("errors[0].extensions.code"), refused::prettify);
        }
    }

    @Test
    void aDocumentWithIncludeIsMeasuredWithTheVariablesOfEachRequest() {
        // @include makes the size depend on the variables: the same text is small with one value, too big with the other.
        StringBuilder query = new StringBuilder("query Maybe($all: Boolean!) { decodeInvoiceCode(code: \"011001800604\") { valid }");
        for (int i = 0; i < 300; i++) {
            query.append(" a").append(i).append(": decodeInvoiceCode(code: \"011001800604\") @include(if: $all) { valid }");
        }
        String document = query.append(" }").toString();
        for (int i = 0; i < 2; i++) {
            JsonPath small = GraphQL.postQuery(document, "all", false);
            assertNull(small.get("errors"), small::prettify);
            JsonPath big = GraphQL.postQuery(document, "all", true);
            assertEquals("QUERY_TOO_COMPLEX", big.get("errors[0].extensions.code"), big::prettify);
        }
    }

    @Test
    void aReasonableQueryWithAliasesPasses() {
        JsonPath body = GraphQL.postQuery("{ a: decodeInvoiceCode(code: \"011001800604\") { valid } b: decodeInvoiceCode(code: \"044031900111\") { valid } }");
        assertNull(body.get("errors"));
        assertEquals(true, body.get("data.a.valid"));
    }

    @Test
    void aHugeBodyIsRefusedBeforeParsing() {
        String padding = "x".repeat(2 * 1024 * 1024);
        given().contentType(ContentType.JSON)
                .body(Map.of("query", "{ decodeInvoiceCode(code: \"" + padding + "\") { valid } }"))
                .when().post("/graphql")
                .then().statusCode(413);
    }

    @Test
    void batchedOperationsAreNotExecuted() {
        List<Map<String, String>> batch = List.of(
                Map.of("query", "{ decodeInvoiceCode(code: \"011001800604\") { valid } }"),
                Map.of("query", "{ decodeInvoiceCode(code: \"044031900111\") { valid } }"));
        String response = given().contentType(ContentType.JSON).body(batch)
                .when().post("/graphql")
                .then().extract().asString();
        assertTrue(!response.contains("\"valid\":true"), response);
    }
}
