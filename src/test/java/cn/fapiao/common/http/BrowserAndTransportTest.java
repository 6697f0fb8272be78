package cn.fapiao.common.http;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.Decoder;
import com.aayushatharva.brotli4j.decoder.DecoderJNI;
import com.aayushatharva.brotli4j.decoder.DirectDecompress;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Browsers: only the configured origins ({@code quarkus.http.cors.origins}; the test profile
 * allows https://console.fapiao.test) may call the API from a page. Transport: answers from
 * {@code fapiao.http.compress-from} on are compressed (br, gzip or deflate) when the client accepts
 * it, smaller ones not; a br body decodes to the same answer.
 */
@QuarkusTest
class BrowserAndTransportTest {

    private static Response preflight(String origin) {
        return given().header("Origin", origin).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,authorization")
                .when().options("/graphql");
    }

    @Test
    void aConfiguredOriginMayCallFromAPageAndNoOtherMay() {
        Response allowed = preflight("https://console.fapiao.test");
        assertEquals("https://console.fapiao.test", allowed.header("Access-Control-Allow-Origin"), allowed.headers()::toString);
        assertTrue(allowed.header("Access-Control-Allow-Methods").contains("POST"), allowed.headers()::toString);

        Response other = preflight("https://evil.example");
        assertNull(other.header("Access-Control-Allow-Origin"), other.headers()::toString);

        Response actual = given().header("Origin", "https://evil.example").contentType("application/json")
                .body(Map.of("query", "{ __typename }")).when().post("/graphql");
        assertNull(actual.header("Access-Control-Allow-Origin"), actual.headers()::toString);
        Response fromConsole = given().header("Origin", "https://console.fapiao.test").contentType("application/json")
                .body(Map.of("query", "{ __typename }")).when().post("/graphql");
        assertEquals("https://console.fapiao.test", fromConsole.header("Access-Control-Allow-Origin"), fromConsole.headers()::toString);
    }

    @Test
    void largeAnswersAreCompressedAndSmallOnesAreNot() {
        RestAssuredConfig raw = RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());
        for (String encoding : new String[] {"gzip", "deflate", "br"}) {
            Response large = given().config(raw).header("Accept-Encoding", encoding).contentType("application/json")
                    .body(Map.of("query", "{ __schema { types { name description fields { name description } } } }"))
                    .when().post("/graphql");
            assertEquals(200, large.statusCode());
            assertEquals(encoding, large.header("Content-Encoding"), large.headers()::toString);

            Response small = given().config(raw).header("Accept-Encoding", encoding).contentType("application/json")
                    .body(Map.of("query", "{ __typename }")).when().post("/graphql");
            assertNotEquals(encoding, small.header("Content-Encoding"), small.headers()::toString);
            assertTrue(small.asString().contains("\"__typename\""), small::asString);
        }
    }

    @Test
    void brotliIsPreferredWhereTheClientAcceptsItAndItsBodyDecodes() throws Exception {
        RestAssuredConfig raw = RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());
        Map<String, String> query = Map.of("query", "{ __schema { types { name description fields { name description } } } }");
        String plain = given().contentType("application/json").header("Accept-Encoding", "identity").body(query)
                .when().post("/graphql").then().statusCode(200).extract().asString();
        // What browsers send: br is chosen over gzip (fewer bytes; its CPU cost: the README's Transport).
        Response br = given().config(raw).header("Accept-Encoding", "gzip, deflate, br").contentType("application/json")
                .body(query).when().post("/graphql");
        assertEquals(200, br.statusCode());
        assertEquals("br", br.header("Content-Encoding"), br.headers()::toString);
        byte[] compressed = br.asByteArray();
        Brotli4jLoader.ensureAvailability();
        DirectDecompress decoded = Decoder.decompress(compressed);
        assertEquals(DecoderJNI.Status.DONE, decoded.getResultStatus());
        String text = new String(decoded.getDecompressedData(), StandardCharsets.UTF_8);
        assertEquals(plain, text);
        assertTrue(compressed.length * 3 < text.length(), () -> compressed.length + " of " + text.length());
        // A client that does not accept br never gets it.
        Response gzip = given().config(raw).header("Accept-Encoding", "gzip").contentType("application/json")
                .body(query).when().post("/graphql");
        assertEquals("gzip", gzip.header("Content-Encoding"), gzip.headers()::toString);
    }
}
