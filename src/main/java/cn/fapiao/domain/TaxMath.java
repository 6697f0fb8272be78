package cn.fapiao.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * VAT arithmetic on invoice lines and totals, with the tolerances the tax platform accepts.
 * Every result is scale 2, rounded HALF_UP (which rounds away from zero, so red invoices
 * mirror blue ones exactly).
 */
public final class TaxMath {

    /** Quantity × unit price may differ from the line amount by this much. */
    public static final BigDecimal AMOUNT_TOLERANCE = new BigDecimal("0.01");
    /** A line's tax may differ from amount × rate by this much. */
    public static final BigDecimal LINE_TAX_TOLERANCE = new BigDecimal("0.06");
    /** The lines' tax deviations may add up to this much per invoice. */
    public static final BigDecimal INVOICE_TAX_TOLERANCE = new BigDecimal("1.27");

    private static final int SCALE = 2;

    private TaxMath() {
    }

    /** tax = round(amount × rate, 2). */
    public static BigDecimal lineTax(BigDecimal amount, BigDecimal rate) {
        return amount.multiply(rate).setScale(SCALE, RoundingMode.HALF_UP);
    }

    /** Splits a tax-inclusive amount: net = round(gross / (1 + rate), 2), tax = gross − net. */
    public static NetAndTax splitGross(BigDecimal gross, BigDecimal rate) {
        BigDecimal roundedGross = gross.setScale(SCALE, RoundingMode.HALF_UP);
        BigDecimal net = roundedGross.divide(BigDecimal.ONE.add(rate), SCALE, RoundingMode.HALF_UP);
        return new NetAndTax(net, roundedGross.subtract(net));
    }

    /** amount = Σ line amounts, tax = Σ line taxes, total = amount + tax. */
    public static Totals totals(List<LineAmounts> lines) {
        BigDecimal amount = BigDecimal.ZERO.setScale(SCALE);
        BigDecimal tax = BigDecimal.ZERO.setScale(SCALE);
        for (LineAmounts line : lines) {
            amount = amount.add(line.amount());
            tax = tax.add(line.tax());
        }
        amount = amount.setScale(SCALE, RoundingMode.HALF_UP);
        tax = tax.setScale(SCALE, RoundingMode.HALF_UP);
        return new Totals(amount, tax, amount.add(tax));
    }

    /**
     * Checks one line: quantity × unit price against the amount (AMOUNT_MISMATCH beyond ±0.01,
     * only when both are given) and the tax against amount × rate (TAX_OUT_OF_TOLERANCE beyond
     * ±0.06). A missing amount, rate or tax is REQUIRED.
     *
     * @param quantity  may be null (not given)
     * @param unitPrice may be null (not given)
     */
    public static List<Problem> checkLine(BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount,
                                          BigDecimal rate, BigDecimal tax) {
        List<Problem> problems = new ArrayList<>();
        requirePresent(amount, "amount", "Amount", problems);
        requirePresent(rate, "taxRate", "Tax rate", problems);
        requirePresent(tax, "tax", "Tax", problems);
        problems.addAll(checkQuantityTimesPrice(quantity, unitPrice, amount));
        if (amount != null && rate != null && tax != null) {
            BigDecimal exact = amount.multiply(rate);
            if (tax.subtract(exact).abs().compareTo(LINE_TAX_TOLERANCE) > 0) {
                problems.add(new Problem("tax", "TAX_OUT_OF_TOLERANCE", "Tax " + tax.toPlainString()
                        + " differs from amount × rate (" + lineTax(amount, rate).toPlainString()
                        + ") by more than 0.06"));
            }
        }
        return problems;
    }

    /**
     * Quantity × unit price against the amount (AMOUNT_MISMATCH beyond ±0.01); nothing to check
     * unless all three are given. On its own because a tax-inclusive line compares them with the
     * gross amount, before its tax is known.
     */
    public static List<Problem> checkQuantityTimesPrice(BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount) {
        if (amount == null || quantity == null || unitPrice == null) {
            return List.of();
        }
        BigDecimal product = quantity.multiply(unitPrice);
        if (product.subtract(amount).abs().compareTo(AMOUNT_TOLERANCE) > 0) {
            return List.of(new Problem("amount", "AMOUNT_MISMATCH", "Quantity × unit price is "
                    + product.stripTrailingZeros().toPlainString() + " but the amount is "
                    + amount.toPlainString() + "; they may differ by at most 0.01"));
        }
        return List.of();
    }

    /**
     * Checks the invoice-level tolerance: the per-line deviations (tax − amount × rate), added up
     * with their signs, may reach at most ±1.27. Per-line tolerance is {@link #checkLine}'s job.
     */
    public static List<Problem> checkInvoiceDeviation(List<LineAmounts> lines) {
        BigDecimal deviation = BigDecimal.ZERO;
        for (LineAmounts line : lines) {
            deviation = deviation.add(line.tax().subtract(line.amount().multiply(line.rate())));
        }
        if (deviation.abs().compareTo(INVOICE_TAX_TOLERANCE) > 0) {
            return List.of(new Problem("tax", "TAX_OUT_OF_TOLERANCE", "The line taxes differ from amount × rate by "
                    + deviation.stripTrailingZeros().toPlainString() + " in total; at most 1.27 is allowed per invoice"));
        }
        return List.of();
    }

    private static void requirePresent(BigDecimal value, String field, String label, List<Problem> problems) {
        if (value == null) {
            problems.add(new Problem(field, "REQUIRED", label + " is required"));
        }
    }
}
