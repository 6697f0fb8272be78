package cn.fapiao.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DigitalNumberDecoderTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // number,             year, province, region, name,      channel, sequence
            "24112000000135114086, 2024, 11,       1100,   Beijing,   2,       000000135114086",
            "25442000000012345678, 2025, 44,       4400,   Guangdong, 2,       000000012345678",
            "23311999999999999999, 2023, 31,       3100,   Shanghai,  1,       999999999999999",
            "24652000000000000001, 2024, 65,       6500,   Xinjiang,  2,       000000000000001",
    })
    void decodesValidNumbers(String number, int year, String province, String regionCode, String regionName,
                             String channel, String sequence) {
        DecodedDigitalNumber decoded = DigitalNumberDecoder.decode(number);

        assertEquals(List.of(), decoded.problems());
        assertTrue(decoded.valid());
        assertEquals(number, decoded.number());
        assertEquals(year, decoded.year());
        assertEquals(province, decoded.provinceCode());
        assertEquals(regionCode, decoded.region().code());
        assertEquals(regionName, decoded.region().name());
        assertEquals(channel, decoded.channel());
        assertEquals(sequence, decoded.sequence());
        assertEquals(15, decoded.sequence().length());
    }

    @Test
    void stripsSurroundingWhitespace() {
        assertEquals("24112000000135114086", DigitalNumberDecoder.decode(" 24112000000135114086 ").number());
    }

    @Test
    void legacyEightDigitNumberIsTheWrongLengthAndSaysWhy() {
        DecodedDigitalNumber decoded = DigitalNumberDecoder.decode("12345678");

        assertFalse(decoded.valid());
        assertEquals(List.of(new Problem("number", "INVALID_LENGTH",
                "A fully digital invoice number must have 20 digits, got 8; an 8-digit number is a legacy"
                        + " invoice number and must be given with its invoice code")), decoded.problems());
        assertNull(decoded.year());
        assertNull(decoded.region());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "2411200000013511408   | INVALID_LENGTH     | A fully digital invoice number must have 20 digits, got 19",
            "241120000001351140866 | INVALID_LENGTH     | A fully digital invoice number must have 20 digits, got 21",
            "2411200000013511408O  | INVALID_CHARACTERS | A fully digital invoice number must contain only digits, found 'O' at position 20",
    })
    void rejectsMalformedNumbers(String number, String code, String message) {
        DecodedDigitalNumber decoded = DigitalNumberDecoder.decode(number);

        assertFalse(decoded.valid());
        assertEquals(List.of(new Problem("number", code, message)), decoded.problems());
        assertNull(decoded.sequence());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void missingNumberIsRequired(String number) {
        assertEquals(List.of("REQUIRED"),
                DigitalNumberDecoder.decode(number).problems().stream().map(Problem::code).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"24992000000135114086", "24002000000135114086"})
    void unknownProvinceIsAProblemButStillDecodes(String number) {
        DecodedDigitalNumber decoded = DigitalNumberDecoder.decode(number);

        assertFalse(decoded.valid());
        assertEquals(List.of("UNKNOWN_REGION"), decoded.problems().stream().map(Problem::code).toList());
        assertNull(decoded.region());
        assertEquals(2024, decoded.year());
        assertEquals("2", decoded.channel());
    }
}
