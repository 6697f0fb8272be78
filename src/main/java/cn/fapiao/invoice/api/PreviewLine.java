package cn.fapiao.invoice.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.math.BigDecimal;

@Description("A line as it would be issued: amount excluding tax, rate and computed tax.")
public record PreviewLine(@NonNull int lineNo, @NonNull BigDecimal amount, @NonNull BigDecimal taxRate, @NonNull BigDecimal tax) {
}
