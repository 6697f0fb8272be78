package cn.fapiao.domain;

import java.math.BigDecimal;

/**
 * A line of a blue invoice as a red-letter reversal sees it: what it was issued with and what is
 * still left to give back. All amounts positive, scale 2.
 *
 * @param amount          the line's amount excluding tax, as issued
 * @param tax             the line's tax, as issued
 * @param rate            tax rate as a fraction, e.g. 0.13
 * @param remainingAmount amount not yet reversed
 * @param remainingTax    tax not yet reversed
 */
public record ReversibleLine(int lineNo, BigDecimal amount, BigDecimal tax, BigDecimal rate,
                             BigDecimal remainingAmount, BigDecimal remainingTax) {
}
