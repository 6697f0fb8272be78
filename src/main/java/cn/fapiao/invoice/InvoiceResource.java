package cn.fapiao.invoice;

import cn.fapiao.audit.AuditTrail;
import cn.fapiao.invoice.api.InvoicePreview;
import cn.fapiao.invoice.api.InvoiceView;
import cn.fapiao.invoice.api.IssueInvoiceInput;
import cn.fapiao.security.CallerContext;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;


/** Issuing and looking up invoices. */
@GraphQLApi
public class InvoiceResource {

    private final InvoiceService invoices;
    private final InvoiceDetails details;
    private final CallerContext callers;
    private final AuditTrail audit;

    public InvoiceResource(InvoiceService invoices, InvoiceDetails details, CallerContext callers, AuditTrail audit) {
        this.invoices = invoices;
        this.details = details;
        this.callers = callers;
        this.audit = audit;
    }

    @Query
    @Description("One invoice the caller's organisation issued or received. Roles: ISSUER, ACCOUNTANT, AUDITOR, PARTNER, ADMIN. Error: INVOICE_NOT_FOUND (also for invoices of other organisations).")
    public Uni<@NonNull InvoiceView> invoice(@Name("id") @Description("The invoice's `id`, as other answers give it.") @Id @NonNull String id) {
        boolean withDetails = details.selected("");
        return callers.current().chain(caller -> invoices.byId(caller, id, withDetails))
                .chain(found -> details.attach(found.view(), withDetails));
    }

    @Query
    @Description("An invoice by its number: the 20-digit number alone for a digital invoice, or code + 8-digit number for a legacy one. Same roles and errors as `invoice`; when it cannot be found, `diagnoseInvoice` explains why.")
    public Uni<@NonNull InvoiceView> invoiceByNumber(@Name("code") @Description("Invoice code, legacy invoices only.") String code,
                                                     @Name("number") @Description("The invoice number (发票号码): 20 digits for a digital invoice, 8 for a legacy one.") @NonNull String number) {
        boolean withDetails = details.selected("");
        return callers.current().chain(caller -> invoices.byNumber(caller, code, number, withDetails))
                .chain(found -> details.attach(found.view(), withDetails));
    }

    @Query
    @Description("The dry run of issueInvoice: computed line taxes, totals, the total in capitals and every problem, without writing anything. Role: ISSUER.")
    public Uni<@NonNull InvoicePreview> previewInvoice(@Name("input") @Description("The same input issueInvoice takes.") @NonNull IssueInvoiceInput input) {
        return callers.current().map(caller -> invoices.preview(caller, input));
    }

    @Mutation
    @Description("Issues a fully digital invoice for the caller's organisation with the next gap-free 20-digit number. Role: ISSUER. Errors: VALIDATION_FAILED (extensions.problems lists every problem, as previewInvoice does).")
    public Uni<@NonNull InvoiceView> issueInvoice(@Name("input") @Description("The buyer, the lines and the options of the invoice to issue.") @NonNull IssueInvoiceInput input) {
        String address = callers.clientAddress();
        boolean withDetails = details.selected("");
        return callers.current().chain(caller -> audit.track(caller, "issueInvoice", input.idempotencyKey(), address,
                () -> invoices.issue(caller, input))).chain(issued -> details.attach(issued.view(), withDetails));
    }
}
