package cn.fapiao.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportPeriodTest {

    @ParameterizedTest(name = "{0} {1}/{2}/{3} {4}..{5} → {6}..{7}")
    @CsvSource(nullValues = "-", value = {
            "MONTH,   2026, 1,  -, -,          -,          2026-01-01, 2026-01-31",
            "MONTH,   2024, 2,  -, -,          -,          2024-02-01, 2024-02-29", // leap year
            "MONTH,   2026, 2,  -, -,          -,          2026-02-01, 2026-02-28",
            "MONTH,   2026, 12, -, -,          -,          2026-12-01, 2026-12-31",
            "QUARTER, 2026, -,  1, -,          -,          2026-01-01, 2026-03-31",
            "QUARTER, 2026, -,  4, -,          -,          2026-10-01, 2026-12-31",
            "YEAR,    2024, -,  -, -,          -,          2024-01-01, 2024-12-31",
            "RANGE,   -,    -,  -, 2026-01-31, 2026-01-31, 2026-01-31, 2026-01-31", // one day
            "RANGE,   -,    -,  -, 2024-01-01, 2024-12-31, 2024-01-01, 2024-12-31", // 366 days: the maximum
            "RANGE,   -,    -,  -, 2025-03-15, 2026-03-15, 2025-03-15, 2026-03-15", // 366 days across years
    })
    void resolvesPeriods(ReportPeriod.Kind kind, Integer year, Integer month, Integer quarter, LocalDate from, LocalDate to,
                         LocalDate expectedFrom, LocalDate expectedTo) {
        List<Problem> problems = new ArrayList<>();
        ReportPeriod period = ReportPeriod.of(kind, year, month, quarter, from, to, "p", problems);
        assertEquals(List.of(), problems);
        assertEquals(new ReportPeriod(expectedFrom, expectedTo), period);
    }

    @ParameterizedTest(name = "{0} {1}/{2}/{3} {4}..{5} → {6} {7}")
    @CsvSource(nullValues = "-", value = {
            "-,       2026, 1,  -, -,          -,          p.kind,    REQUIRED",
            "MONTH,   2026, -,  -, -,          -,          p.month,   REQUIRED",
            "MONTH,   -,    1,  -, -,          -,          p.year,    REQUIRED",
            "MONTH,   2026, 13, -, -,          -,          p.month,   OUT_OF_RANGE",
            "MONTH,   2026, 0,  -, -,          -,          p.month,   OUT_OF_RANGE",
            "MONTH,   2026, 1,  -, 2026-01-01, -,          p.from,    NOT_APPLICABLE",
            "QUARTER, 2026, -,  5, -,          -,          p.quarter, OUT_OF_RANGE",
            "QUARTER, 2026, 1,  1, -,          -,          p.month,   NOT_APPLICABLE",
            "YEAR,    1989, -,  -, -,          -,          p.year,    OUT_OF_RANGE",
            "YEAR,    2147483647, -, -, -,     -,          p.year,    OUT_OF_RANGE",
            "YEAR,    -2147483648, -, -, -,    -,          p.year,    OUT_OF_RANGE",
            "RANGE,   -,    -,  -, 2026-02-01, 2026-01-31, p.to,      INVALID_RANGE", // ends before it starts
            "RANGE,   -,    -,  -, 2024-01-01, 2025-01-01, p.to,      RANGE_TOO_LONG", // 367 days
            "RANGE,   -,    -,  -, 0001-01-01, 9999-12-31, p.to,      RANGE_TOO_LONG",
            "RANGE,   -,    -,  -, 1989-12-31, 1990-01-02, p.from,    OUT_OF_RANGE",
            "RANGE,   -,    -,  -, 2026-01-01, -,          p.to,      REQUIRED",
            "RANGE,   2026, -,  -, 2026-01-01, 2026-01-02, p.year,    NOT_APPLICABLE",
    })
    void refusesWhatIsNotAPeriod(ReportPeriod.Kind kind, Integer year, Integer month, Integer quarter, LocalDate from, LocalDate to,
                                 String field, String code) {
        List<Problem> problems = new ArrayList<>();
        assertNull(ReportPeriod.of(kind, year, month, quarter, from, to, "p", problems));
        assertTrue(problems.stream().anyMatch(p -> p.field().equals(field) && p.code().equals(code)), problems::toString);
    }
}
