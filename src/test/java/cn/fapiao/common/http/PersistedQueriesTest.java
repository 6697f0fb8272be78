package cn.fapiao.common.http;

import cn.fapiao.support.Eventually;
import cn.fapiao.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Apollo's automatic persisted queries: a hash the server does not know is a miss, the document
 * sent with its hash is checked and stored for every replica (a row), then the hash alone runs it.
 * A GET of a persisted public reference query may be kept by HTTP caches; nothing else may.
 */
@QuarkusTest
class PersistedQueriesTest {

    @Inject
    Pool pool;

    private static Map<String, Object> persisted(String hash) {
        return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
    }

    private static JsonPath post(String token, Map<String, Object> body) {
        var request = given().contentType("application/json").body(body);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        Response response = request.when().post("/graphql");
        assertEquals(200, response.statusCode(), response::asString);
        return response.jsonPath();
    }

    /** A document no other test sends, so that its hash is unknown at first. */
    private static String freshDecode() {
        return "query Decode_" + UUID.randomUUID().toString().replace("-", "") + " { decodeInvoiceCode(code: \"011001800604\") { valid } }";
    }

    private boolean stored(String hash) {
        return pool.preparedQuery("select 1 from persisted_query where sha256 = $1").execute(Tuple.of(hash))
                .await().atMost(Duration.ofSeconds(5)).size() == 1;
    }

    @Test
    void aMissThenTheDocumentWithItsHashThenAHit() {
        String document = freshDecode();
        String hash = PersistedHash.of(document);

        JsonPath miss = post(null, Map.of("extensions", persisted(hash)));
        assertEquals("PERSISTED_QUERY_NOT_FOUND", miss.getString("errors[0].extensions.code"), miss::prettify);
        assertNull(miss.get("data"));

        JsonPath registered = post(null, Map.of("query", document, "extensions", persisted(hash)));
        assertEquals(true, registered.getBoolean("data.decodeInvoiceCode.valid"), registered::prettify);
        Eventually.within(Duration.ofSeconds(5), () -> stored(hash), found -> found, "the document stored for every replica");

        JsonPath hit = post(null, Map.of("extensions", persisted(hash)));
        assertEquals(true, hit.getBoolean("data.decodeInvoiceCode.valid"), hit::prettify);
        // The same hash in upper case is the same hash.
        JsonPath upper = post(null, Map.of("extensions", persisted(hash.toUpperCase())));
        assertEquals(true, upper.getBoolean("data.decodeInvoiceCode.valid"), upper::prettify);
    }

    @Test
    void aDocumentStoredByAnotherReplicaIsFoundByItsHash() {
        String document = freshDecode();
        String hash = PersistedHash.of(document);
        pool.preparedQuery("insert into persisted_query (sha256, document) values ($1, $2)").execute(Tuple.of(hash, document))
                .await().atMost(Duration.ofSeconds(5));
        JsonPath hit = post(null, Map.of("extensions", persisted(hash)));
        assertEquals(true, hit.getBoolean("data.decodeInvoiceCode.valid"), hit::prettify);
    }

    @Test
    void aHashThatIsNotTheDocumentsIsRefusedAndNothingIsStored() {
        String document = freshDecode();
        String otherHash = PersistedHash.of(document + " ");
        Response response = given().contentType("application/json")
                .body(Map.of("query", document, "extensions", persisted(otherHash))).when().post("/graphql");
        assertEquals(400, response.statusCode(), response::asString);
        assertEquals("PERSISTED_QUERY_HASH_MISMATCH", response.jsonPath().getString("errors[0].extensions.code"));
        assertEquals(false, stored(otherHash));
        assertEquals("PERSISTED_QUERY_NOT_FOUND", post(null, Map.of("extensions", persisted(otherHash))).getString("errors[0].extensions.code"));

        for (Object bad : new Object[] {"abc", 42, "z".repeat(64), Map.of()}) {
            Response malformed = given().contentType("application/json")
                    .body(Map.of("extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", bad)))).when().post("/graphql");
            assertEquals(400, malformed.statusCode(), malformed::asString);
            assertEquals("PERSISTED_QUERY_HASH_MISMATCH", malformed.jsonPath().getString("errors[0].extensions.code"));
        }
    }

    @Test
    void aDocumentThatDoesNotValidateIsNotStored() {
        String document = "query Broken_" + UUID.randomUUID().toString().replace("-", "") + " { noSuchField }";
        String hash = PersistedHash.of(document);
        JsonPath refused = post(null, Map.of("query", document, "extensions", persisted(hash)));
        assertEquals("GRAPHQL_VALIDATION_FAILED", refused.getString("errors[0].extensions.code"));
        // Registering remembers the document at once (then stores it): the hash alone would find it.
        assertEquals("PERSISTED_QUERY_NOT_FOUND", post(null, Map.of("extensions", persisted(hash))).getString("errors[0].extensions.code"));
        assertEquals(false, stored(hash));
    }

    @Test
    void aPersistedPublicReferenceQueryOverGetIsCacheableAndNothingElseIs() {
        String document = freshDecode();
        String hash = PersistedHash.of(document);
        post(null, Map.of("query", document, "extensions", persisted(hash)));
        String extensions = "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}";

        Response get = given().queryParam("extensions", extensions).when().get("/graphql");
        assertEquals(200, get.statusCode(), get::asString);
        assertEquals(true, get.jsonPath().getBoolean("data.decodeInvoiceCode.valid"));
        assertEquals("public, max-age=300", get.header("Cache-Control"));

        // With credentials the answer is the caller's business: never kept by shared caches.
        Response withToken = given().header("Authorization", "Bearer " + Tokens.of("a-accountant"))
                .queryParam("extensions", extensions).when().get("/graphql");
        assertEquals("no-store", withToken.header("Cache-Control"));

        // A per-user query persisted and sent the same way is never cacheable.
        String me = "query Me_" + UUID.randomUUID().toString().replace("-", "") + " { me { username } }";
        String meHash = PersistedHash.of(me);
        post(Tokens.of("a-accountant"), Map.of("query", me, "extensions", persisted(meHash)));
        Response meGet = given().queryParam("extensions", "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + meHash + "\"}}")
                .when().get("/graphql");
        assertEquals("UNAUTHENTICATED", meGet.jsonPath().getString("errors[0].extensions.code"), meGet::asString);
        assertEquals("no-store", meGet.header("Cache-Control"));

        // A public field next to a per-user one is not public either.
        String mixed = "query Mixed_" + UUID.randomUUID().toString().replace("-", "") + " { decodeInvoiceCode(code: \"011001800604\") { valid } me { username } }";
        String mixedHash = PersistedHash.of(mixed);
        post(null, Map.of("query", mixed, "extensions", persisted(mixedHash)));
        Response mixedGet = given().queryParam("extensions", "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + mixedHash + "\"}}")
                .when().get("/graphql");
        assertEquals("no-store", mixedGet.header("Cache-Control"));
    }
}
