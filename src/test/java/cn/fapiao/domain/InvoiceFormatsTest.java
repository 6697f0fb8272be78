package cn.fapiao.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class InvoiceFormatsTest {

    @ParameterizedTest
    @ValueSource(strings = {"12345678", "00000001", "99999999", " 12345678 "})
    void acceptsLegacyNumbers(String number) {
        assertEquals(List.of(), InvoiceFormats.checkLegacyNumber(number));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "00000000             | ALL_ZEROS          | Invoice number 00000000 is never issued",
            "1234567              | INVALID_LENGTH     | Invoice number must have 8 digits, got 7",
            "123456789            | INVALID_LENGTH     | Invoice number must have 8 digits, got 9",
            "1234567A             | INVALID_CHARACTERS | Invoice number must contain only digits, found 'A' at position 8",
            "24112000000135114086 | INVALID_LENGTH     | Invoice number must have 8 digits, got 20; a 20-digit number is a fully digital invoice number, which needs no invoice code",
    })
    void rejectsBadLegacyNumbers(String number, String code, String message) {
        assertEquals(List.of(new Problem("number", code, message)), InvoiceFormats.checkLegacyNumber(number));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void legacyNumberIsRequired(String number) {
        assertEquals(List.of(new Problem("number", "REQUIRED", "Invoice number is required")),
                InvoiceFormats.checkLegacyNumber(number));
    }

    @Test
    void usesTheGivenFieldName() {
        assertEquals("originalNumber", InvoiceFormats.checkLegacyNumber("0", "originalNumber").get(0).field());
        assertEquals("code", InvoiceFormats.checkCheckCode("1", "code").get(0).field());
        assertEquals("lastSix", InvoiceFormats.checkCheckCodeLastSix("1", "lastSix").get(0).field());
        assertEquals("total", InvoiceFormats.checkAmount("x", "total").get(0).field());
    }

    @Test
    void namesMoreThanFiveBadCharactersByCount() {
        assertEquals("Invoice number must contain only digits, found 'a' at position 1, 'b' at position 2,"
                        + " 'c' at position 3, 'd' at position 4, 'e' at position 5 and 3 more",
                InvoiceFormats.checkLegacyNumber("abcdefgh").get(0).message());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "12345678901234567890  | ",
            "00000000000000000000  | ",
            "1234567890123456789   | INVALID_LENGTH",
            "123456789012345678901 | INVALID_LENGTH",
            "1234567890123456789X  | INVALID_CHARACTERS",
            "''                    | REQUIRED",
    })
    void checksFullCheckCode(String checkCode, String expected) {
        assertEquals(expected == null ? List.of() : List.of(expected), codes(InvoiceFormats.checkCheckCode(checkCode)));
    }

    @Test
    void fullCheckCodeMessageSaysTwentyDigits() {
        assertEquals(List.of(new Problem("checkCode", "INVALID_LENGTH", "Check code must have 20 digits, got 6")),
                InvoiceFormats.checkCheckCode("114086"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "114086   | ",
            "000000   | ",
            "11408    | INVALID_LENGTH",
            "1140867  | INVALID_LENGTH",
            "11408x   | INVALID_CHARACTERS",
            "''       | REQUIRED",
    })
    void checksLastSixOfCheckCode(String lastSix, String expected) {
        List<Problem> problems = InvoiceFormats.checkCheckCodeLastSix(lastSix);

        assertEquals(expected == null ? List.of() : List.of(expected), codes(problems));
        problems.forEach(p -> assertEquals("checkCode", p.field()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1409.50", "1409.5", "-1409.50", "100", "-100", "0.01", "99999999999.99", " 12.30 "})
    void acceptsAmounts(String amount) {
        assertEquals(List.of(), InvoiceFormats.checkAmount(amount));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1409.505", "100000000000", "1,409.50", "+100", "1e3", ".5", "5.", "--1", "abc", "１00"})
    void rejectsMalformedAmounts(String amount) {
        List<Problem> problems = InvoiceFormats.checkAmount(amount);

        assertEquals(List.of("INVALID_FORMAT"), codes(problems));
        assertEquals("amount", problems.get(0).field());
    }

    @Test
    void amountMessageShowsTheValue() {
        assertEquals("Amount must be a number with at most 11 digits before and 2 after the decimal point,"
                        + " optionally negative (e.g. 1409.50 or -100), got '1,409.50'",
                InvoiceFormats.checkAmount("1,409.50").get(0).message());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "  ")
    void amountIsRequired(String amount) {
        assertEquals(List.of("REQUIRED"), codes(InvoiceFormats.checkAmount(amount)));
    }

    @ParameterizedTest(name = "{0}: digital {1}, legacy code {2}, legacy number {3}")
    @CsvSource({
            "24112000000000000001, true, false, false",
            "2411200000000000001, false, false, false",
            "241120000000000000011, false, false, false",
            "2411200000000000000a, false, false, false",
            "011001800604, false, true, false",
            "0110018006, false, true, false",
            "01100180060, false, false, false",
            "12345678, false, false, true",
            "1234567, false, false, false",
            "' 12345678', false, false, false",
            "'', false, false, false"
    })
    void shapesOfNumbersAndCodes(String text, boolean digital, boolean legacyCode, boolean legacyNumber) {
        assertEquals(digital, InvoiceFormats.isDigitalNumberShape(text));
        assertEquals(legacyCode, InvoiceFormats.isLegacyCodeShape(text));
        assertEquals(legacyNumber, InvoiceFormats.isLegacyNumberShape(text));
    }

    @Test
    void noTextHasNoShape() {
        assertEquals(false, InvoiceFormats.isDigitalNumberShape(null));
        assertEquals(false, InvoiceFormats.isLegacyCodeShape(null));
        assertEquals(false, InvoiceFormats.isLegacyNumberShape(null));
    }

    private static List<String> codes(List<Problem> problems) {
        return problems.stream().map(Problem::code).toList();
    }
}
