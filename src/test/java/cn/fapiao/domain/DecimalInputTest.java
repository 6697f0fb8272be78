package cn.fapiao.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecimalInputTest {

    @ParameterizedTest
    @CsvSource({"100, 100.00", "' 12.5 ', 12.50", "-1409.5, -1409.50"})
    void readsAmountsToTwoDecimals(String text, String expected) {
        List<Problem> problems = new ArrayList<>();
        assertEquals(new BigDecimal(expected), DecimalInput.amount(text, "amount", problems));
        assertTrue(problems.isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"'', REQUIRED", "12.345, INVALID_FORMAT", "abc, INVALID_FORMAT"})
    void namesTheFieldOfABadAmount(String text, String code) {
        List<Problem> problems = new ArrayList<>();
        assertNull(DecimalInput.amount(text, "input.lines[0].amount", problems));
        assertEquals(code, problems.get(0).code());
        assertEquals("input.lines[0].amount", problems.get(0).field());
    }

    @Test
    void decimalsRefuseNegativesOnlyWhenAsked() {
        List<Problem> problems = new ArrayList<>();
        assertEquals(new BigDecimal("-2.5"), DecimalInput.decimal("-2.5", "quantity", true, problems));
        assertNull(DecimalInput.decimal("-2.5", "quantity", false, problems));
        assertNull(DecimalInput.decimal("1.123456789", "quantity", true, problems));
        assertNull(DecimalInput.decimal("x", "quantity", true, problems));
        assertEquals(List.of("INVALID_FORMAT", "INVALID_FORMAT", "INVALID_FORMAT"), problems.stream().map(Problem::code).toList());
    }

    @Test
    void tooLongTextIsNamed() {
        List<Problem> problems = new ArrayList<>();
        DecimalInput.maxLength("abcd", 3, "remark", problems);
        DecimalInput.maxLength("abc", 3, "remark", problems);
        DecimalInput.maxLength(null, 3, "remark", problems);
        assertEquals(1, problems.size());
        assertEquals("TOO_LONG", problems.get(0).code());
    }
}
