package cn.fapiao.invoice.api;

import cn.fapiao.common.Money;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.math.BigDecimal;

@Description("A line as it would be issued: amount excluding tax, rate and computed tax.")
public record PreviewLine(@NonNull int lineNo, @NonNull Money amount, @NonNull BigDecimal taxRate, @NonNull Money tax) {
}
