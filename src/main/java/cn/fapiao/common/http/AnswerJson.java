package cn.fapiao.common.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.Unpooled;
import io.smallrye.graphql.execution.error.ExecutionErrorsService;
import io.vertx.core.buffer.Buffer;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Writes a GraphQL answer as JSON straight from graphql-java's result into the response buffer.
 *
 * <p>SmallRye built a JSON-P tree of the whole answer (an object per value, copied by every
 * builder) and then printed it; for a page of 50 invoices that tree is most of the garbage of a
 * request. The data is written here with one streaming generator instead. Errors are few and rare,
 * so they are still made by SmallRye's {@link ExecutionErrorsService}, which applies
 * {@code quarkus.smallrye-graphql.error-extension-fields}: an error reads exactly as before.
 * The keys come in SmallRye's order: errors, data, extensions.
 */
final class AnswerJson {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ExecutionErrorsService ERRORS = new ExecutionErrorsService();

    private AnswerJson() {
    }

    static Buffer write(ExecutionResult result) {
        ByteBuf bytes = Unpooled.buffer(1024);
        try (JsonGenerator json = FACTORY.createGenerator((java.io.OutputStream) new ByteBufOutputStream(bytes))) {
            json.writeStartObject();
            List<GraphQLError> errors = result.getErrors();
            if (errors != null && !errors.isEmpty()) {
                json.writeFieldName("errors");
                json.writeRawValue(ERRORS.toJsonErrors(errors).toString());
            }
            if (result.isDataPresent()) {
                json.writeFieldName("data");
                value(json, result.getData());
            }
            Map<Object, Object> extensions = result.getExtensions();
            if (extensions != null) {
                json.writeFieldName("extensions");
                json.writeStartObject();
                for (Map.Entry<Object, Object> entry : extensions.entrySet()) {
                    if (entry.getKey() instanceof String key) {
                        json.writeFieldName(key);
                        value(json, entry.getValue());
                    }
                }
                json.writeEndObject();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Buffer.buffer(bytes);
    }

    /** The values graphql-java completes fields with: maps, lists and serialised scalars, as SmallRye wrote them. */
    private static void value(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeFieldName(String.valueOf(entry.getKey()));
                value(json, entry.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof Collection<?> items) {
            json.writeStartArray();
            for (Object item : items) {
                value(json, item);
            }
            json.writeEndArray();
        } else if (value instanceof Boolean flag) {
            json.writeBoolean(flag);
        } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            json.writeNumber(((Number) value).intValue());
        } else if (value instanceof Long number) {
            json.writeNumber(number);
        } else if (value instanceof BigDecimal number) {
            json.writeNumber(number);
        } else if (value instanceof BigInteger number) {
            json.writeNumber(number);
        } else if (value instanceof Double || value instanceof Float) {
            // As SmallRye's JSON-P wrote them (a float through its decimal text, so 0.1f stays 0.1).
            json.writeNumber(value instanceof Float f ? new BigDecimal(String.valueOf(f)) : BigDecimal.valueOf((Double) value));
        } else if (value instanceof Enum<?> constant) {
            json.writeString(constant.name());
        } else if (value instanceof JsonValue jsonValue) {
            json.writeRawValue(jsonValue.toString());
        } else {
            // No scalar of this schema serialises to anything else; should one ever, its text is still valid JSON.
            json.writeString(String.valueOf(value));
        }
    }
}
