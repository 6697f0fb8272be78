package cn.fapiao.verification;

import cn.fapiao.audit.AuditTrail;
import cn.fapiao.ratelimit.RateLimiter;
import cn.fapiao.security.CallerContext;
import cn.fapiao.verification.api.VerificationAttempt;
import cn.fapiao.verification.api.VerificationResult;
import cn.fapiao.verification.api.VerifyInvoiceInput;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import java.util.List;

/**
 * Verification is a mutation: every attempt is counted against the invoice's daily limit (per
 * verifying organisation) and written to the verification log. Every verification, each alias of
 * verifyInvoice and each input of verifyInvoices, is also charged to the user's and the
 * organisation's rate limits, counted in PostgreSQL so that all replicas share them.
 */
@GraphQLApi
public class VerificationResource {

    private final VerificationService verification;
    private final VerificationLogService log;
    private final CallerContext callers;
    private final RateLimiter rateLimiter;
    private final AuditTrail audit;

    public VerificationResource(VerificationService verification, VerificationLogService log, CallerContext callers,
                                RateLimiter rateLimiter, AuditTrail audit) {
        this.verification = verification;
        this.log = log;
        this.callers = callers;
        this.rateLimiter = rateLimiter;
        this.audit = audit;
    }

    @Mutation
    @Description("Verifies an invoice the caller holds, as the national platform does (查验): number, issue date, code for legacy invoices and the type's extra field. Outcome MATCH (with warnings when voided, reversed, lost control or abnormal), MISMATCH (naming the differing fields), NOT_FOUND, LIMIT_EXCEEDED (5 per invoice per day for the caller's organisation), TOO_OLD (over 5 years) or INVALID_INPUT. Any logged-in user may verify any invoice they hold. Each verifyInvoice field (each alias) counts against the user's and the organisation's verifications per minute. Errors: RATE_LIMITED (with retryAfterSeconds).")
    public Uni<@NonNull VerificationResult> verifyInvoice(@Name("input") @Description("What is printed on the invoice to check (查验): number, date and the field its type asks for.") @NonNull VerifyInvoiceInput input) {
        String address = callers.clientAddress();
        return callers.current().chain(caller -> audit.track(caller, "verifyInvoice", input.number(), address,
                () -> rateLimiter.chargeVerifications(caller.requireAuthenticated().userId(), caller.organisationId(), 1)
                        .chain(() -> verification.verify(caller, input))));
    }

    @Mutation
    @Description("Up to 100 verifications in one call, for partner integrations; each gets its own result, in input order. Rate-limited as an expensive operation, and each input counts as one verification against the caller's rate limits (RATE_LIMITED).")
    public Uni<@NonNull List<@NonNull VerificationResult>> verifyInvoices(@Name("inputs") @Description("The invoices to check, each as verifyInvoice takes it; answered in the same order.") @NonNull List<@NonNull VerifyInvoiceInput> inputs) {
        String address = callers.clientAddress();
        return callers.current().chain(caller -> audit.track(caller, "verifyInvoices", inputs.size() + " invoices", address, () -> {
            Long userId = caller.requireAuthenticated().userId();
            verification.checkBatchSize(inputs);
            return rateLimiter.chargeExpensive(userId, address)
                    .chain(() -> rateLimiter.chargeVerifications(userId, caller.organisationId(), inputs.size()))
                    .chain(() -> verification.verifyAll(caller, inputs));
        }));
    }

    @Query
    @Description("Verification attempts of an invoice the caller's organisation issued or received, newest first. Roles: ISSUER, ACCOUNTANT, AUDITOR, PARTNER, ADMIN.")
    public Uni<@NonNull List<@NonNull VerificationAttempt>> verificationLog(@Name("invoiceId") @Description("The invoice whose checks to list, by its `id`.") @Id @NonNull String invoiceId,
                                                                            @Name("first") @Description("At most this many, 1-500, default 50.") Integer first) {
        return callers.current().chain(caller -> log.attempts(caller, invoiceId, first));
    }
}
