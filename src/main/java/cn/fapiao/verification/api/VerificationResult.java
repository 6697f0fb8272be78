package cn.fapiao.verification.api;

import cn.fapiao.reference.api.FieldProblem;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Description("The answer to one verification.")
public record VerificationResult(
        @NonNull VerificationOutcome outcome,
        @NonNull @Description("True only for a MATCH without warnings.") boolean clean,
        @NonNull @Description("For MISMATCH: the input fields that differ, e.g. `issueDate`, `checkCodeLast6`.") List<@NonNull String> mismatchedFields,
        @NonNull @Description("For MATCH: why the invoice is not a clean pass (voided, reversed, lost control, abnormal).") List<@NonNull Notice> warnings,
        @NonNull @Description("For INVALID_INPUT: what is wrong with the input.") List<@NonNull FieldProblem> problems,
        @Description("For MATCH: the invoice's public fields.") PublicInvoice invoice,
        @Description("How many more verifications of this invoice today's limit allows the caller's organisation (when the invoice was found).") Integer verificationsLeftToday) {
}
