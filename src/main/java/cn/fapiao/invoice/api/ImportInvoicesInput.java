package cn.fapiao.invoice.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Input("ImportInvoicesInput")
@Description("A batch of invoices a partner system delivers (importInvoices).")
public record ImportInvoicesInput(
        @NonNull @Description("Up to 100 characters, unique per batch: replaying a batch with the same key and the same content returns the stored answer and changes nothing; the same key with different content is refused with IDEMPOTENCY_KEY_REUSED.") String idempotencyKey,
        @NonNull @Description("Name of the sending system, up to 64 characters, e.g. `kingdee-erp`.") String source,
        @Description("True when the data comes from the tax authority's platform: the invoices are recorded as SYNCHRONISED instead of IMPORTED.") Boolean synchronised,
        @NonNull @Description("1 to 1000 invoices.") List<@NonNull ImportedInvoiceInput> invoices) {
}
