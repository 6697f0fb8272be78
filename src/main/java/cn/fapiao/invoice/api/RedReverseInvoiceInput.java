package cn.fapiao.invoice.api;

import cn.fapiao.common.Money;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Input("RedReverseInvoiceInput")
@Description("A red-letter reversal (红冲) of a blue invoice: everything still reversible (neither `amount` nor `lines`), a net amount spread over the lines in proportion (`amount`), or chosen lines (`lines`).")
public record RedReverseInvoiceInput(
        @Id @NonNull @Description("The blue invoice.") String id,
        @NonNull @Description("1 issued in error (开票有误), 2 goods returned (销货退回), 3 service stopped (服务中止), 4 sales discount (销售折让).") int reasonCode,
        @Description("Amount excluding tax to reverse, above zero, e.g. `\"300.00\"`.") Money amount,
        @Description("Per-line amounts to reverse.") List<ReversalLineInput> lines,
        @Description("Red-letter confirmation number (红字确认单, 20 digits): required when the buyer has already confirmed use of the invoice.") String confirmationNumber,
        @Description("Free text kept in the history.") String note,
        @Description("Retrying with the same key and the same content returns the first red invoice and reverses nothing more; the same key with other content (or used by another operation) is refused with IDEMPOTENCY_KEY_REUSED.") String idempotencyKey) {
}
