package cn.fapiao.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VatReturnTest {

    @ParameterizedTest(name = "out {0} in {1} credit {2} transferred {3} → payable {4}, carried {5}")
    @CsvSource({
            // output, input, credit brought forward, transferred out, payable, credit carried forward
            "1300.00, 500.00,  0.00,    0.00,   800.00,  0.00",   // ordinary month
            "1300.00, 1300.00, 0.00,    0.00,   0.00,    0.00",   // exactly even
            "500.00,  1300.00, 0.00,    0.00,   0.00,    800.00", // more input: credit
            "500.00,  0.00,    800.00,  0.00,   0.00,    300.00", // credit used up partly
            "500.00,  100.00,  200.00,  50.00,  250.00,  0.00",   // 100 + 200 − 50 = 250 deductible
            "500.00,  0.00,    0.00,    130.00, 630.00,  0.00",   // transferred out with nothing to deduct: payable above output
            "0.00,    0.00,    100.00,  130.00, 30.00,   0.00",   // transfer exceeds the credit
            "0.00,    0.00,    0.00,    0.00,   0.00,    0.00",
            "-72.00,  0.00,    0.00,    0.00,   0.00,    72.00",  // a month of red invoices only: negative output becomes credit
            "348.00,  1300.00, 2918.00, 195.00, 0.00,    3675.00",
    })
    void payableAndCreditCarriedForward(BigDecimal output, BigDecimal input, BigDecimal credit, BigDecimal transferred,
                                        BigDecimal payable, BigDecimal carried) {
        VatReturn.Month month = new VatReturn.Month(output, input, transferred, credit);
        assertEquals(payable, month.payable());
        assertEquals(carried, month.creditCarriedForward());
        // What is due and what is carried always settle the month: output − payable = deductible − carried.
        assertEquals(0, output.subtract(month.payable()).compareTo(month.deductible().subtract(month.creditCarriedForward())));
    }

    @Test
    void creditIsCarriedThroughEveryEarlierMonthIncludingEmptyOnesAndLaterMonthsAreIgnored() {
        SortedMap<YearMonth, VatReturn.Flows> flows = new TreeMap<>();
        flows.put(YearMonth.of(2012, 11), flows("0.00", "2600.00", "0.00"));
        flows.put(YearMonth.of(2012, 12), flows("72.00", "390.00", "0.00"));
        // nothing in January to March: the credit passes through unchanged
        flows.put(YearMonth.of(2013, 4), flows("3000.00", "0.00", "100.00"));
        flows.put(YearMonth.of(2013, 5), flows("9999.00", "0.00", "0.00")); // at or after the month asked for: ignored

        assertEquals(new BigDecimal("0.00"), VatReturn.creditBroughtForward(flows, YearMonth.of(2012, 11)));
        assertEquals(new BigDecimal("2600.00"), VatReturn.creditBroughtForward(flows, YearMonth.of(2012, 12)));
        assertEquals(new BigDecimal("2918.00"), VatReturn.creditBroughtForward(flows, YearMonth.of(2013, 3)));
        assertEquals(new BigDecimal("0.00"), VatReturn.creditBroughtForward(flows, YearMonth.of(2013, 5))); // 2918 − 100 < 3000: used up
        assertEquals(new BigDecimal("0.00"), VatReturn.creditBroughtForward(new TreeMap<>(), YearMonth.of(2013, 5)).setScale(2));
    }

    @ParameterizedTest(name = "{0} → statutory {1}, due {2}")
    @CsvSource({
            "2026-01, 2026-02-15, 2026-02-16", // Sunday → Monday
            "2026-02, 2026-03-15, 2026-03-16", // Sunday (28 days: still the 15th)
            "2024-01, 2024-02-15, 2024-02-15", // Thursday stays
            "2026-07, 2026-08-15, 2026-08-17", // Saturday → Monday
            "2026-12, 2027-01-15, 2027-01-15", // across the year end
            "2024-02, 2024-03-15, 2024-03-15", // leap February
    })
    void filingIsDueFifteenDaysAfterTheMonthMovedPastAWeekend(YearMonth month, LocalDate statutory, LocalDate due) {
        assertEquals(statutory, VatReturn.statutoryDueDate(month));
        assertEquals(due, VatReturn.filingDueDate(month));
    }

    private static VatReturn.Flows flows(String output, String input, String transferred) {
        return new VatReturn.Flows(new BigDecimal(output), new BigDecimal(input), new BigDecimal(transferred));
    }
}
