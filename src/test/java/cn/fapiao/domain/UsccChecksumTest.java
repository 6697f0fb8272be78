package cn.fapiao.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UsccChecksumTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "91110000802100433B",
            "91110000101623741K",
            "911101066976941872",
            "91350100M000100Y43",
            "91440300708461136T",
            "91110108000000027Y", // remainder 1: check index 30, the last character
            "911101080000003850", // remainder 0: check wraps to '0', not index 31
            "91350211M0000XUF4R",
    })
    void acceptsValidCodes(String uscc) {
        assertTrue(UsccChecksum.isValid(uscc));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "91350100M000100Y4Z",  // Z is never used; the check should be 3
            "91350211M0000XUF46",  // check should be R
            "91110000802100433C",
            "91110000802100433b",  // lower case is not normalised here
            "91110000802100433",   // 17 characters
            "91110000802100433BB", // 19 characters
            "9111000080210O433B",  // O is not in the charset
    })
    void rejectsInvalidCodes(String uscc) {
        assertFalse(UsccChecksum.isValid(uscc));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "91350100M000100Y4, 3",
            "91350211M0000XUF4, R",
            "91110000802100433, B",
            "91110000101623741, K",
            "91110106697694187, 2",
            "91440300708461136, T",
            "91110108000000027, Y",
            "91110108000000385, 0",
    })
    void computesExpectedCheckCharacter(String first17, char expected) {
        assertEquals(Optional.of(expected), UsccChecksum.expectedCheckCharacter(first17));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"9135010", "91350100M000100Y43", "91350100M000100I4"})
    void hasNoExpectedCharacterForWrongInput(String first17) {
        assertEquals(Optional.empty(), UsccChecksum.expectedCheckCharacter(first17));
    }
}
