package cn.fapiao.common.http;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The GraphQL route answers over HTTP/2: here in clear text (h2c, by the upgrade a client asks
 * for), which is the same HTTP/2 the server negotiates by ALPN where it ends TLS itself (README,
 * Transport; k8s/README.md). A request after the upgrade runs on the HTTP/2 connection too.
 */
@QuarkusTest
class Http2Test {

    @TestHTTPResource("/graphql")
    URL graphql;

    @Test
    void queriesAreAnsweredOverHttp2() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        URI get = URI.create(graphql + "?query=" + URLEncoder.encode("{ __typename }", StandardCharsets.UTF_8));
        HttpResponse<String> first = client.send(HttpRequest.newBuilder(get).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(HttpClient.Version.HTTP_2, first.version(), first::toString);
        assertEquals(200, first.statusCode(), first::body);
        assertTrue(first.body().contains("\"__typename\":\"Query\""), first::body);

        HttpResponse<String> post = client.send(HttpRequest.newBuilder(URI.create(graphql.toString()))
                        .header("Content-Type", "application/json").header("Accept", "application/graphql-response+json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __typename }\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(HttpClient.Version.HTTP_2, post.version(), post::toString);
        assertEquals(200, post.statusCode(), post::body);
        assertTrue(post.headers().firstValue("content-type").orElse("").startsWith("application/graphql-response+json"), post::toString);
    }
}
