package cn.fapiao.common;

import cn.fapiao.support.GraphQL;
import cn.fapiao.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    void tenPagesOfInvoicesWithTheirLinesAreRefusedBeforeRunning() {
        // Issue 15: this scored 90 fields of 500 and answered 500,000 lines. Counted with its page
        // sizes and the bound on a listed invoice's lines (50), its answer could hold over 50,000 values.
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < 10; i++) {
            query.append(" p").append(i).append(": invoices(first: 25) { edges { node { lines { itemName amount tax } } } }");
        }
        JsonPath body = GraphQL.postQueryAs(Tokens.of("a-accountant"), query.append(" }").toString());
        assertEquals("QUERY_TOO_COMPLEX", body.get("errors[0].extensions.code"), body::prettify);
        assertTrue(body.getString("errors[0].message").contains("50000"), body::prettify);
        assertNull(body.get("data"));
    }

    @Test
    void pageSizesGivenAsVariablesAreCountedWithEachRequestsValues() {
        // The size of a document is remembered per value of its page-size variables, never across them.
        String query = "query Pages($n: Int) { a: invoices(first: $n) { ...Lines } b: invoices(first: $n) { ...Lines } c: invoices(first: $n) { ...Lines } }"
                + " fragment Lines on InvoiceConnection { edges { node { lines { itemName amount tax } } } }";
        for (int i = 0; i < 2; i++) {
            JsonPath small = GraphQL.postQueryAs(Tokens.of("a-accountant"), query, "n", 2);
            assertNull(small.get("errors"), small::prettify);
            JsonPath big = GraphQL.postQueryAs(Tokens.of("a-accountant"), query, "n", 100);
            assertEquals("QUERY_TOO_COMPLEX", big.get("errors[0].extensions.code"), big::prettify);
        }
    }

    @Test
    void ordinaryClientDocumentsPass() throws IOException {
        String token = Tokens.of("a-accountant");
        // A page of 50 with every field of each invoice, its lines and history.
        JsonPath everything = GraphQL.postAs(token, "invoicesWithEveryField", "first", 50);
        assertNull(everything.get("errors"), everything::prettify);
        // The benchmark's documents as its clients send them (bench/lua/graphql.lua): the
        // reconciliation page of 50 with lines and history, and one invoice with everything.
        String bench = Files.readString(Path.of("bench/lua/graphql.lua"));
        JsonPath reconciliation = GraphQL.postQueryAs(token, benchDocument(bench, "Q_INVOICES_WITH_LINES"), "first", 50);
        assertNull(reconciliation.get("errors"), reconciliation::prettify);
        JsonPath single = GraphQL.postQueryAs(token, benchDocument(bench, "Q_BY_NUMBER"), "number", "26112000000000000001");
        assertEquals("INVOICE_NOT_FOUND", single.get("errors[0].extensions.code"), single::prettify); // measured, run, and not found
    }

    private static String benchDocument(String script, String name) {
        Matcher document = Pattern.compile("local " + name + " = \"(.*)\"").matcher(script);
        assertTrue(document.find(), name);
        return document.group(1);
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
