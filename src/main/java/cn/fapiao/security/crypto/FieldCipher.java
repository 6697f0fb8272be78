package cn.fapiao.security.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts sensitive text columns at rest (bank accounts, phone numbers, ticket contacts,
 * TOTP secrets) with AES-256-GCM. A stored value looks like {@code v1:<keyId>:<base64url>}
 * so that keys can rotate: new values use the active key while values written under an
 * older key in the ring stay readable until they are re-encrypted.
 *
 * <p>The associated data names the column (e.g. {@code invoice.buyer_bank_account}): a
 * value copied into another column fails to decrypt instead of leaking there. Instances
 * are immutable and thread-safe.
 */
public final class FieldCipher {

    private static final String VERSION = "v1";
    private static final String PREFIX = VERSION + ":";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    /**
     * One Cipher per thread, initialised afresh for every value: looking the transformation up in
     * the security providers on every call was half of what decrypting cost (an invoice lookup
     * decrypts four party details). A Cipher is not thread-safe; a thread uses its own one call at a time.
     */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            // AES-GCM is mandatory in every Java runtime; reaching this is a broken JVM.
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    });
    private static final int KEY_BYTES = 32;
    /** 96-bit random IVs: the GCM default. Safe for about 2^32 encryptions per key. */
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private static final Base64.Encoder STORED_ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder STORED_DECODER = Base64.getUrlDecoder();

    private final Map<String, SecretKey> keysById;
    private final String activeKeyId;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param keysById    every key that may have written a stored value, each 32 bytes;
     *                    ids match {@code [A-Za-z0-9_-]{1,32}}
     * @param activeKeyId the key new values are encrypted with
     * @throws IllegalArgumentException naming the offending key id (never its bytes)
     */
    public FieldCipher(Map<String, byte[]> keysById, String activeKeyId) {
        if (keysById == null || keysById.isEmpty()) {
            throw new IllegalArgumentException("The field encryption key ring is empty");
        }
        Map<String, SecretKey> keys = new HashMap<>();
        keysById.forEach((id, key) -> {
            requireValidId(id);
            if (key == null || key.length != KEY_BYTES) {
                throw new IllegalArgumentException("Field encryption key '" + id + "' must be "
                        + KEY_BYTES + " bytes (AES-256), was "
                        + (key == null ? "missing" : key.length + " bytes"));
            }
            keys.put(id, new SecretKeySpec(key, "AES")); // SecretKeySpec keeps its own copy
        });
        if (activeKeyId == null || !keys.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("The active field encryption key id "
                    + (activeKeyId == null ? "is missing" : "'" + activeKeyId + "' is not in the key ring"));
        }
        this.keysById = Map.copyOf(keys);
        this.activeKeyId = activeKeyId;
    }

    /** Builds the cipher from standard Base64 keys, as they arrive from configuration. */
    public static FieldCipher fromBase64(Map<String, String> keysById, String activeKeyId) {
        if (keysById == null || keysById.isEmpty()) {
            throw new IllegalArgumentException("The field encryption key ring is empty");
        }
        Map<String, byte[]> decoded = new HashMap<>();
        try {
            keysById.forEach((id, base64) -> {
                requireValidId(id);
                if (base64 == null) {
                    throw new IllegalArgumentException("Field encryption key '" + id + "' is missing");
                }
                try {
                    decoded.put(id, Base64.getDecoder().decode(base64.strip()));
                } catch (IllegalArgumentException e) {
                    // Not chained: the decoder's message quotes a character of the key.
                    throw new IllegalArgumentException("Field encryption key '" + id + "' is not valid Base64");
                }
            });
            return new FieldCipher(decoded, activeKeyId);
        } finally {
            decoded.values().forEach(key -> Arrays.fill(key, (byte) 0));
        }
    }

    /** A new random 256-bit key in standard Base64, for configuration and docs. */
    public static String newKeyBase64(SecureRandom random) {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /**
     * Encrypts with the active key and a fresh random IV, so equal plaintexts give different
     * stored values.
     *
     * @param associatedData the column the value belongs to; null and empty both mean none
     * @return {@code v1:<keyId>:<base64url(iv || ciphertext || tag)>}, or null for null
     */
    public String encrypt(String plaintext, String associatedData) {
        if (plaintext == null) {
            return null;
        }
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.ENCRYPT_MODE, keysById.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
            addAssociatedData(cipher, associatedData);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] payload = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
            return PREFIX + activeKeyId + ":" + STORED_ENCODER.encodeToString(payload);
        } catch (GeneralSecurityException e) {
            // AES-GCM is mandatory in every Java runtime; reaching this is a broken JVM.
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /**
     * Decrypts a stored value with the key named in it.
     *
     * @param associatedData the same column name given to {@link #encrypt}
     * @return the plaintext, or null for null
     * @throws DecryptionException when the value is malformed, names an unknown key, or was
     *                             altered or written for other associated data
     */
    public String decrypt(String stored, String associatedData) {
        if (stored == null) {
            return null;
        }
        StoredValue value = parse(stored);
        SecretKey key = keysById.get(value.keyId());
        if (key == null) {
            throw new DecryptionException("Unknown field encryption key id '" + value.keyId() + "'");
        }
        byte[] payload = value.payload();
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, payload, 0, IV_BYTES));
            addAssociatedData(cipher, associatedData);
            byte[] plain = cipher.doFinal(payload, IV_BYTES, payload.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new DecryptionException("Encrypted value failed authentication with key '"
                    + value.keyId() + "': altered, or written for other associated data", e);
        } catch (GeneralSecurityException e) {
            throw new DecryptionException("Encrypted value could not be decrypted with key '"
                    + value.keyId() + "'", e);
        }
    }

    /**
     * Whether a stored value was written with a key other than the active one and should be
     * re-encrypted during rotation. Null is never in need.
     *
     * @throws DecryptionException when the value is not in the stored format at all
     */
    public boolean needsReEncryption(String stored) {
        return stored != null && !parse(stored).keyId().equals(activeKeyId);
    }

    /** The id of the key new values are encrypted with. */
    public String activeKeyId() {
        return activeKeyId;
    }

    private static void addAssociatedData(Cipher cipher, String associatedData) {
        if (associatedData != null && !associatedData.isEmpty()) {
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Messages never quote the stored text: a column not yet encrypted would hold plaintext. */
    private static StoredValue parse(String stored) {
        int separator = stored.indexOf(':', PREFIX.length());
        if (!stored.startsWith(PREFIX) || separator < 0) {
            throw new DecryptionException("Stored value is not in the " + VERSION + ":<keyId>:<data> format");
        }
        String keyId = stored.substring(PREFIX.length(), separator);
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new DecryptionException("Stored value has a malformed key id");
        }
        byte[] payload;
        try {
            payload = STORED_DECODER.decode(stored.substring(separator + 1));
        } catch (IllegalArgumentException e) {
            throw new DecryptionException("Stored value encrypted with key '" + keyId + "' is not valid base64url");
        }
        if (payload.length < IV_BYTES + TAG_BITS / 8) {
            throw new DecryptionException("Stored value encrypted with key '" + keyId + "' is too short");
        }
        return new StoredValue(keyId, payload);
    }

    private static void requireValidId(String id) {
        // The id itself is not echoed: a misplaced key could have landed in the id slot.
        if (id == null || !KEY_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("A field encryption key id is not valid: ids must match "
                    + KEY_ID.pattern());
        }
    }

    private record StoredValue(String keyId, byte[] payload) {
    }

    /** A stored value could not be decrypted. The message never holds key material or plaintext. */
    public static final class DecryptionException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public DecryptionException(String message) {
            super(message);
        }

        public DecryptionException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
