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

class TaxIdValidatorTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // id,                 division, region
            "91110000802100433B, 110000,   1100",
            "91110000101623741K, 110000,   1100",
            "911101066976941872, 110106,   1100",
            "91350100M000100Y43, 350100,   3500",
            "91440300708461136T, 440300,   4403",
            "91110108000000027Y, 110108,   1100",
            "911101080000003850, 110108,   1100",
            "91350211M0000XUF4R, 350211,   3502",
    })
    void acceptsValidUsccs(String id, String division, String region) {
        TaxIdValidation result = TaxIdValidator.validate(id);

        assertEquals(List.of(), result.problems());
        assertTrue(result.valid());
        assertEquals(TaxIdKind.USCC, result.kind());
        assertEquals(id, result.taxId());
        assertEquals(division, result.divisionCode());
        assertEquals(region, result.region().code());
        assertEquals("Market regulation (工商)", result.registrationAuthority());
        assertEquals("Enterprise (企业)", result.organisationType());
        assertNull(result.expectedCheckCharacter());
    }

    @Test
    void normalisesCaseAndWhitespaceFirst() {
        TaxIdValidation result = TaxIdValidator.validate("  91350211m0000xuf4r ");

        assertTrue(result.valid());
        assertEquals("91350211M0000XUF4R", result.taxId());
        assertEquals(new Region("3502", "Xiamen", "厦门"), result.region());
    }

    @Test
    void forbiddenLastCharacterIsNamedAndTheCheckCharacterSuggested() {
        TaxIdValidation result = TaxIdValidator.validate("91350100M000100Y4Z");

        assertFalse(result.valid());
        assertEquals(TaxIdKind.USCC, result.kind());
        assertEquals('3', result.expectedCheckCharacter());
        assertEquals(List.of(
                new Problem("taxId", "INVALID_CHARACTERS", "Unified social credit code has invalid characters:"
                        + " position 18: 'Z' is not allowed (I, O, Z, S, V are never used)"),
                new Problem("taxId", "INVALID_CHECKSUM",
                        "Unified social credit code checksum fails: check character should be 3, got Z")),
                result.problems());
    }

    @Test
    void wrongCheckCharacterIsReportedWithTheRightOne() {
        TaxIdValidation result = TaxIdValidator.validate("91350211M0000XUF46");

        assertFalse(result.valid());
        assertEquals('R', result.expectedCheckCharacter());
        assertEquals(List.of(new Problem("taxId", "INVALID_CHECKSUM",
                "Unified social credit code checksum fails: check character should be R, got 6")), result.problems());
        // What can be read is still read.
        assertEquals("350211", result.divisionCode());
        assertEquals("3502", result.region().code());
    }

    @Test
    void badCharactersInsideTheCodeAreListedWithPositions() {
        TaxIdValidation result = TaxIdValidator.validate("91I1000080210-433B");

        assertEquals(List.of(new Problem("taxId", "INVALID_CHARACTERS", "Unified social credit code has invalid"
                + " characters: position 3: 'I' is not allowed (I, O, Z, S, V are never used);"
                + " position 14: '-' is not allowed (only digits and the letters A-Y without I, O, S, V)")),
                result.problems());
        // No checksum can be computed over characters outside the charset.
        assertNull(result.expectedCheckCharacter());
        assertNull(result.divisionCode());
        assertNull(result.region());
    }

    @ParameterizedTest(name = "{0}: {1} / {2}")
    @CsvSource(delimiter = '|', value = {
            "91110000802100433B | Market regulation (工商) | Enterprise (企业)",
            "92110000802100433B | Market regulation (工商) | Individual business (个体工商户)",
            "12110000802100433B | Institutional organisation (机构编制) | Public institution (事业单位)",
            "53110000802100433B | Civil affairs (民政) | Foundation (基金会)",
            "Y1110000802100433B | Other (其他) | Other (其他)",
            "94110000802100433B | Market regulation (工商) | ",
            "B1110000802100433B | | ",
    })
    void describesAuthorityAndOrganisationType(String id, String authority, String type) {
        TaxIdValidation result = TaxIdValidator.validate(id);

        assertEquals(authority, result.registrationAuthority());
        assertEquals(type, result.organisationType());
    }

    @Test
    void centralRegistrationsHaveNoRegionButAreValid() {
        String first17 = "91100000100003962";
        String id = first17 + UsccChecksum.expectedCheckCharacter(first17).orElseThrow();
        TaxIdValidation result = TaxIdValidator.validate(id);

        assertTrue(result.valid());
        assertEquals("100000", result.divisionCode());
        assertNull(result.region());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "110108123456789,      110108, 1100",
            "44030019851234X,      440300, 4403",
            "11010812345678901,    110108, 1100",
            "11010519491231002X01, 110105, 1100",
            "AB0108123456789,      ,       ",
    })
    void acceptsLegacyIdsWithoutChecksum(String id, String division, String region) {
        TaxIdValidation result = TaxIdValidator.validate(id);

        assertEquals(List.of(), result.problems());
        assertTrue(result.valid());
        assertEquals(TaxIdKind.LEGACY, result.kind());
        assertEquals(division, result.divisionCode());
        assertEquals(region, result.region() == null ? null : result.region().code());
        assertNull(result.registrationAuthority());
        assertNull(result.expectedCheckCharacter());
    }

    @Test
    void legacyIdsMustBeAlphanumeric() {
        TaxIdValidation result = TaxIdValidator.validate("110108-23456789");

        assertFalse(result.valid());
        assertEquals(TaxIdKind.LEGACY, result.kind());
        assertEquals(List.of(new Problem("taxId", "INVALID_CHARACTERS",
                "Taxpayer ID may contain only digits and letters A-Z, got '110108-23456789'")), result.problems());
    }

    @ParameterizedTest(name = "{0} has {1} characters")
    @CsvSource({
            "9111000080210043,    16",
            "911100008021004333B, 19",
            "1234567890,          10",
            "911100008021004330000, 21",
    })
    void otherLengthsAreInvalid(String id, int length) {
        TaxIdValidation result = TaxIdValidator.validate(id);

        assertFalse(result.valid());
        assertEquals(TaxIdKind.INVALID, result.kind());
        assertEquals(List.of(new Problem("taxId", "INVALID_LENGTH", "Taxpayer ID must have 18 characters"
                + " (unified social credit code) or 15, 17 or 20 (older IDs), got " + length)), result.problems());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "   ")
    void missingIdIsRequired(String id) {
        TaxIdValidation result = TaxIdValidator.validate(id);

        assertEquals(TaxIdKind.INVALID, result.kind());
        assertEquals(List.of("REQUIRED"), result.problems().stream().map(Problem::code).toList());
    }
}
