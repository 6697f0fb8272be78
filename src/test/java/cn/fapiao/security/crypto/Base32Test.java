package cn.fapiao.security.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Base32Test {

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource({
            "'',       ''",
            "f,        MY",
            "fo,       MZXQ",
            "foo,      MZXW6",
            "foob,     MZXW6YQ",
            "fooba,    MZXW6YTB",
            "foobar,   MZXW6YTBOI",
    })
    void encodesRfc4648VectorsWithoutPadding(String plain, String encoded) {
        assertEquals(encoded, Base32.encode(plain.getBytes(StandardCharsets.US_ASCII)));
        assertEquals(plain, new String(Base32.decode(encoded), StandardCharsets.US_ASCII));
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource({
            "'MY======',            f",
            "'MZXW6===',            foo",
            "'mzxw6ytboi',          foobar",
            "'MzXw 6yTb Oi',        foobar",
            "'  MZXW 6YTB OI==  ',  foobar",
            "'GEZD GNBV GY3T QOJQ', 1234567890",
    })
    void decodesWhatPeoplePaste(String encoded, String plain) {
        assertEquals(plain, new String(Base32.decode(encoded), StandardCharsets.US_ASCII));
    }

    @ParameterizedTest
    @ValueSource(strings = {"MZXW1", "MZXW0", "MZ!W6", "MZ=XW6", "MZXW6É", "M", "MZX", "MZXW6YTBO"})
    void rejectsBadCharactersAndImpossibleLengths(String encoded) {
        assertThrows(IllegalArgumentException.class, () -> Base32.decode(encoded));
    }

    @Test
    void badCharacterMessageGivesPositionNotText() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Base32.decode("SECRETSECRET8"));
        assertEquals("Invalid Base32 character at position 12", e.getMessage());
    }

    @Test
    void roundTripsEveryLengthUpTo64Bytes() {
        Random random = new Random(42);
        for (int length = 0; length <= 64; length++) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            String encoded = Base32.encode(data);
            assertEquals((length * 8 + 4) / 5, encoded.length(), "encoded length for " + length);
            assertArrayEquals(data, Base32.decode(encoded), "round trip of " + length + " bytes");
            assertArrayEquals(data, Base32.decode(encoded.toLowerCase()), "lower case, " + length + " bytes");
        }
    }
}
