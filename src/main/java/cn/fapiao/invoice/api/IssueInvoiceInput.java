package cn.fapiao.invoice.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Input("IssueInvoiceInput")
@Description("A fully digital invoice to issue (or preview) for the caller's organisation as seller.")
public record IssueInvoiceInput(
        @NonNull @Description("Special (专票, the buyer may deduct its input tax) or ordinary (普票).") DigitalInvoiceKind kind,
        @NonNull @Description("The buyer (购买方) to print on the invoice.") PartyInput buyer,
        @NonNull @Description("1 to 2000 lines.") List<@NonNull InvoiceLineInput> lines,
        @Description("True when line amounts include tax (gross); they are split into net + tax.") Boolean amountsIncludeTax,
        @Description("Seller address and phone to print.") String sellerAddressPhone,
        @Description("Seller bank and account to print.") String sellerBankAccount,
        @Description("Remark (备注), at most 500 characters.") String remark,
        @Description("Any string up to 100 characters, unique per request: retrying with the same key and the same content returns the invoice the first call issued and issues nothing new; the same key with other content (or used by another operation) is refused with IDEMPOTENCY_KEY_REUSED.") String idempotencyKey) {
}
