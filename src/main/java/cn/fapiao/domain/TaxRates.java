package cn.fapiao.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The VAT rates a new invoice line may carry, and the historic rates still found on old
 * invoices. Rates are fractions ({@code 0.13} for 13%) compared by value, so 0.13 and 0.1300
 * are the same rate.
 */
public final class TaxRates {

    /** 13/9/6/0 % general rates, then 5/3/2/1.5/1 % simplified levy rates. */
    public static final List<BigDecimal> ALLOWED = List.of(
            new BigDecimal("0.13"), new BigDecimal("0.09"), new BigDecimal("0.06"), new BigDecimal("0"),
            new BigDecimal("0.05"), new BigDecimal("0.03"), new BigDecimal("0.02"), new BigDecimal("0.015"),
            new BigDecimal("0.01"));

    /** Rates in force before the 2018 and 2019 cuts; old invoices carry them, new ones may not. */
    public static final List<BigDecimal> HISTORIC = List.of(
            new BigDecimal("0.17"), new BigDecimal("0.16"), new BigDecimal("0.11"), new BigDecimal("0.10"));

    private static final String FIELD = "taxRate";

    private TaxRates() {
    }

    /** True if a new invoice may use this rate. */
    public static boolean isAllowedForIssue(BigDecimal rate) {
        return contains(ALLOWED, rate);
    }

    public static boolean isHistoric(BigDecimal rate) {
        return contains(HISTORIC, rate);
    }

    /** True for current and historic rates: what a stored or verified invoice may legitimately carry. */
    public static boolean isKnown(BigDecimal rate) {
        return isAllowedForIssue(rate) || isHistoric(rate);
    }

    /**
     * Problems with using this rate on a new invoice line with this treatment: RATE_NOT_ALLOWED
     * for a rate not in force, or for a non-zero rate on an exempt or not-taxable line.
     */
    public static List<Problem> checkForIssue(BigDecimal rate, TaxTreatment treatment) {
        List<Problem> problems = new ArrayList<>();
        if (rate == null) {
            problems.add(new Problem(FIELD, "REQUIRED", "Tax rate is required"));
            return problems;
        }
        TaxTreatment effective = treatment == null ? TaxTreatment.TAXABLE : treatment;
        if (effective.fixedRate().isPresent() && rate.compareTo(effective.fixedRate().get()) != 0) {
            String label = effective == TaxTreatment.EXEMPT ? "Exempt" : "Not-taxable";
            problems.add(new Problem(FIELD, "RATE_NOT_ALLOWED", label + " lines (" + effective.chineseName() + ") must have tax rate 0, got " + percent(rate)));
        } else if (isHistoric(rate)) {
            problems.add(new Problem(FIELD, "RATE_NOT_ALLOWED", "Tax rate " + percent(rate)
                    + " is a historic rate and may not be used on new invoices"));
        } else if (!isAllowedForIssue(rate)) {
            problems.add(new Problem(FIELD, "RATE_NOT_ALLOWED", "Tax rate " + percent(rate)
                    + " is not in force; allowed: 13%, 9%, 6%, 5%, 3%, 2%, 1.5%, 1% and 0%"));
        }
        return problems;
    }

    private static boolean contains(List<BigDecimal> rates, BigDecimal rate) {
        return rate != null && rates.stream().anyMatch(r -> r.compareTo(rate) == 0);
    }

    private static String percent(BigDecimal rate) {
        return rate.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
