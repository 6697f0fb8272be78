package cn.fapiao.support;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import org.apache.http.conn.params.ConnRoutePNames;
import io.restassured.path.json.JsonPath;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/**
 * Sends GraphQL documents over real HTTP to the running test server. Documents live in
 * {@code src/test/resources/graphql/NAME.graphql}. GraphQL reports errors with HTTP 200, so
 * callers always assert on the body.
 */
public final class GraphQL {

    private GraphQL() {
    }

    /** Posts the named document with variables given as alternating name, value pairs. */
    public static JsonPath post(String documentName, Object... variables) {
        return postQuery(document(documentName), variables);
    }

    /** Posts the named document with {@code Authorization: Bearer token} (no header when token is null). */
    public static JsonPath postAs(String token, String documentName, Object... variables) {
        return send(token, document(documentName), variables);
    }

    /**
     * Posts the named document from another loopback address (e.g. {@code 127.0.0.2}): the
     * connection's source address, so the server sees a different client without trusting headers.
     */
    public static JsonPath postFrom(String clientAddress, String token, String documentName, Object... variables) {
        return sendOperation(clientAddress, token, document(documentName), null, variables);
    }

    public static JsonPath postQuery(String query, Object... variables) {
        return send(null, query, variables);
    }

    public static JsonPath postQueryAs(String token, String query, Object... variables) {
        return send(token, query, variables);
    }

    /** Posts one operation, chosen by {@code operationName}, of a document that holds several. */
    public static JsonPath postOperation(String query, String operationName, Object... variables) {
        return sendOperation(null, query, operationName, variables);
    }

    private static JsonPath send(String token, String query, Object... variables) {
        return sendOperation(token, query, null, variables);
    }

    private static JsonPath sendOperation(String token, String query, String operationName, Object... variables) {
        return sendOperation(null, token, query, operationName, variables);
    }

    private static JsonPath sendOperation(String clientAddress, String token, String query, String operationName, Object... variables) {
        Map<String, Object> vars = new LinkedHashMap<>();
        for (int i = 0; i < variables.length; i += 2) {
            vars.put((String) variables[i], variables[i + 1]);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", vars);
        if (operationName != null) {
            body.put("operationName", operationName);
        }
        var request = given().contentType(ContentType.JSON).body(body);
        if (clientAddress != null) {
            request = request.config(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                    .setParam(ConnRoutePNames.LOCAL_ADDRESS, address(clientAddress))));
        }
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        return request
                .when().post("/graphql")
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath();
    }

    /** The named document, with every fragment it spreads ({@code ...Name}) appended from {@code graphql/fragments/}. */
    public static String document(String name) {
        String document = read("/graphql/" + name + ".graphql");
        Matcher spread = Pattern.compile("\\.\\.\\.([A-Z][A-Za-z]*)").matcher(document);
        StringBuilder withFragments = new StringBuilder(document);
        java.util.Set<String> added = new java.util.HashSet<>();
        while (spread.find()) {
            if (added.add(spread.group(1))) {
                withFragments.append('\n').append(read("/graphql/fragments/" + spread.group(1) + ".graphql"));
            }
        }
        return withFragments.toString();
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    private static String read(String resource) {
        try (InputStream in = GraphQL.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No test document src/test/resources" + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
