package cn.fapiao.invoice.api;

import cn.fapiao.reference.api.FieldProblem;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Description("The outcome of one row of an import batch.")
public record ImportRowResult(
        @NonNull @Description("Position of the row in input.invoices, from 0.") Integer index,
        @Description("Invoice code as given (legacy invoices).") String code,
        @Description("Invoice number as given.") String number,
        @NonNull ImportOutcome outcome,
        @Id @Description("The stored invoice, for CREATED, DUPLICATE and UPDATED.") String invoiceId,
        @NonNull @Description("For REJECTED: every problem, with fields as paths like `input.invoices[3].number`; for CONFLICT: why, where there is more to say than the differing fields.") List<@NonNull FieldProblem> problems,
        @NonNull @Description("For CONFLICT: the fields whose stored values differ (typeCode, issueDate, amount, tax, total, seller.taxId, buyer.taxId, checkCode, status); stored values are never shown.") List<@NonNull String> differingFields) {
}
