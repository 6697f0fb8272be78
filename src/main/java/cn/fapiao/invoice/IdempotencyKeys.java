package cn.fapiao.invoice;

import cn.fapiao.common.ApiException;
import cn.fapiao.common.ErrorCode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * One behaviour for idempotency keys in every operation that takes one: a key belongs to the
 * operation and content it was first used with. The same key with the same content answers the
 * stored result; with another operation or other content it is refused with
 * {@code IDEMPOTENCY_KEY_REUSED}, never answered with an unrelated earlier result.
 */
final class IdempotencyKeys {

    static final int MAX_LENGTH = 100;

    private IdempotencyKeys() {
    }

    /** The key as stored (stripped), or null when none was given. */
    static String clean(String key) {
        return key == null || key.isBlank() ? null : key.strip();
    }

    /**
     * SHA-256 (hex) of the operation's name and a canonical rendering of its input record: record
     * components in declaration order, nulls written out, the idempotency key itself left out.
     */
    static String requestHash(String operation, Record input) {
        JsonObject canonical = new JsonObject().put("operation", operation).put("input", render(input));
        return sha256(canonical.encode());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The invoice an earlier use of the key wrote, when it answered this same request; otherwise refused. */
    static StoredInvoice answerFor(InvoiceQueries.Keyed earlier, String key, String hash) {
        // A key stored before request hashes were kept (migration V8) answers as it did then.
        if (earlier.requestHash() != null && !hash.equals(earlier.requestHash())) {
            throw reused(key, "input.idempotencyKey");
        }
        return earlier.invoice();
    }

    static ApiException reused(String key, String field) {
        return new ApiException(ErrorCode.IDEMPOTENCY_KEY_REUSED, "The idempotency key '" + key
                + "' was already used for a different request; use a new key for new content.", field, List.of(), java.util.Map.of());
    }

    private static Object render(Object value) {
        if (value instanceof Record record) {
            JsonObject object = new JsonObject();
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                if (!component.getName().equals("idempotencyKey")) {
                    try {
                        object.put(component.getName(), render(component.getAccessor().invoke(record)));
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            return object;
        }
        if (value instanceof List<?> list) {
            JsonArray array = new JsonArray();
            list.forEach(item -> array.add(render(item)));
            return array;
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        return value == null ? null : value.toString();
    }
}
