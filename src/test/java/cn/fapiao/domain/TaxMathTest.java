package cn.fapiao.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class TaxMathTest {

    @ParameterizedTest(name = "{0} @ {1} → {2}")
    @CsvSource({
            "100.00,  0.13,  13.00",
            "100,     0.13,  13.00",
            "88.50,   0.13,  11.51",
            "123.45,  0.06,  7.41",
            "0.50,    0.13,  0.07",   // 0.065 rounds half up
            "-0.50,   0.13,  -0.07",  // and away from zero for red lines
            "-100.00, 0.13,  -13.00",
            "495.05,  0.01,  4.95",
            "1000.00, 0.015, 15.00",
            "333.33,  0,     0.00",
    })
    void computesLineTax(BigDecimal amount, BigDecimal rate, String tax) {
        assertEquals(new BigDecimal(tax), TaxMath.lineTax(amount, rate));
    }

    @ParameterizedTest(name = "gross {0} @ {1} → {2} + {3}")
    @CsvSource({
            // domain.md vectors
            "113.00,  0.13, 100.00,  13.00",
            "100.00,  0.13, 88.50,   11.50",
            "500.00,  0.01, 495.05,  4.95",
            "1.00,    0.13, 0.88,    0.12",
            // red invoices mirror blue ones
            "-113.00, 0.13, -100.00, -13.00",
            "-100.00, 0.13, -88.50,  -11.50",
            "-1.00,   0.13, -0.88,   -0.12",
            "106,     0.06, 100.00,  6.00",
            "50.00,   0,    50.00,   0.00",
            "0.00,    0.13, 0.00,    0.00",
    })
    void splitsGrossAmounts(BigDecimal gross, BigDecimal rate, String net, String tax) {
        assertEquals(new NetAndTax(new BigDecimal(net), new BigDecimal(tax)), TaxMath.splitGross(gross, rate));
    }

    static Stream<Arguments> totalsCases() {
        return Stream.of(
                Arguments.of(List.of(), "0.00", "0.00", "0.00"),
                Arguments.of(List.of(line("100.00", "0.13", "13.00"), line("88.50", "0.06", "5.31")),
                        "188.50", "18.31", "206.81"),
                Arguments.of(List.of(line("-100.00", "0.13", "-13.00"), line("-0.50", "0.13", "-0.07")),
                        "-100.50", "-13.07", "-113.57"),
                Arguments.of(List.of(line("1000", "0.09", "90"), line("0.01", "0", "0")),
                        "1000.01", "90.00", "1090.01"));
    }

    @ParameterizedTest
    @MethodSource("totalsCases")
    void sumsTotals(List<LineAmounts> lines, String amount, String tax, String total) {
        assertEquals(new Totals(new BigDecimal(amount), new BigDecimal(tax), new BigDecimal(total)), TaxMath.totals(lines));
    }

    @ParameterizedTest(name = "{0} × {1} = {2}, tax {4} @ {3} → {5}")
    @CsvSource({
            // quantity, unit price, amount, rate, tax, problems
            "2,    50.00,   100.00,  0.13, 13.00,  ''",
            "3,    33.33,   100.00,  0.13, 13.00,  ''",                 // 99.99: within ±0.01
            "3,    33.3333, 100.00,  0.13, 13.00,  ''",
            "3,    33.32,   100.00,  0.13, 13.00,  AMOUNT_MISMATCH",    // 99.96
            ",     ,        100.00,  0.13, 13.00,  ''",                 // quantity and price not given
            "2,    ,        100.00,  0.13, 13.00,  ''",
            "2,    50.00,   100.00,  0.13, 13.06,  ''",                 // exactly 0.06 off
            "2,    50.00,   100.00,  0.13, 12.94,  ''",
            "2,    50.00,   100.00,  0.13, 13.07,  TAX_OUT_OF_TOLERANCE",
            "2,    50.00,   100.00,  0.13, 12.93,  TAX_OUT_OF_TOLERANCE",
            "3,    33.00,   100.00,  0.13, 14.00,  AMOUNT_MISMATCH TAX_OUT_OF_TOLERANCE",
            "-2,   50.00,   -100.00, 0.13, -13.00, ''",                 // red line
            "-2,   50.00,   -100.00, 0.13, -13.07, TAX_OUT_OF_TOLERANCE",
            "-2,   50.00,   100.00,  0.13, 13.00,  AMOUNT_MISMATCH",
            ",     ,        ,        0.13, 13.00,  REQUIRED",
            ",     ,        100.00,  ,     ,       REQUIRED REQUIRED",
    })
    void checksLines(BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount, BigDecimal rate, BigDecimal tax,
                     String expected) {
        List<String> codes = TaxMath.checkLine(quantity, unitPrice, amount, rate, tax).stream().map(Problem::code).toList();

        assertEquals(expected.isEmpty() ? List.of() : List.of(expected.split(" ")), codes);
    }

    @Test
    void lineProblemsNameFieldAndFigures() {
        assertEquals(List.of(
                        new Problem("amount", "AMOUNT_MISMATCH",
                                "Quantity × unit price is 99.96 but the amount is 100.00; they may differ by at most 0.01"),
                        new Problem("tax", "TAX_OUT_OF_TOLERANCE",
                                "Tax 13.07 differs from amount × rate (13.00) by more than 0.06")),
                TaxMath.checkLine(new BigDecimal("3"), new BigDecimal("33.32"), new BigDecimal("100.00"),
                        new BigDecimal("0.13"), new BigDecimal("13.07")));
    }

    @ParameterizedTest(name = "{0} lines each {1} off → {2}")
    @CsvSource({
            "21, 0.06,  ''",
            "22, 0.06,  TAX_OUT_OF_TOLERANCE",
            "22, -0.06, TAX_OUT_OF_TOLERANCE",
            "127, 0.01, ''",
            "128, 0.01, TAX_OUT_OF_TOLERANCE",
            "0,  0.06,  ''",
    })
    void checksInvoiceDeviation(int lineCount, BigDecimal deviationPerLine, String expected) {
        // amount 100 @ 13 % is 13.00 exactly, so each line deviates by exactly deviationPerLine.
        LineAmounts line = new LineAmounts(new BigDecimal("100.00"), new BigDecimal("0.13"),
                new BigDecimal("13.00").add(deviationPerLine));
        List<String> codes = TaxMath.checkInvoiceDeviation(Collections.nCopies(lineCount, line))
                .stream().map(Problem::code).toList();

        assertEquals(expected.isEmpty() ? List.of() : List.of(expected), codes);
    }

    @Test
    void invoiceDeviationAllowsExactly127AndDeviationsOfOppositeSignCancel() {
        List<LineAmounts> exactly127 = new java.util.ArrayList<>(Collections.nCopies(21, line("100.00", "0.13", "13.06")));
        exactly127.add(line("100.00", "0.13", "13.01"));
        assertEquals(List.of(), TaxMath.checkInvoiceDeviation(exactly127));

        List<LineAmounts> cancelling = new java.util.ArrayList<>(Collections.nCopies(30, line("100.00", "0.13", "13.06")));
        cancelling.addAll(Collections.nCopies(30, line("100.00", "0.13", "12.94")));
        assertEquals(List.of(), TaxMath.checkInvoiceDeviation(cancelling));
    }

    @Test
    void invoiceDeviationMessageShowsTheSum() {
        assertEquals(List.of(new Problem("tax", "TAX_OUT_OF_TOLERANCE",
                        "The line taxes differ from amount × rate by 1.32 in total; at most 1.27 is allowed per invoice")),
                TaxMath.checkInvoiceDeviation(Collections.nCopies(22, line("100.00", "0.13", "13.06"))));
    }

    private static LineAmounts line(String amount, String rate, String tax) {
        return new LineAmounts(new BigDecimal(amount), new BigDecimal(rate), new BigDecimal(tax));
    }
}
