package cn.fapiao.domain;

import java.math.BigDecimal;

/**
 * An invoice's totals.
 *
 * @param amount sum of line amounts excluding tax (合计金额)
 * @param tax    sum of line taxes (合计税额)
 * @param total  amount + tax (价税合计)
 */
public record Totals(BigDecimal amount, BigDecimal tax, BigDecimal total) {
}
