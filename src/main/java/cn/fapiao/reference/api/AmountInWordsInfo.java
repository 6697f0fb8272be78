package cn.fapiao.reference.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Description("An amount written in Chinese capitals (大写), as printed on an invoice.")
public record AmountInWordsInfo(
        @Description("The amount as read, normalised to two decimals, e.g. `1409.50`.") String amount,
        @NonNull @Description("True when the amount is well formed.") boolean valid,
        @NonNull @Description("What is wrong with the amount; empty when valid.") List<@NonNull FieldProblem> problems,
        @Description("The amount in capitals, e.g. `壹仟肆佰零玖元伍角`; red (negative) amounts start with `（负数）`.") String words) {
}
