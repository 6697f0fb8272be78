package cn.fapiao.common.pagination;

import cn.fapiao.common.ApiException;
import cn.fapiao.common.ErrorCode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque Relay cursors: {@code base64url(kind:key)}. Clients must treat them as opaque; the
 * kind prefix stops a cursor of one list being used on another.
 */
public final class Cursor {

    private Cursor() {
    }

    public static String encode(String kind, String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((kind + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    /** The key inside a cursor of this kind; VALIDATION_FAILED naming the argument otherwise. */
    public static String decode(String kind, String cursor, String argument) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(kind + ":")) {
                return text.substring(kind.length() + 1);
            }
        } catch (IllegalArgumentException ignored) {
            // falls through to the refusal below
        }
        throw new ApiException(ErrorCode.VALIDATION_FAILED, argument, "`" + argument + "` is not a cursor of this list.");
    }

    /** Page size from {@code first}: default when absent, VALIDATION_FAILED outside 1..max. */
    public static int pageSize(Integer first, int defaultSize, int max, String argument) {
        if (first == null) {
            return defaultSize;
        }
        if (first < 1 || first > max) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, argument, "`" + argument + "` must be between 1 and " + max + ".");
        }
        return first;
    }
}
