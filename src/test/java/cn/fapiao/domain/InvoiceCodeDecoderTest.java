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

class InvoiceCodeDecoderTest {

    @ParameterizedTest(name = "{0} → type {1}, region {2}→{3}, {4}")
    @CsvSource({
            // code,        type, raw,  routed, year, batch, kind
            // domain.md vector
            "011001800604, 04,   1100, 1100,   2018, 006,   04",
            // first digit 0: every last-two-digit mapping
            "044031900111, 10,   4403, 4403,   2019, 001,   11",
            "011011800105, 04,   1101, 1100,   2018, 001,   05",
            "032011700106, 11,   3201, 3200,   2017, 001,   06",
            "033021900107, 11,   3302, 3302,   2019, 001,   07",
            "011002000112, 14,   1100, 1100,   2020, 001,   12",
            "021022000113, 08,   2102, 2102,   2020, 001,   13",
            "037001900117, 15,   3700, 3700,   2019, 001,   17",
            "044001900101, 99,   4400, 4400,   2019, 001,   01",
            // the four early e-invoice codes come first
            "144031539110, 10,   4403, 4403,   2015, 391,   10",
            "131001570151, 10,   3100, 3100,   2015, 701,   51",
            "133011501118, 10,   3301, 3300,   2015, 011,   18",
            "111001571071, 10,   1100, 1100,   2015, 710,   71",
            // first digit not 0: 8th digit 2 → motor vehicle, otherwise unknown
            "144031720001, 03,   4403, 4403,   2017, 200,   01",
            "137021820104, 03,   3702, 3702,   2018, 201,   04",
            "111001711001, 99,   1100, 1100,   2017, 110,   01",
            // 90s print runs
            "011009900104, 04,   1100, 1100,   1999, 001,   04",
            "011009000104, 04,   1100, 1100,   1990, 001,   04",
            "011008900104, 04,   1100, 1100,   2089, 001,   04",
            // 10 digits: 8th digit decides
            "1100171130,   01,   1100, 1100,   2017, 1,     1",
            "4403192562,   01,   4403, 4403,   2019, 2,     5",
            "3201161320,   04,   3201, 3200,   2016, 1,     3",
            "3502201651,   04,   3502, 3502,   2020, 1,     6",
            "1200141230,   02,   1200, 1200,   2014, 1,     2",
            "3702132740,   02,   3702, 3702,   2013, 2,     7",
            "1100181430,   99,   1100, 1100,   2018, 1,     4",
            "2101180830,   99,   2101, 2100,   2018, 0,     8",
            "1100951130,   01,   1100, 1100,   1995, 1,     1",
    })
    void decodesValidCodes(String code, String type, String rawRegion, String routed, int year, String batch, String kind) {
        DecodedInvoiceCode decoded = InvoiceCodeDecoder.decode(code);

        assertEquals(List.of(), decoded.problems());
        assertTrue(decoded.valid());
        assertEquals(code, decoded.code());
        assertEquals(type, decoded.type().code());
        assertEquals(rawRegion, decoded.rawRegion());
        assertEquals(routed, decoded.region().code());
        assertEquals(year, decoded.year());
        assertEquals(batch, decoded.batch());
        assertEquals(kind, decoded.kind());
    }

    @Test
    void domainVectorNamesBeijingAndOrdinary() {
        DecodedInvoiceCode decoded = InvoiceCodeDecoder.decode("011001800604");

        assertEquals(InvoiceType.ORDINARY, decoded.type());
        assertEquals(new Region("1100", "Beijing", "北京"), decoded.region());
    }

    @Test
    void shenzhenKeepsItsOwnRegion() {
        assertEquals(new Region("4403", "Shenzhen", "深圳"), InvoiceCodeDecoder.decode("044031900111").region());
    }

    @Test
    void stripsSurroundingWhitespace() {
        DecodedInvoiceCode decoded = InvoiceCodeDecoder.decode("  011001800604\t");

        assertTrue(decoded.valid());
        assertEquals("011001800604", decoded.code());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void missingCodeIsRequired(String code) {
        DecodedInvoiceCode decoded = InvoiceCodeDecoder.decode(code);

        assertFalse(decoded.valid());
        assertEquals(List.of("REQUIRED"), codes(decoded));
        assertEquals(InvoiceType.UNKNOWN, decoded.type());
        assertNull(decoded.rawRegion());
        assertNull(decoded.year());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "011001800      | INVALID_LENGTH     | Invoice code must have 10 or 12 digits, got 9",
            "01100180060    | INVALID_LENGTH     | Invoice code must have 10 or 12 digits, got 11",
            "0110018006041  | INVALID_LENGTH     | Invoice code must have 10 or 12 digits, got 13",
            "24112000000135114086 | INVALID_LENGTH | Invoice code must have 10 or 12 digits, got 20",
            "01100180060A   | INVALID_CHARACTERS | Invoice code must contain only digits, found 'A' at position 12",
            "0110 0180 0604 | INVALID_CHARACTERS | Invoice code must contain only digits, found ' ' at position 5, ' ' at position 10",
            "０11001800604   | INVALID_CHARACTERS | Invoice code must contain only digits, found '０' at position 1",
    })
    void rejectsMalformedCodes(String code, String problemCode, String message) {
        DecodedInvoiceCode decoded = InvoiceCodeDecoder.decode(code);

        assertFalse(decoded.valid());
        assertEquals(problemCode, decoded.problems().get(0).code());
        assertEquals(message, decoded.problems().get(0).message());
        assertEquals("code", decoded.problems().get(0).field());
        assertEquals(InvoiceType.UNKNOWN, decoded.type());
        assertNull(decoded.region());
    }

    @Test
    void reportsBothBadCharactersAndBadLength() {
        assertEquals(List.of("INVALID_CHARACTERS", "INVALID_LENGTH"), codes(InvoiceCodeDecoder.decode("0110-180")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "1100181110 | Position 9 of a 10-digit invoice code (number of copies) must be 2-9, got 1",
            "1100181100 | Position 9 of a 10-digit invoice code (number of copies) must be 2-9, got 0",
            "1100181135 | Position 10 of a 10-digit invoice code (amount version) must be 0-4, got 5",
            "1100181139 | Position 10 of a 10-digit invoice code (amount version) must be 0-4, got 9",
    })
    void tenDigitCodesMustMatchCopiesAndVersionFormat(String code, String message) {
        DecodedInvoiceCode decoded = InvoiceCodeDecoder.decode(code);

        assertFalse(decoded.valid());
        assertEquals(List.of(new Problem("code", "INVALID_FORMAT", message)), decoded.problems());
        // The rest still decodes, which helps the user spot the typo.
        assertEquals(InvoiceType.SPECIAL_VAT, decoded.type());
        assertEquals("1100", decoded.region().code());
    }

    @Test
    void namesBothWrongFormatPositions() {
        assertEquals(List.of("INVALID_FORMAT", "INVALID_FORMAT"), codes(InvoiceCodeDecoder.decode("1100181119")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "099001800104, 9900, 04, 2018",
            "010001800104, 1000, 04, 2018",
            "9901181130,   9901, 01, 2018",
    })
    void unknownRegionIsAProblemButTheRestStillDecodes(String code, String rawRegion, String type, int year) {
        DecodedInvoiceCode decoded = InvoiceCodeDecoder.decode(code);

        assertFalse(decoded.valid());
        assertEquals(List.of("UNKNOWN_REGION"), codes(decoded));
        assertEquals(rawRegion, decoded.rawRegion());
        assertNull(decoded.region());
        assertEquals(type, decoded.type().code());
        assertEquals(year, decoded.year());
    }

    private static List<String> codes(DecodedInvoiceCode decoded) {
        return decoded.problems().stream().map(Problem::code).toList();
    }
}
