package cn.fapiao.common.http;

import cn.fapiao.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.http.TestHTTPResource;

import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GraphQL over HTTP as our route serves it ({@link GraphQLRoute}): status codes per accepted media
 * type, GET, and every refusal with a code of the catalogue naming what to fix. Several of these
 * answers came from SmallRye's handler before (HTTP 200 for a body that is not JSON, 500 with a
 * plain-text page for {@code variables: [1]}), so each also proves our route is the one answering.
 */
@QuarkusTest
class GraphQLOverHttpTest {

    static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    static final String DECODE = "{ decodeInvoiceCode(code: \"011001800604\") { valid } }";

    @TestHTTPResource("/graphql")
    URL graphql;

    private static Response post(String accept, String contentType, Object body) {
        var request = given().header("Accept", accept).contentType(contentType);
        return (body == null ? request : request.body(body)).when().post("/graphql");
    }

    private static JsonPath refused(Response response, int status, String code) {
        JsonPath body = response.then().extract().jsonPath();
        assertEquals(status, response.statusCode(), response::asString);
        assertEquals(code, body.getString("errors[0].extensions.code"), response::asString);
        assertNull(body.get("data"), response::asString);
        return body;
    }

    @Test
    void aQueryAnswers200InBothMediaTypes() {
        for (String accept : new String[] {"application/json", GRAPHQL_RESPONSE, "*/*"}) {
            Response response = post(accept, "application/json", Map.of("query", DECODE));
            assertEquals(200, response.statusCode(), response::asString);
            assertEquals(true, response.jsonPath().getBoolean("data.decodeInvoiceCode.valid"));
            String expected = accept.equals("*/*") ? "application/json" : accept;
            assertEquals(expected + "; charset=utf-8", response.contentType());
            assertEquals("no-store", response.header("Cache-Control"));
        }
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequest() {
        for (String accept : new String[] {"application/json", GRAPHQL_RESPONSE}) {
            JsonPath body = refused(post(accept, "application/json", "{ \"not a JSON"), 400, "BAD_REQUEST");
            assertTrue(body.getString("errors[0].message").contains("not valid JSON"));
        }
        refused(post("application/json", "application/json", "[{\"query\": \"" + "{ __typename }" + "\"}]"), 400, "BAD_REQUEST");
        refused(post("application/json", "application/json", null), 400, "BAD_REQUEST");
        refused(post("application/json", "application/json", Map.of("qeury", DECODE)), 400, "BAD_REQUEST");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1]", "\"x\"", "0", "false"})
    void variablesThatAreNotAnObjectAreRefusedNamingThem(String variables) {
        String json = "{\"query\": \"{ __typename }\", \"variables\": " + variables + "}";
        JsonPath body = refused(post("application/json", "application/json", json), 400, "BAD_REQUEST");
        assertEquals("variables", body.getString("errors[0].extensions.field"));
        JsonPath extensions = refused(post("application/json", "application/json",
                "{\"query\": \"{ __typename }\", \"extensions\": " + variables + "}"), 400, "BAD_REQUEST");
        assertEquals("extensions", extensions.getString("errors[0].extensions.field"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "{}", "[\"A\"]", "true"})
    void anOperationNameOrQueryThatIsNotAStringIsRefused(String value) {
        JsonPath body = refused(post("application/json", "application/json",
                "{\"query\": \"query A { __typename }\", \"operationName\": " + value + "}"), 400, "BAD_REQUEST");
        assertEquals("operationName", body.getString("errors[0].extensions.field"));
        JsonPath query = refused(post("application/json", "application/json", "{\"query\": " + value + "}"), 400, "BAD_REQUEST");
        assertEquals("query", query.getString("errors[0].extensions.field"));
    }

    @Test
    void textThatIsNotADocumentIsAParseFailureWithWhereItStops() {
        Response json = post("application/json", "application/json", Map.of("query", "{ decodeInvoiceCode(code: \"1\") { valid }"));
        assertEquals(200, json.statusCode(), json::asString);
        assertEquals("GRAPHQL_PARSE_FAILED", json.jsonPath().getString("errors[0].extensions.code"), json::asString);
        assertNotNull(json.jsonPath().get("errors[0].locations[0].line"), json::asString);
        assertTrue(json.jsonPath().getString("errors[0].message").contains("Invalid syntax"), json::asString);

        refused(post(GRAPHQL_RESPONSE, "application/json", Map.of("query", "{")), 400, "GRAPHQL_PARSE_FAILED");
    }

    @Test
    void aDocumentThatDoesNotFitTheSchemaIs400ForTheSpecificationsMediaTypeOnly() {
        Map<String, String> unknownField = Map.of("query", "{ noSuchField }");
        refused(post(GRAPHQL_RESPONSE, "application/json", unknownField), 400, "GRAPHQL_VALIDATION_FAILED");
        Response json = post("application/json", "application/json", unknownField);
        assertEquals(200, json.statusCode());
        assertEquals("GRAPHQL_VALIDATION_FAILED", json.jsonPath().getString("errors[0].extensions.code"));
    }

    @Test
    void aVariableOfTheWrongTypeIsRefusedNamingIt() {
        String document = "query Page($first: Int) { invoices(first: $first) { totalCount } }";
        for (String accept : new String[] {"application/json", GRAPHQL_RESPONSE}) {
            Response response = given().header("Accept", accept).header("Authorization", "Bearer " + Tokens.of("a-accountant"))
                    .contentType("application/json").body(Map.of("query", document, "variables", Map.of("first", "abc")))
                    .when().post("/graphql");
            JsonPath body = response.jsonPath();
            assertEquals(accept.equals(GRAPHQL_RESPONSE) ? 400 : 200, response.statusCode(), response::asString);
            assertEquals("GRAPHQL_VALIDATION_FAILED", body.getString("errors[0].extensions.code"), response::asString);
            assertEquals("first", body.getString("errors[0].extensions.field"), response::asString);
            assertTrue(body.getString("errors[0].message").contains("'first'"), response::asString);
            assertNull(body.get("data"));
        }
    }

    @Test
    void aQueryCanBeSentWithGetWithUrlEncodedVariables() {
        Response response = given().header("Accept", GRAPHQL_RESPONSE)
                .queryParam("query", "query Decode($code: String) { decodeInvoiceCode(code: $code) { valid code } }")
                .queryParam("variables", "{\"code\": \"011001800604\"}")
                .queryParam("operationName", "Decode")
                .when().get("/graphql");
        assertEquals(200, response.statusCode(), response::asString);
        assertEquals("011001800604", response.jsonPath().getString("data.decodeInvoiceCode.code"));
        assertEquals("no-store", response.header("Cache-Control"), "a GET with the document in the URL is not marked cacheable");

        refused(given().queryParam("query", DECODE).queryParam("variables", "[1]").when().get("/graphql"), 400, "BAD_REQUEST");
        refused(given().queryParam("query", DECODE).queryParam("extensions", "{nope").when().get("/graphql"), 400, "BAD_REQUEST");
        refused(given().when().get("/graphql"), 400, "BAD_REQUEST");
    }

    @Test
    void aMutationSentWithGetIsRefusedAndDoesNotRun() {
        String token = Tokens.of("a-admin");
        String logout = "mutation { logout(refreshToken: \"none\") }";
        for (String accept : new String[] {"application/json", GRAPHQL_RESPONSE}) {
            Response response = given().header("Accept", accept).header("Authorization", "Bearer " + token)
                    .queryParam("query", logout).when().get("/graphql");
            refused(response, 405, "METHOD_NOT_ALLOWED");
            assertEquals("POST", response.header("Allow"));
        }
        // Had the GET logged out, the token would have stopped working.
        JsonPath me = given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body(Map.of("query", "{ me { username } }")).when().post("/graphql").jsonPath();
        assertEquals("a-admin", me.getString("data.me.username"), me::prettify);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=latin1"})
    void aBodyABrowserSendsWithoutAPreflightIsRefused(String contentType) throws Exception {
        String token = Tokens.of("a-admin");
        // Sent as a browser sends it: the type as given, the body as it is (RestAssured would re-encode forms).
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(graphql.toURI())
                .header("Content-Type", contentType).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"mutation { logout(refreshToken: \\\"none\\\") }\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(415, response.statusCode(), response::body);
        assertEquals("UNSUPPORTED_MEDIA_TYPE", JsonPath.from(response.body()).getString("errors[0].extensions.code"));
        JsonPath me = given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body(Map.of("query", "{ me { username } }")).when().post("/graphql").jsonPath();
        assertEquals("a-admin", me.getString("data.me.username"), "the refused mutation did not run: " + me.prettify());
    }

    @Test
    void aPostWithoutContentTypeIsRefused() {
        Response response = given().body(new byte[0]).when().post("/graphql");
        assertEquals(415, response.statusCode(), response::asString);
    }

    @Test
    void theDocumentItselfIsStillAccepted() {
        Response response = given().contentType("application/graphql; charset=utf-8").body(DECODE.getBytes(StandardCharsets.UTF_8)).when().post("/graphql");
        assertEquals(200, response.statusCode(), response::asString);
        assertEquals(true, response.jsonPath().getBoolean("data.decodeInvoiceCode.valid"));
    }

    @Test
    void anAcceptHeaderThatAllowsNoJsonIs406() {
        refused(given().header("Accept", "text/html").contentType("application/json").body(Map.of("query", DECODE))
                .when().post("/graphql"), 406, "NOT_ACCEPTABLE");
    }

    @Test
    void otherMethodsAre405WithTheMethodsThatWork() {
        Response put = given().contentType("application/json").body(Map.of("query", DECODE)).when().put("/graphql");
        refused(put, 405, "METHOD_NOT_ALLOWED");
        assertEquals("GET, POST, OPTIONS", put.header("Allow"));
    }
}
