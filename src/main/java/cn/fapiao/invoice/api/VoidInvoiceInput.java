package cn.fapiao.invoice.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("VoidInvoiceInput")
@Description("Which invoice to void (作废), and why.")
public record VoidInvoiceInput(@Id @NonNull @Description("The invoice to void, by its `id`.") String id, @NonNull @Description("Why the invoice is voided (kept in its history).") String reason) {
}
