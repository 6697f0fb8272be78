package cn.fapiao.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaxRatesTest {

    @ParameterizedTest(name = "{0}: allowed={1}, historic={2}, known={3}")
    @CsvSource({
            "0.13,   true,  false, true",
            "0.1300, true,  false, true",
            "0.09,   true,  false, true",
            "0.06,   true,  false, true",
            "0,      true,  false, true",
            "0.0000, true,  false, true",
            "0.05,   true,  false, true",
            "0.03,   true,  false, true",
            "0.02,   true,  false, true",
            "0.015,  true,  false, true",
            "0.0150, true,  false, true",
            "0.01,   true,  false, true",
            "0.17,   false, true,  true",
            "0.16,   false, true,  true",
            "0.11,   false, true,  true",
            "0.10,   false, true,  true",
            "0.1,    false, true,  true",
            "0.12,   false, false, false",
            "13,     false, false, false",
            "-0.13,  false, false, false",
    })
    void classifiesRates(BigDecimal rate, boolean allowed, boolean historic, boolean known) {
        assertEquals(allowed, TaxRates.isAllowedForIssue(rate));
        assertEquals(historic, TaxRates.isHistoric(rate));
        assertEquals(known, TaxRates.isKnown(rate));
    }

    @Test
    void nullIsNeverAllowed() {
        assertEquals(false, TaxRates.isAllowedForIssue(null));
        assertEquals(false, TaxRates.isKnown(null));
    }

    @Test
    void listsTheNineCurrentRates() {
        assertEquals(9, TaxRates.ALLOWED.size());
        assertEquals(4, TaxRates.HISTORIC.size());
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "0.13  | TAXABLE     | ",
            "0     | TAXABLE     | ",
            "0     | EXEMPT      | ",
            "0.00  | NOT_TAXABLE | ",
            "0.015 |             | ",
            "0.17  | TAXABLE     | Tax rate 17% is a historic rate and may not be used on new invoices",
            "0.10  | TAXABLE     | Tax rate 10% is a historic rate and may not be used on new invoices",
            "0.12  | TAXABLE     | Tax rate 12% is not in force; allowed: 13%, 9%, 6%, 5%, 3%, 2%, 1.5%, 1% and 0%",
            "0.06  | EXEMPT      | Exempt lines (免税) must have tax rate 0, got 6%",
            "0.13  | NOT_TAXABLE | Not-taxable lines (不征税) must have tax rate 0, got 13%",
    })
    void checksRateForIssue(BigDecimal rate, TaxTreatment treatment, String message) {
        List<Problem> expected = message == null ? List.of() : List.of(new Problem("taxRate", "RATE_NOT_ALLOWED", message));
        assertEquals(expected, TaxRates.checkForIssue(rate, treatment));
    }

    @Test
    void missingRateIsRequired() {
        assertEquals(List.of(new Problem("taxRate", "REQUIRED", "Tax rate is required")),
                TaxRates.checkForIssue(null, TaxTreatment.TAXABLE));
    }

    @ParameterizedTest
    @CsvSource({"TAXABLE, 应税, ", "EXEMPT, 免税, 0", "NOT_TAXABLE, 不征税, 0"})
    void treatmentsHaveChineseNamesAndExemptOnesRateZero(TaxTreatment treatment, String chinese, BigDecimal fixedRate) {
        assertEquals(chinese, treatment.chineseName());
        assertEquals(Optional.ofNullable(fixedRate), treatment.fixedRate());
    }
}
