package cn.fapiao.invoice;

import cn.fapiao.audit.AuditTrail;
import cn.fapiao.invoice.api.ImportInvoicesInput;
import cn.fapiao.invoice.api.ImportResult;
import cn.fapiao.ratelimit.RateLimiter;
import cn.fapiao.security.CallerContext;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** Batch import of invoices from partner systems and the tax platform. */
@GraphQLApi
public class InvoiceImportResource {

    private final InvoiceImportService imports;
    private final CallerContext callers;
    private final AuditTrail audit;
    private final RateLimiter limits;

    public InvoiceImportResource(InvoiceImportService imports, CallerContext callers, AuditTrail audit, RateLimiter limits) {
        this.imports = imports;
        this.callers = callers;
        this.audit = audit;
        this.limits = limits;
    }

    @Mutation
    @Description("Imports up to 1000 invoices the caller's organisation issued or received in another system (or, with `synchronised`, on the tax authority's platform), in one transaction. Rows are the importer's own records: they never appear in the other party's books, and are compared only with records the importer may see. Each row is CREATED, DUPLICATE (already stored with the same content), UPDATED (a synchronised batch moved its status forward), CONFLICT (stored with different content, or a synchronised status that would go backwards: never overwritten) or REJECTED (with its problems). A RED row reduces what is left to reverse on its blue original, which must be the importer's own record. Replaying the same idempotency key and content returns the stored answer with `replayed: true`. Role: PARTNER. Errors: VALIDATION_FAILED (the batch as a whole, e.g. more than 1000 rows), IDEMPOTENCY_KEY_REUSED (same key, different content), RATE_LIMITED, FORBIDDEN, UNAUTHENTICATED.")
    public Uni<@NonNull ImportResult> importInvoices(@Name("input") @Description("The batch: its idempotency key, the source system and up to 1000 invoices.") @NonNull ImportInvoicesInput input) {
        String address = callers.clientAddress();
        return callers.current().chain(caller -> audit.track(caller, "importInvoices", input.idempotencyKey(), address, () -> {
            imports.checkEnvelope(caller, input);
            return limits.chargeExpensive(caller.userId(), address).chain(() -> imports.importInvoices(caller, input));
        }));
    }
}
