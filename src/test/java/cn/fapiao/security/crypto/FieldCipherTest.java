package cn.fapiao.security.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FieldCipherTest {

    private static final String COLUMN = "invoice.buyer_bank_account";
    private static final byte[] KEY_2024 = filled(0x24);
    private static final byte[] KEY_2025 = filled(0x25);

    private final FieldCipher cipher = new FieldCipher(Map.of("k2025", KEY_2025), "k2025");

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "6222 0212 3456 7890 123",
            "中国工商银行北京分行 0200 0045 0902 1234 567",
            "13800138000",
            "emoji 🧾 and \u0000 control",
    })
    void roundTrips(String plaintext) {
        String stored = cipher.encrypt(plaintext, COLUMN);
        assertTrue(stored.startsWith("v1:k2025:"), stored);
        assertEquals(plaintext, cipher.decrypt(stored, COLUMN));
    }

    @ParameterizedTest
    @CsvSource(value = {"NULL", "''"}, nullValues = "NULL")
    void roundTripsWithoutAssociatedData(String associatedData) {
        String stored = cipher.encrypt("13800138000", associatedData);
        assertEquals("13800138000", cipher.decrypt(stored, associatedData));
    }

    @Test
    void aThreadKeepsWorkingAfterARefusedValueAndManyValuesInARow() throws Exception {
        // Each thread reuses one Cipher: a failed authentication must not leave it unusable, and
        // neither encrypting nor decrypting may depend on what the thread did before.
        String good = cipher.encrypt("6222 0212 3456 7890 123", COLUMN);
        char[] chars = good.toCharArray();
        int inCiphertext = chars.length - 10;
        chars[inCiphertext] = chars[inCiphertext] == 'A' ? 'B' : 'A';
        String altered = new String(chars);
        FieldCipher.DecryptionException refused = assertThrows(FieldCipher.DecryptionException.class, () -> cipher.decrypt(altered, COLUMN));
        assertTrue(refused.getMessage().contains("failed authentication"), refused.getMessage());
        assertEquals("6222 0212 3456 7890 123", cipher.decrypt(good, COLUMN));
        for (int i = 0; i < 200; i++) {
            String plaintext = "account " + i;
            String stored = cipher.encrypt(plaintext, i % 2 == 0 ? COLUMN : "invoice.seller_address_phone");
            assertEquals(plaintext, cipher.decrypt(stored, i % 2 == 0 ? COLUMN : "invoice.seller_address_phone"));
        }

        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                results.add(threads.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        String plaintext = thread + ":" + i;
                        if (!plaintext.equals(cipher.decrypt(cipher.encrypt(plaintext, COLUMN), COLUMN))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void storedValueIsPrefixIvCiphertextAndTag() {
        String plaintext = "中国银行";
        String stored = cipher.encrypt(plaintext, COLUMN);
        byte[] payload = Base64.getUrlDecoder().decode(stored.substring("v1:k2025:".length()));
        int plaintextBytes = plaintext.getBytes(StandardCharsets.UTF_8).length;
        assertEquals(12 + plaintextBytes + 16, payload.length);
        assertFalse(stored.contains("="), "no padding");
    }

    @Test
    void nullStaysNull() {
        assertNull(cipher.encrypt(null, COLUMN));
        assertNull(cipher.decrypt(null, COLUMN));
        assertFalse(cipher.needsReEncryption(null));
    }

    @Test
    void sameTextEncryptsDifferentlyEachTime() {
        String first = cipher.encrypt("6222021234567890123", COLUMN);
        String second = cipher.encrypt("6222021234567890123", COLUMN);
        assertNotEquals(first, second);
        assertNotEquals(first.substring(9, 25), second.substring(9, 25), "IVs differ");
    }

    @Test
    void cipherTextDoesNotContainThePlaintext() {
        String plaintext = "6222021234567890123";
        String stored = cipher.encrypt(plaintext, COLUMN);
        assertFalse(stored.contains(plaintext));
        assertFalse(stored.contains("6222"));
        assertFalse(stored.contains(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(plaintext.getBytes(StandardCharsets.UTF_8)).substring(0, 8)));
    }

    @ParameterizedTest
    @CsvSource(value = {"invoice.seller_bank_account", "NULL", "''", "INVOICE.BUYER_BANK_ACCOUNT"}, nullValues = "NULL")
    void wrongAssociatedDataFails(String otherColumn) {
        String stored = cipher.encrypt("6222021234567890123", COLUMN);
        FieldCipher.DecryptionException e = assertThrows(FieldCipher.DecryptionException.class,
                () -> cipher.decrypt(stored, otherColumn));
        assertEquals("Encrypted value failed authentication with key 'k2025': altered, or written for"
                + " other associated data", e.getMessage());
    }

    @ParameterizedTest(name = "flip byte {0}")
    @ValueSource(ints = {0, 11, 12, 20, -16, -1}) // IV start/end, ciphertext, tag start/end
    void tamperedByteFails(int position) {
        String stored = cipher.encrypt("6222021234567890123", COLUMN);
        String prefix = "v1:k2025:";
        byte[] payload = Base64.getUrlDecoder().decode(stored.substring(prefix.length()));
        int index = position < 0 ? payload.length + position : position;
        payload[index] ^= 0x01;
        String tampered = prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(payload);
        assertThrows(FieldCipher.DecryptionException.class, () -> cipher.decrypt(tampered, COLUMN));
    }

    @Test
    void valueMovedToAnotherKeyIdFails() {
        FieldCipher ring = new FieldCipher(Map.of("k2024", KEY_2024, "k2025", KEY_2025), "k2025");
        String stored = ring.encrypt("13800138000", COLUMN);
        String relabelled = stored.replace("v1:k2025:", "v1:k2024:");
        assertThrows(FieldCipher.DecryptionException.class, () -> ring.decrypt(relabelled, COLUMN));
    }

    @Test
    void oldValuesStayReadableAfterRotation() {
        FieldCipher before = new FieldCipher(Map.of("k2024", KEY_2024), "k2024");
        String old = before.encrypt("张三 13800138000", COLUMN);
        assertFalse(before.needsReEncryption(old));

        FieldCipher after = new FieldCipher(Map.of("k2024", KEY_2024, "k2025", KEY_2025), "k2025");
        assertEquals("k2025", after.activeKeyId());
        assertEquals("张三 13800138000", after.decrypt(old, COLUMN));
        assertTrue(after.needsReEncryption(old));

        String reEncrypted = after.encrypt(after.decrypt(old, COLUMN), COLUMN);
        assertTrue(reEncrypted.startsWith("v1:k2025:"));
        assertFalse(after.needsReEncryption(reEncrypted));
        assertEquals("张三 13800138000", after.decrypt(reEncrypted, COLUMN));
    }

    @Test
    void unknownKeyIdFailsNamingTheId() {
        FieldCipher before = new FieldCipher(Map.of("k2024", KEY_2024), "k2024");
        String old = before.encrypt("13800138000", COLUMN);
        FieldCipher.DecryptionException e = assertThrows(FieldCipher.DecryptionException.class,
                () -> cipher.decrypt(old, COLUMN));
        assertEquals("Unknown field encryption key id 'k2024'", e.getMessage());
        assertTrue(cipher.needsReEncryption(old));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "13800138000",
            "v1:",
            "v1:k2025",
            "v2:k2025:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "v1:bad id:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "v1:k2025:not*base64url",
            "v1:k2025:AAAA", // shorter than IV + tag
            "v1:k2025:",
    })
    void malformedValuesFailWithoutQuotingThem(String stored) {
        FieldCipher.DecryptionException e = assertThrows(FieldCipher.DecryptionException.class,
                () -> cipher.decrypt(stored, COLUMN));
        if (stored.length() > 3) {
            assertFalse(e.getMessage().contains(stored), e.getMessage());
        }
        assertThrows(FieldCipher.DecryptionException.class, () -> cipher.needsReEncryption(stored));
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 16, 24, 31, 33, 64})
    void rejectsKeysThatAreNot32Bytes(int length) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FieldCipher(Map.of("k2025", KEY_2025, "short", new byte[length]), "k2025"));
        assertEquals("Field encryption key 'short' must be 32 bytes (AES-256), was " + length + " bytes",
                e.getMessage());
    }

    @Test
    void rejectsMissingKey() {
        Map<String, byte[]> keys = new HashMap<>();
        keys.put("k2025", null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FieldCipher(keys, "k2025"));
        assertEquals("Field encryption key 'k2025' must be 32 bytes (AES-256), was missing", e.getMessage());
    }

    @Test
    void rejectsActiveIdNotInRing() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FieldCipher(Map.of("k2024", KEY_2024), "k2025"));
        assertEquals("The active field encryption key id 'k2025' is not in the key ring", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new FieldCipher(Map.of("k2024", KEY_2024), null));
        assertThrows(IllegalArgumentException.class, () -> new FieldCipher(Map.of(), "k2024"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "has:colon", "ünicode", "a23456789012345678901234567890123"})
    void rejectsBadKeyIdsWithoutEchoingThem(String id) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FieldCipher(Map.of(id, KEY_2025), id));
        assertEquals("A field encryption key id is not valid: ids must match [A-Za-z0-9_-]{1,32}", e.getMessage());
    }

    @Test
    void acceptsLongestValidKeyId() {
        String id = "A-z_0123456789012345678901234567"; // 32 characters
        FieldCipher longId = new FieldCipher(Map.of(id, KEY_2025), id);
        assertEquals("x", longId.decrypt(longId.encrypt("x", COLUMN), COLUMN));
    }

    @Test
    void fromBase64ReadsConfiguredKeys() {
        String oldKey = Base64.getEncoder().encodeToString(KEY_2024);
        String newKey = FieldCipher.newKeyBase64(new SecureRandom());
        FieldCipher fromConfig = FieldCipher.fromBase64(Map.of("k2024", oldKey, "k2025", " " + newKey + "\n"), "k2025");
        String old = new FieldCipher(Map.of("k2024", KEY_2024), "k2024").encrypt("6222", COLUMN);
        assertEquals("6222", fromConfig.decrypt(old, COLUMN));
        assertTrue(fromConfig.encrypt("6222", COLUMN).startsWith("v1:k2025:"));
    }

    @Test
    void fromBase64ErrorsNameTheIdNeverTheKey() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class,
                () -> FieldCipher.fromBase64(Map.of("k2025", shortKey), "k2025"));
        assertEquals("Field encryption key 'k2025' must be 32 bytes (AES-256), was 16 bytes", tooShort.getMessage());

        IllegalArgumentException notBase64 = assertThrows(IllegalArgumentException.class,
                () -> FieldCipher.fromBase64(Map.of("k2025", "s3cr3t!!key"), "k2025"));
        assertEquals("Field encryption key 'k2025' is not valid Base64", notBase64.getMessage());
        assertNull(notBase64.getCause());
    }

    @Test
    void newKeyIs32RandomBytes() {
        SecureRandom random = new SecureRandom();
        String first = FieldCipher.newKeyBase64(random);
        assertEquals(32, Base64.getDecoder().decode(first).length);
        assertNotEquals(first, FieldCipher.newKeyBase64(random));
    }

    @Test
    void callerMutatingItsKeyArrayLaterChangesNothing() {
        byte[] key = KEY_2025.clone();
        FieldCipher owned = new FieldCipher(Map.of("k2025", key), "k2025");
        String stored = owned.encrypt("13800138000", COLUMN);
        Arrays.fill(key, (byte) 0);
        assertEquals("13800138000", owned.decrypt(stored, COLUMN));
    }

    @Test
    void isSafeToShareAcrossThreads() throws InterruptedException {
        Thread[] threads = new Thread[8];
        String[] failures = new String[threads.length];
        for (int t = 0; t < threads.length; t++) {
            int id = t;
            threads[t] = new Thread(() -> {
                try {
                    for (int i = 0; i < 200; i++) {
                        String text = "thread " + id + " value " + i;
                        if (!text.equals(cipher.decrypt(cipher.encrypt(text, COLUMN), COLUMN))) {
                            failures[id] = text;
                        }
                    }
                } catch (RuntimeException e) {
                    failures[id] = e.toString();
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join(10_000);
            assertFalse(thread.isAlive());
        }
        assertEquals(Arrays.toString(new String[threads.length]), Arrays.toString(failures));
    }

    private static byte[] filled(int value) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) value);
        return key;
    }
}
