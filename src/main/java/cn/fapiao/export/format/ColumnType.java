package cn.fapiao.export.format;

import cn.fapiao.common.Money;

import java.math.BigDecimal;

/** What a column holds, which decides how each file format writes its cells. */
public enum ColumnType {
    /** Free text: neutralised against formula injection in every format. */
    TEXT,
    /** Money: a number with exactly two decimals (numeric cells formatted {@code #,##0.00}). */
    AMOUNT,
    /** Any other decimal (quantities, unit prices), written as it is. */
    DECIMAL,
    /** A tax rate as a fraction (0.13), shown as a percentage in spreadsheets. */
    RATE,
    /** A whole number (line numbers, counts). */
    INTEGER,
    /** A calendar date (Asia/Shanghai business date), ISO {@code yyyy-MM-dd} in text formats. */
    DATE;

    /** An {@link #AMOUNT} cell's value: a BigDecimal, or the {@link Money} of an API answer (a report's figures). */
    static BigDecimal amount(Object value) {
        return value instanceof Money money ? money.value() : (BigDecimal) value;
    }
}
