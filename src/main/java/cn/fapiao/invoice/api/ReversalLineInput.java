package cn.fapiao.invoice.api;

import cn.fapiao.common.Money;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("ReversalLineInput")
@Description("How much of one blue line to reverse.")
public record ReversalLineInput(
        @NonNull @Description("The blue invoice's line to reverse, by its `lineNo`.") int lineNo,
        @NonNull @Description("Amount excluding tax to reverse on that line, above zero and at most its `remainingAmount`.") Money amount) {
}
