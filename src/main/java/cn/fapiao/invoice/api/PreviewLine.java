package cn.fapiao.invoice.api;

import cn.fapiao.common.Money;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.math.BigDecimal;

@Description("A line as it would be issued: amount excluding tax, rate and computed tax.")
public record PreviewLine(
        @NonNull @Description("The line's number, 1 for the first line of the input.") int lineNo,
        @NonNull @Description("Amount excluding tax; for input that includes tax, the part of it without tax.") Money amount,
        @NonNull @Description("Tax rate as a fraction, e.g. 0.13.") BigDecimal taxRate,
        @NonNull @Description("Tax of the line, rounded half up to the fen.") Money tax) {
}
