package cn.fapiao.ticket.reading;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Access keys of anonymous submitters: 192 random bits, shown once, stored as SHA-256. A key that
 * random needs no slow hash (nobody can guess it, so there is nothing to brute-force offline).
 * Comparison is constant-time, and a ticket without a key is compared against a dummy hash, so a
 * wrong key and an unknown ticket cost the same.
 */
public final class AccessKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Compared against when there is no stored hash, so that "no such ticket" does the same work. */
    private static final byte[] NO_KEY = hash("no ticket has this key");
    /** Longer text is not a key of ours; refused before hashing. */
    public static final int MAX_LENGTH = 100;

    private AccessKeys() {
    }

    public static String newKey() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static byte[] hash(String key) {
        return hash(key.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] hash(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every Java runtime", e);
        }
    }

    /** Whether {@code typed} is the key of a stored hash (null: none stored); same work either way. */
    public static boolean matches(String typed, byte[] stored) {
        byte[] given = hash(typed == null ? "" : typed);
        boolean equal = MessageDigest.isEqual(given, stored == null ? NO_KEY : stored);
        return equal && stored != null && typed != null;
    }
}
