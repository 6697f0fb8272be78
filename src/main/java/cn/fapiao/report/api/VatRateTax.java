package cn.fapiao.report.api;

import cn.fapiao.common.Money;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.math.BigDecimal;

@Description("Output tax of one VAT rate, from the invoices' lines.")
public record VatRateTax(
        @Description("The rate, e.g. 0.1300; null for invoices recorded without lines.") BigDecimal rate,
        @NonNull @Description("Sales amount excluding tax at this rate.") Money amount,
        @NonNull Money tax) {
}
