package cn.fapiao.domain;

import java.math.BigDecimal;

/**
 * The money of one invoice line, as needed for totals and tax tolerance checks.
 *
 * @param amount amount excluding tax, negative on red invoices
 * @param rate   tax rate as a fraction, e.g. 0.13
 * @param tax    the tax printed on the line
 */
public record LineAmounts(BigDecimal amount, BigDecimal rate, BigDecimal tax) {
}
