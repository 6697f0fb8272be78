package cn.fapiao.common.http;

import io.smallrye.graphql.JsonProviderHolder;
import io.vertx.core.MultiMap;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;

/**
 * One GraphQL request as the GraphQL-over-HTTP specification defines it, read from a POST body or
 * from the parameters of a GET, each parameter checked for its type: a request that is not one is
 * refused with {@code BAD_REQUEST} naming the parameter (SmallRye answered a non-object
 * {@code variables} with HTTP 500 and a plain-text page, a body that is not JSON with HTTP 200).
 *
 * @param query         the document, or null when only a persisted hash is sent
 * @param operationName the operation to run, or null
 * @param variables     the variables, or null
 * @param persistedHash {@code extensions.persistedQuery.sha256Hash}, or null
 * @param json          the request as SmallRye's execution reads it
 */
record GraphQLRequest(String query, String operationName, JsonObject variables, String persistedHash, JsonObject json) {

    private static final JsonProvider JSON = JsonProviderHolder.JSON_PROVIDER;
    private static final JsonReaderFactory READERS = JSON.createReaderFactory(null);

    /** The request in a JSON body ({@code application/json}). */
    static GraphQLRequest fromJson(String body) {
        if (body == null || body.isBlank()) {
            throw HttpRefusal.badRequest(null, "The request has no body: send a JSON object with the document in `query`.");
        }
        JsonValue value = parse(body, "The body");
        if (!(value instanceof JsonObject request)) {
            throw HttpRefusal.badRequest(null, "The body must be one JSON object with the document in `query` (batches of requests are not served).");
        }
        String query = text(request.get("query"), "query");
        String operationName = text(request.get("operationName"), "operationName");
        JsonObject variables = object(request.get("variables"), "variables");
        JsonObject extensions = object(request.get("extensions"), "extensions");
        return of(query, operationName, variables, extensions, request);
    }

    /** The request of a body that is the document itself ({@code application/graphql}). */
    static GraphQLRequest fromDocument(String body) {
        if (body == null || body.isBlank()) {
            throw HttpRefusal.badRequest("query", "The request has no body: send the document.");
        }
        return of(body, null, null, null, null);
    }

    /** The request in the parameters of a GET: {@code variables} and {@code extensions} are JSON text. */
    static GraphQLRequest fromParameters(MultiMap parameters) {
        String query = emptyAsNull(parameters.get("query"));
        String operationName = emptyAsNull(parameters.get("operationName"));
        String variablesText = emptyAsNull(parameters.get("variables"));
        String extensionsText = emptyAsNull(parameters.get("extensions"));
        JsonObject variables = variablesText == null ? null : object(parse(variablesText, "`variables`"), "variables");
        JsonObject extensions = extensionsText == null ? null : object(parse(extensionsText, "`extensions`"), "extensions");
        return of(query, operationName, variables, extensions, null);
    }

    private static GraphQLRequest of(String query, String operationName, JsonObject variables, JsonObject extensions, JsonObject json) {
        String hash = PersistedHash.of(extensions);
        if (query == null && hash == null) {
            throw HttpRefusal.badRequest("query", "The request has no `query`: send the GraphQL document as a string in `query`.");
        }
        return new GraphQLRequest(query, operationName, variables, hash, json);
    }

    /** The same request with its document (found by its persisted hash). */
    GraphQLRequest withQuery(String document) {
        return new GraphQLRequest(document, operationName, variables, persistedHash, null);
    }

    /** The request as SmallRye's execution reads it: query, operation name and variables. */
    JsonObject forExecution() {
        if (json != null) {
            return json;
        }
        JsonObjectBuilder built = JSON.createObjectBuilder().add("query", query);
        if (operationName != null) {
            built.add("operationName", operationName);
        }
        if (variables != null) {
            built.add("variables", variables);
        }
        return built.build();
    }

    private static JsonValue parse(String text, String what) {
        try {
            return read(text);
        } catch (JsonException e) {
            // SmallRye accepted raw line breaks and tabs inside strings (documents pasted from Java
            // text blocks); they are not JSON, but clients written against it keep working.
            if (text.indexOf('\n') >= 0 || text.indexOf('\t') >= 0) {
                try {
                    return read(text.replace('\n', ' ').replace('\t', ' ').replace('\r', ' '));
                } catch (JsonException ignored) {
                    // the first failure is the one to report
                }
            }
            throw HttpRefusal.badRequest(null, what + " is not valid JSON.");
        }
    }

    private static JsonValue read(String text) {
        try (JsonReader reader = READERS.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    private static String text(JsonValue value, String name) {
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        throw HttpRefusal.badRequest(name, "`" + name + "` must be a string, got " + typeOf(value) + ".");
    }

    static JsonObject object(JsonValue value, String name) {
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonObject object) {
            return object;
        }
        throw HttpRefusal.badRequest(name, "`" + name + "` must be a JSON object (a map of names to values), got " + typeOf(value) + ".");
    }

    static String typeOf(JsonValue value) {
        return switch (value.getValueType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case TRUE, FALSE -> "a boolean";
            case NULL -> "null";
        };
    }

    private static String emptyAsNull(String parameter) {
        return parameter == null || parameter.isEmpty() ? null : parameter;
    }
}
