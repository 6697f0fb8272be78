package cn.fapiao.domain;

import java.math.BigDecimal;

/** A tax-inclusive amount split into its net amount and tax; {@code net + tax} is the gross. */
public record NetAndTax(BigDecimal net, BigDecimal tax) {
}
