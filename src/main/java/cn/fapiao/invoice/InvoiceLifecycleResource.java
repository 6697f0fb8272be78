package cn.fapiao.invoice;

import cn.fapiao.audit.AuditTrail;
import cn.fapiao.invoice.api.InvoiceView;
import cn.fapiao.invoice.api.RedReverseInvoiceInput;
import cn.fapiao.invoice.api.SetInvoiceTaxStatusInput;
import cn.fapiao.invoice.api.VoidInvoiceInput;
import cn.fapiao.security.CallerContext;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** Void, red-letter reversal, confirmation of use and tax-side statuses. */
@GraphQLApi
public class InvoiceLifecycleResource {

    private final InvoiceLifecycleService lifecycle;
    private final InvoiceDetails details;
    private final CallerContext callers;
    private final AuditTrail audit;

    public InvoiceLifecycleResource(InvoiceLifecycleService lifecycle, InvoiceDetails details, CallerContext callers, AuditTrail audit) {
        this.lifecycle = lifecycle;
        this.details = details;
        this.callers = callers;
        this.audit = audit;
    }

    @Mutation
    @Description("Voids (作废) an invoice the caller's organisation issued: only in its month of issue, only while the buyer has not used it, never a fully digital invoice (red-reverse those). The row stays, with status VOIDED. Role: ISSUER. Errors: VOID_NOT_ALLOWED, INVOICE_NOT_FOUND.")
    public Uni<@NonNull InvoiceView> voidInvoice(@Name("input") @Description("The invoice to void and the reason.") @NonNull VoidInvoiceInput input) {
        String address = callers.clientAddress();
        boolean withDetails = details.selected("");
        return callers.current().chain(caller -> audit.track(caller, "voidInvoice", input.id(), address,
                () -> lifecycle.voidInvoice(caller, input))).chain(changed -> details.attach(changed.view(), withDetails));
    }

    @Mutation
    @Description("Red-reverses (红冲) a blue invoice fully or partly and returns the new red invoice. The blue invoice's remaining amount and status (RED_PARTIAL / RED_FULL) follow. Role: ISSUER. A full reversal gives back exactly the invoice's tax, also after partial ones. Errors: REVERSAL_EXCEEDS_REMAINING, CONFIRMATION_REQUIRED, REVERSAL_NOT_ALLOWED, IDEMPOTENCY_KEY_REUSED, VALIDATION_FAILED, INVOICE_NOT_FOUND.")
    public Uni<@NonNull InvoiceView> redReverseInvoice(@Name("input") @Description("The blue invoice, how much of it (an amount, lines, or everything left) and why.") @NonNull RedReverseInvoiceInput input) {
        String address = callers.clientAddress();
        boolean withDetails = details.selected("");
        return callers.current().chain(caller -> audit.track(caller, "redReverseInvoice", input.id(), address,
                () -> lifecycle.redReverse(caller, input))).chain(changed -> details.attach(changed.view(), withDetails));
    }

    @Mutation
    @Description("The buyer confirms use (deduction) of a received invoice. A used invoice can no longer be voided, and reversing it needs a red-letter confirmation. Role: ACCOUNTANT of the buyer.")
    public Uni<@NonNull InvoiceView> confirmInvoiceUse(@Name("id") @Description("The received invoice whose use (deduction) to confirm, by its `id`.") @Id @NonNull String id) {
        String address = callers.clientAddress();
        boolean withDetails = details.selected("");
        return callers.current().chain(caller -> audit.track(caller, "confirmInvoiceUse", id, address,
                () -> lifecycle.confirmUse(caller, id))).chain(changed -> details.attach(changed.view(), withDetails));
    }

    // Named explicitly: SmallRye GraphQL would otherwise drop the "set" prefix like a bean setter's.
    @Mutation("setInvoiceTaxStatus")
    @Description("Records a status set by the tax side: LOST_CONTROL (失控), ABNORMAL (异常) or back to NORMAL, with the reason, in the invoice's history. Role: PARTNER (the synchronising system) of the organisation that holds the invoice's record (for an invoice issued here, the issuer), never of the other party. Errors: STATUS_CHANGE_NOT_ALLOWED, FORBIDDEN (the other party), VALIDATION_FAILED, INVOICE_NOT_FOUND.")
    public Uni<@NonNull InvoiceView> setInvoiceTaxStatus(@Name("input") @Description("The invoice, the status the tax side set and its reason.") @NonNull SetInvoiceTaxStatusInput input) {
        String address = callers.clientAddress();
        boolean withDetails = details.selected("");
        return callers.current().chain(caller -> audit.track(caller, "setInvoiceTaxStatus", input.id(), address,
                () -> lifecycle.setTaxStatus(caller, input))).chain(changed -> details.attach(changed.view(), withDetails));
    }
}
