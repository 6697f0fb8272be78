package cn.fapiao.security.crypto;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238) for second-factor login: secret generation,
 * code computation, verification with one step of clock drift, and the otpauth URI that
 * authenticator apps scan. Verification uses the settings every common app supports:
 * HMAC-SHA1, 6 digits, 30-second steps.
 */
public final class Totp {

    public static final int DIGITS = 6;
    public static final int PERIOD_SECONDS = 30;
    public static final String HMAC_ALGORITHM = "HmacSHA1";

    /** 160 bits: the HMAC-SHA1 output size, as RFC 4226 recommends. */
    private static final int SECRET_BYTES = 20;
    /** Accept the previous and the next step too, since phone clocks drift. */
    private static final int DRIFT_STEPS = 1;
    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000,
            10_000_000, 100_000_000, 1_000_000_000};

    private Totp() {
    }

    /** A new random secret of 20 bytes, Base32-encoded, to store (encrypted) and show once. */
    public static String newSecret(SecureRandom random) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return Base32.encode(secret);
    }

    /**
     * The HOTP value (RFC 4226 dynamic truncation) of {@code key} for counter {@code timeStep}.
     *
     * @param digits        6 to 9; RFC 4226 requires at least 6, and the 31-bit truncated
     *                      value cannot fill more than 9 evenly
     * @param hmacAlgorithm a JCA Mac name: {@code HmacSHA1}, {@code HmacSHA256} or
     *                      {@code HmacSHA512}
     */
    public static String code(byte[] key, long timeStep, int digits, String hmacAlgorithm) {
        if (digits < 6 || digits > 9) {
            throw new IllegalArgumentException("digits must be between 6 and 9, was " + digits);
        }
        byte[] hash = hmac(key, timeStep, hmacAlgorithm);
        int offset = hash[hash.length - 1] & 0x0F;
        int binary = ((hash[offset] & 0x7F) << 24)
                | ((hash[offset + 1] & 0xFF) << 16)
                | ((hash[offset + 2] & 0xFF) << 8)
                | (hash[offset + 3] & 0xFF);
        String value = Integer.toString(binary % POWERS_OF_TEN[digits]);
        return "0".repeat(digits - value.length()) + value;
    }

    /**
     * Checks a 6-digit code against the step at {@code now} and one step either side.
     *
     * @return the time step the code matched, so the caller can store it and refuse any code
     *         for that step or an earlier one (replay); empty when the code does not match or
     *         is not exactly six ASCII digits
     * @throws IllegalArgumentException when the stored secret is not valid Base32
     */
    public static OptionalLong verify(String base32Secret, String code, Instant now) {
        byte[] key = Base32.decode(base32Secret);
        if (!isSixDigits(code)) {
            return OptionalLong.empty();
        }
        byte[] given = code.getBytes(StandardCharsets.US_ASCII);
        long current = Math.floorDiv(now.getEpochSecond(), PERIOD_SECONDS);
        // Current step first, so it wins if two windows happen to share the code.
        long[] candidates = {current, current - DRIFT_STEPS, current + DRIFT_STEPS};
        long matched = -1;
        // Every window is computed and compared, matched or not, so timing says nothing.
        for (long step : candidates) {
            byte[] expected = code(key, step, DIGITS, HMAC_ALGORITHM).getBytes(StandardCharsets.US_ASCII);
            boolean equal = MessageDigest.isEqual(expected, given);
            if (equal && matched < 0 && step >= 0) {
                matched = step;
            }
        }
        return matched < 0 ? OptionalLong.empty() : OptionalLong.of(matched);
    }

    /**
     * The {@code otpauth://totp/} URI for a QR code, in the Google Authenticator key URI
     * format. Issuer and account are percent-encoded with spaces as {@code %20}: some apps
     * show a {@code +} literally.
     */
    public static String otpauthUri(String issuer, String accountName, String base32Secret) {
        String secret = Base32.encode(Base32.decode(base32Secret)); // canonical: upper case, no spaces
        String encodedIssuer = percentEncode(issuer);
        return "otpauth://totp/" + encodedIssuer + ":" + percentEncode(accountName)
                + "?secret=" + secret
                + "&issuer=" + encodedIssuer
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + PERIOD_SECONDS;
    }

    private static byte[] hmac(byte[] key, long counter, String algorithm) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(counter).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("HMAC algorithm " + algorithm + " is not usable", e);
        }
    }

    private static boolean isSixDigits(String code) {
        if (code == null || code.length() != DIGITS) {
            return false;
        }
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            // Not Character.isDigit: it accepts full-width and other non-ASCII digits.
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String percentEncode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
