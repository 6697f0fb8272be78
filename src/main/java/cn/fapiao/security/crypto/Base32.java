package cn.fapiao.security.crypto;

import java.io.ByteArrayOutputStream;

/**
 * Base32 with the RFC 4648 alphabet, as authenticator apps expect TOTP secrets. Encoding
 * writes no padding (what otpauth URIs carry); decoding forgives what people paste:
 * lower case, spaces and trailing {@code =} padding.
 */
public final class Base32 {

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final int[] VALUES = new int[128];

    static {
        java.util.Arrays.fill(VALUES, -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            VALUES[ALPHABET[i]] = i;
            VALUES[Character.toLowerCase(ALPHABET[i])] = i;
        }
    }

    private Base32() {
    }

    public static String encode(byte[] data) {
        StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xFF);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET[(buffer >>> (bits - 5)) & 0x1F]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET[(buffer << (5 - bits)) & 0x1F]);
        }
        return out.toString();
    }

    /**
     * Decodes Base32 text. Error messages give the position of a bad character, never the
     * text itself: the input is usually a secret.
     *
     * @throws IllegalArgumentException on a character outside the alphabet or a length no
     *                                  encoder can produce
     */
    public static byte[] decode(String text) {
        if (text == null) {
            throw new IllegalArgumentException("Base32 text is null");
        }
        int end = text.length();
        // Padding is only tolerated at the end (after any trailing spaces).
        while (end > 0 && (text.charAt(end - 1) == '=' || isSpace(text.charAt(end - 1)))) {
            end--;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(end * 5 / 8);
        int buffer = 0;
        int bits = 0;
        int symbols = 0;
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                continue;
            }
            int value = c < 128 ? VALUES[c] : -1;
            if (value < 0) {
                throw new IllegalArgumentException("Invalid Base32 character at position " + i);
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            symbols++;
            if (bits >= 8) {
                out.write((buffer >>> (bits - 8)) & 0xFF);
                bits -= 8;
            }
        }
        // 1, 3 or 6 symbols in the last group leave a partial byte no encoder would write.
        int lastGroup = symbols % 8;
        if (lastGroup == 1 || lastGroup == 3 || lastGroup == 6) {
            throw new IllegalArgumentException("Invalid Base32 length: " + symbols + " symbols");
        }
        return out.toByteArray();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
