package cn.fapiao.security.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TotpTest {

    private static final String SEED_SHA1 = "12345678901234567890";
    private static final String SEED_SHA256 = "12345678901234567890123456789012";
    private static final String SEED_SHA512 = "1234567890123456789012345678901234567890123456789012345678901234";
    /** Base32 of SEED_SHA1, the secret the verify tests share. */
    private static final String SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    /** RFC 6238 appendix B. */
    @ParameterizedTest(name = "T={0} {2} → {1}")
    @CsvSource({
            "59,          94287082, HmacSHA1",
            "59,          46119246, HmacSHA256",
            "59,          90693936, HmacSHA512",
            "1111111109,  07081804, HmacSHA1",
            "1111111109,  68084774, HmacSHA256",
            "1111111109,  25091201, HmacSHA512",
            "1111111111,  14050471, HmacSHA1",
            "1111111111,  67062674, HmacSHA256",
            "1111111111,  99943326, HmacSHA512",
            "1234567890,  89005924, HmacSHA1",
            "1234567890,  91819424, HmacSHA256",
            "1234567890,  93441116, HmacSHA512",
            "2000000000,  69279037, HmacSHA1",
            "2000000000,  90698825, HmacSHA256",
            "2000000000,  38618901, HmacSHA512",
            "20000000000, 65353130, HmacSHA1",
            "20000000000, 77737706, HmacSHA256",
            "20000000000, 47863826, HmacSHA512",
    })
    void matchesRfc6238Vectors(long unixTime, String expected, String algorithm) {
        String seed = switch (algorithm) {
            case "HmacSHA1" -> SEED_SHA1;
            case "HmacSHA256" -> SEED_SHA256;
            default -> SEED_SHA512;
        };
        byte[] key = seed.getBytes(StandardCharsets.US_ASCII);
        assertEquals(expected, Totp.code(key, unixTime / 30, 8, algorithm));
    }

    @Test
    void sixDigitCodeKeepsLeadingZeros() {
        // 07081804 at 8 digits; the 6-digit value is the same number mod 10^6.
        assertEquals("081804", Totp.code(SEED_SHA1.getBytes(StandardCharsets.US_ASCII), 37037036, 6, "HmacSHA1"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5, 10})
    void rejectsUnsupportedDigitCounts(int digits) {
        assertThrows(IllegalArgumentException.class, () -> Totp.code(new byte[20], 1, digits, "HmacSHA1"));
    }

    @Test
    void rejectsUnknownHmacAlgorithm() {
        assertThrows(IllegalArgumentException.class, () -> Totp.code(new byte[20], 1, 6, "HmacMD4"));
    }

    /*
     * Steps 37037036 and 37037037 have the codes 081804 and 050471 (RFC vectors at
     * T=1111111109 and T=1111111111, last six digits).
     */
    @ParameterizedTest(name = "at {0} code {1} → step {2}")
    @CsvSource({
            "1111111111, 050471, 37037037", // current step
            "1111111111, 081804, 37037036", // previous step
            "1111111109, 050471, 37037037", // next step
            "1111111109, 081804, 37037036", // current step
            "59,         287082, 1",
    })
    void acceptsCurrentPreviousAndNextStep(long unixTime, String code, long expectedStep) {
        assertEquals(OptionalLong.of(expectedStep), Totp.verify(SECRET, code, Instant.ofEpochSecond(unixTime)));
    }

    /*
     * Steps 910737 and 910738 share the code 911617 for this seed. Returning the current step
     * matters: returning an older one would let the caller accept the same code again.
     */
    @ParameterizedTest(name = "at step {0} the shared code matches the current step")
    @ValueSource(longs = {910737, 910738})
    void prefersCurrentStepWhenNeighboursShareTheCode(long step) {
        assertEquals(OptionalLong.of(step), Totp.verify(SECRET, "911617", Instant.ofEpochSecond(step * 30)));
    }

    @ParameterizedTest(name = "at {0} code {1} is refused")
    @CsvSource({
            "1111111169, 081804", // step 37037038: two steps after the code's step
            "1111111051, 050471", // step 37037035: two steps before the code's step
            "1111111111, 050472", // wrong code
            "1111111111, 07081804", // right code at 8 digits is still not 6 digits
    })
    void refusesCodesTwoStepsAwayOrWrong(long unixTime, String code) {
        assertEquals(OptionalLong.empty(), Totp.verify(SECRET, code, Instant.ofEpochSecond(unixTime)));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"05047", "0504710", " 050471", "050471 ", "05047a", "０５０４７１", "-50471"})
    void refusesAnythingButSixAsciiDigits(String code) {
        assertEquals(OptionalLong.empty(), Totp.verify(SECRET, code, Instant.ofEpochSecond(1111111111)));
    }

    @Test
    void verifyAcceptsSecretAsTypedWithSpacesAndLowerCase() {
        assertEquals(OptionalLong.of(37037037),
                Totp.verify("gezd gnbv gy3t qojq gezd gnbv gy3t qojq", "050471", Instant.ofEpochSecond(1111111111)));
    }

    @Test
    void verifyRejectsCorruptStoredSecret() {
        assertThrows(IllegalArgumentException.class,
                () -> Totp.verify("NOT-BASE32!", "050471", Instant.ofEpochSecond(1111111111)));
    }

    @Test
    void newSecretIsTwentyRandomBytesInBase32() {
        SecureRandom random = new SecureRandom();
        String first = Totp.newSecret(random);
        String second = Totp.newSecret(random);
        assertEquals(32, first.length());
        assertEquals(20, Base32.decode(first).length);
        assertNotEquals(first, second);
    }

    @Test
    void newSecretVerifiesItsOwnCurrentCode() {
        String secret = Totp.newSecret(new SecureRandom());
        Instant now = Instant.ofEpochSecond(1_700_000_015);
        String code = Totp.code(Base32.decode(secret), 1_700_000_015 / 30, 6, "HmacSHA1");
        assertEquals(OptionalLong.of(1_700_000_015 / 30), Totp.verify(secret, code, now));
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource({
            "Fapiao,       alice,             otpauth://totp/Fapiao:alice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Fapiao&algorithm=SHA1&digits=6&period=30",
            "Fapiao Cloud, alice@example.com, otpauth://totp/Fapiao%20Cloud:alice%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Fapiao%20Cloud&algorithm=SHA1&digits=6&period=30",
            "发票云,        张 三,             otpauth://totp/%E5%8F%91%E7%A5%A8%E4%BA%91:%E5%BC%A0%20%E4%B8%89?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=%E5%8F%91%E7%A5%A8%E4%BA%91&algorithm=SHA1&digits=6&period=30",
            "A:B&C,        x+y,               otpauth://totp/A%3AB%26C:x%2By?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=A%3AB%26C&algorithm=SHA1&digits=6&period=30",
    })
    void buildsOtpauthUri(String issuer, String account, String expected) {
        assertEquals(expected, Totp.otpauthUri(issuer, account, SECRET));
    }

    @Test
    void otpauthUriCarriesTheCanonicalSecret() {
        String uri = Totp.otpauthUri("Fapiao", "alice", "gezd gnbv gy3t qojq gezd gnbv gy3t qojq==");
        assertEquals("otpauth://totp/Fapiao:alice?secret=" + SECRET
                + "&issuer=Fapiao&algorithm=SHA1&digits=6&period=30", uri);
        assertArrayEquals(SEED_SHA1.getBytes(StandardCharsets.US_ASCII), Base32.decode(SECRET));
    }
}
