package cn.fapiao.common.http;

import cn.fapiao.common.ErrorCode;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** The Apollo persisted-query hash of a request ({@code extensions.persistedQuery.sha256Hash}) and of a document. */
final class PersistedHash {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private PersistedHash() {
    }

    /** The hash the request names, lower case, or null when it names none; refused when it is not a SHA-256 in hex. */
    static String of(JsonObject extensions) {
        if (extensions == null) {
            return null;
        }
        JsonObject persisted = GraphQLRequest.object(extensions.get("persistedQuery"), "extensions.persistedQuery");
        if (persisted == null) {
            return null;
        }
        JsonValue hash = persisted.get("sha256Hash");
        if (!(hash instanceof JsonString text) || !SHA256_HEX.matcher(text.getString().toLowerCase()).matches()) {
            throw new HttpRefusal(400, ErrorCode.PERSISTED_QUERY_HASH_MISMATCH, "extensions.persistedQuery.sha256Hash",
                    "`extensions.persistedQuery.sha256Hash` must be the SHA-256 of the document as 64 hexadecimal digits.");
        }
        return text.getString().toLowerCase();
    }

    /** SHA-256 of the document's UTF-8 bytes, in lower-case hex, as Apollo clients compute it. */
    static String of(String document) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(document.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
