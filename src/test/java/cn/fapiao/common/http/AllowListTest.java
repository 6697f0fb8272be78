package cn.fapiao.common.http;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Allow-list mode, for production: only the operations of the client's manifest
 * ({@code src/test/resources/persisted/manifest.json} here) run, by hash or by their exact text;
 * nothing else runs and nothing can be registered. The web console's own operations (its build's
 * manifest in the jar) run too, so that the console works on such a server.
 */
@QuarkusTest
@TestProfile(AllowListTest.AllowList.class)
class AllowListTest {

    static final String DECODE = "query Decode($code: String) { decodeInvoiceCode(code: $code) { valid code } }";

    public static class AllowList implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("fapiao.http.persisted-queries.mode", "allow-list",
                    "fapiao.http.persisted-queries.manifest", "src/test/resources/persisted/manifest.json");
        }
    }

    private static Response post(Map<String, Object> body) {
        return given().contentType("application/json").body(body).when().post("/graphql");
    }

    private static Map<String, Object> persisted(String hash) {
        return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
    }

    @Test
    void aRegisteredOperationRunsByItsHashWithGetAndPost() {
        String hash = PersistedHash.of(DECODE);
        JsonPath byHash = post(Map.of("extensions", persisted(hash), "variables", Map.of("code", "011001800604"))).jsonPath();
        assertEquals("011001800604", byHash.getString("data.decodeInvoiceCode.code"), byHash::prettify);

        Response get = given().queryParam("extensions", "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}")
                .queryParam("variables", "{\"code\":\"011001800604\"}").when().get("/graphql");
        assertEquals(true, get.jsonPath().getBoolean("data.decodeInvoiceCode.valid"), get::asString);
        assertEquals("public, max-age=300", get.header("Cache-Control"));

        JsonPath byText = post(Map.of("query", DECODE, "variables", Map.of("code", "011001800604"))).jsonPath();
        assertEquals(true, byText.getBoolean("data.decodeInvoiceCode.valid"), byText::prettify);
    }

    @Test
    void theWebConsolesOperationsAreAllowedBesideTheConfiguredManifest() {
        String hash = ConsoleManifest.hashOf("DecodeInvoiceCode");
        JsonPath byHash = post(Map.of("operationName", "DecodeInvoiceCode", "extensions", persisted(hash),
                "variables", Map.of("code", "011001800604"))).jsonPath();
        assertEquals("011001800604", byHash.getString("data.decodeInvoiceCode.code"), byHash::prettify);
    }

    @Test
    void anythingElseIsRefusedAndCannotBeRegistered() {
        String other = "{ decodeInvoiceCode(code: \"011001800604\") { valid } }";
        for (Map<String, Object> body : new Map[] {
                Map.of("query", other),
                Map.of("query", other, "extensions", persisted(PersistedHash.of(other))),
                Map.of("extensions", persisted(PersistedHash.of(other))),
                Map.of("query", DECODE + " ", "variables", Map.of("code", "011001800604"))}) {
            Response response = post(body);
            assertEquals(400, response.statusCode(), response::asString);
            assertEquals("PERSISTED_QUERY_NOT_ALLOWED", response.jsonPath().getString("errors[0].extensions.code"), response::asString);
            assertNull(response.jsonPath().get("data"));
        }
        // Refused before anything ran, also with GET.
        Response get = given().queryParam("query", other).when().get("/graphql");
        assertEquals("PERSISTED_QUERY_NOT_ALLOWED", get.jsonPath().getString("errors[0].extensions.code"), get::asString);
    }
}
