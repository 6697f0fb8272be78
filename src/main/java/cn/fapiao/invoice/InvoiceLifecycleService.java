package cn.fapiao.invoice;

import cn.fapiao.common.Money;
import cn.fapiao.common.ApiException;
import cn.fapiao.common.ErrorCode;
import cn.fapiao.domain.DecimalInput;
import cn.fapiao.domain.InvoiceLifecycle;
import cn.fapiao.domain.InvoiceStatus;
import cn.fapiao.domain.ReversalPlan;
import cn.fapiao.domain.ReversalRefused;
import cn.fapiao.domain.TransitionRefused;
import cn.fapiao.domain.Problem;
import cn.fapiao.invoice.api.RedReverseInvoiceInput;
import cn.fapiao.invoice.api.ReversalLineInput;
import cn.fapiao.invoice.api.SetInvoiceTaxStatusInput;
import cn.fapiao.invoice.api.VoidInvoiceInput;
import cn.fapiao.security.Caller;
import cn.fapiao.security.Role;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static cn.fapiao.common.ErrorCode.CONFIRMATION_NOT_ALLOWED;
import static cn.fapiao.common.ErrorCode.INVOICE_NOT_FOUND;
import static cn.fapiao.common.ErrorCode.REVERSAL_EXCEEDS_REMAINING;
import static cn.fapiao.common.ErrorCode.STATUS_CHANGE_NOT_ALLOWED;
import static cn.fapiao.common.ErrorCode.VOID_NOT_ALLOWED;

/**
 * What happens to an invoice after issuance: void, red-letter reversal, the buyer's
 * confirmation of use, and statuses set by the tax side. Each locks the invoice row first, so
 * concurrent operations on one invoice run one after the other and see each other's effects.
 */
@ApplicationScoped
public class InvoiceLifecycleService {

    static final String REVERSE_OPERATION = "redReverseInvoice";

    private final InvoiceRepository invoices;
    private final InvoiceQueries queries;
    private final InvoiceChangeNotifier changes;
    private final RedInvoiceWriter reversals;

    public InvoiceLifecycleService(InvoiceRepository invoices, InvoiceQueries queries, InvoiceChangeNotifier changes,
                                   RedInvoiceWriter reversals) {
        this.invoices = invoices;
        this.queries = queries;
        this.changes = changes;
        this.reversals = reversals;
    }

    public Uni<StoredInvoice> voidInvoice(Caller caller, VoidInvoiceInput input) {
        caller.require(Role.ISSUER);
        long id = InvoiceService.parseId(input.id());
        String reason = requireReason(input.reason(), "input.reason");
        return change(caller, id, true, invoice -> {
            InvoiceStatus to = refusedAs(ErrorCode.VOID_NOT_ALLOWED, () -> InvoiceLifecycle.voidInvoice(invoice.status, invoice.generation,
                    invoice.issueDate, YearMonth.now(InvoiceService.BUSINESS_ZONE), invoice.buyerConfirmedAt != null));
            return invoices.changeStatus(invoice, to, caller.username(), reason).invoke(() -> {
                invoice.remainingAmount = BigDecimal.ZERO.setScale(2);
                invoice.remainingTax = BigDecimal.ZERO.setScale(2);
            });
        });
    }

    /** The buyer's accountant confirms using (deducting) a received invoice; from then on it cannot be voided. */
    public Uni<StoredInvoice> confirmUse(Caller caller, String invoiceId) {
        caller.require(Role.ACCOUNTANT);
        long id = InvoiceService.parseId(invoiceId);
        return change(caller, id, false, invoice -> {
            if (!caller.organisationId().equals(invoice.buyerOrgId)) {
                throw new ApiException(ErrorCode.FORBIDDEN, "Only the buyer confirms use of an invoice.");
            }
            refusedAs(ErrorCode.CONFIRMATION_NOT_ALLOWED, () -> InvoiceLifecycle.confirmUse(invoice.status));
            if (invoice.buyerConfirmedAt == null) {
                invoice.buyerConfirmedAt = OffsetDateTime.now();
                invoice.updatedAt = invoice.buyerConfirmedAt;
            }
            return Uni.createFrom().voidItem();
        });
    }

    /**
     * Statuses the tax authority sets after issuance, recorded in the history. They come from the
     * tax side through the integration of the organisation that holds the record (for an issued
     * invoice: the issuer's), never from a counterparty: a buyer's partner could otherwise flag the
     * seller's invoice LOST_CONTROL and block its void and reversal.
     */
    public Uni<StoredInvoice> setTaxStatus(Caller caller, SetInvoiceTaxStatusInput input) {
        caller.require(Role.PARTNER);
        long id = InvoiceService.parseId(input.id());
        String reason = requireReason(input.reason(), "input.reason");
        if (!InvoiceLifecycle.isTaxStatus(input.status())) {
            throw ApiException.validation(List.of(new Problem("input.status", "NOT_A_TAX_STATUS",
                    "Only LOST_CONTROL, ABNORMAL or NORMAL are set by the tax side; use voidInvoice or redReverseInvoice for the others.")));
        }
        return change(caller, id, false, invoice -> {
            if (!caller.organisationId().equals(invoice.organisationId)) {
                throw new ApiException(ErrorCode.FORBIDDEN, "input.id", "Tax-side statuses of this invoice are set by the organisation"
                        + " that holds its record (for an issued invoice, the issuer's integration), not by the other party.");
            }
            InvoiceStatus to = refusedAs(ErrorCode.STATUS_CHANGE_NOT_ALLOWED, () -> InvoiceLifecycle.taxStatus(invoice.status, input.status()));
            return invoice.status == to ? Uni.createFrom().voidItem() : invoices.changeStatus(invoice, to, caller.username(), reason);
        });
    }

    /**
     * Issues the red invoice for all, an amount, or chosen lines of a blue invoice
     * ({@link RedInvoiceWriter}). An idempotency key answers as in issuing: the same request gets the
     * first red invoice, another request (or a key used for issuing) is refused.
     */
    public Uni<StoredInvoice> redReverse(Caller caller, RedReverseInvoiceInput input) {
        caller.require(Role.ISSUER);
        long id = InvoiceService.parseId(input.id());
        List<Problem> problems = new ArrayList<>();
        if (input.reasonCode() < 1 || input.reasonCode() > 4) {
            problems.add(new Problem("input.reasonCode", "INVALID", "Reason code must be 1 (issued in error), 2 (goods returned), 3 (service stopped) or 4 (sales discount)."));
        }
        if (input.amount() != null && input.lines() != null) {
            problems.add(new Problem("input.amount", "AMBIGUOUS", "Give either amount or lines, not both."));
        }
        BigDecimal amount = input.amount() == null ? null : positive(input.amount(), "input.amount", problems);
        Map<Integer, BigDecimal> byLine = new LinkedHashMap<>();
        if (input.lines() != null) {
            for (int i = 0; i < input.lines().size(); i++) {
                ReversalLineInput line = input.lines().get(i);
                if (line == null) {
                    problems.add(new Problem("input.lines[" + i + "]", "REQUIRED", "Line " + (i + 1) + " of the request is empty."));
                    continue;
                }
                BigDecimal lineAmount = positive(line.amount(), "input.lines[" + i + "].amount", problems);
                if (lineAmount != null && byLine.put(line.lineNo(), lineAmount) != null) {
                    problems.add(new Problem("input.lines[" + i + "].lineNo", "DUPLICATE", "Line " + line.lineNo() + " is listed twice."));
                }
            }
        }
        String confirmation = input.confirmationNumber() == null || input.confirmationNumber().isBlank() ? null : input.confirmationNumber().strip();
        if (confirmation != null && !confirmation.matches("\\d{20}")) {
            problems.add(new Problem("input.confirmationNumber", "INVALID_FORMAT", "A red-letter confirmation number has 20 digits."));
        }
        DecimalInput.maxLength(input.note(), 500, "input.note", problems);
        DecimalInput.maxLength(input.idempotencyKey(), IdempotencyKeys.MAX_LENGTH, "input.idempotencyKey", problems);
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        String key = IdempotencyKeys.clean(input.idempotencyKey());
        String hash = key == null ? null : IdempotencyKeys.requestHash(REVERSE_OPERATION, input);
        RedInvoiceWriter.Request request = new RedInvoiceWriter.Request(amount, byLine, input.reasonCode(), confirmation, input.note(), key, hash);
        if (key == null) {
            return reverseNow(caller, id, request);
        }
        return queries.byIdempotencyKey(caller.organisationId(), key)
                .chain(earlier -> earlier != null ? Uni.createFrom().item(IdempotencyKeys.answerFor(earlier, key, hash))
                        : reverseNow(caller, id, request)
                        .onFailure(InvoiceService::isSameKeyConflict)
                        .recoverWithUni(() -> queries.byIdempotencyKey(caller.organisationId(), key).map(winner -> IdempotencyKeys.answerFor(winner, key, hash))));
    }

    private Uni<StoredInvoice> reverseNow(Caller caller, long id, RedInvoiceWriter.Request request) {
        return reversals.reverse(caller, id, request)
                .call(reversal -> changes.changed(reversal.blueId(), reversal.blueCode(), reversal.blueNumber()))
                .call(reversal -> changes.changed(reversal.redId(), null, reversal.redNumber()))
                .chain(reversal -> queries.byId(reversal.redId()));
    }


    /** Runs a domain transition; its refusal becomes the API's {@code code}, naming the invoice. */
    static <T> T refusedAs(ErrorCode code, Supplier<T> transition) {
        try {
            return transition.get();
        } catch (TransitionRefused refused) {
            throw new ApiException(code, refused.getMessage(), "input.id", List.of(), Map.of());
        }
    }

    static void refusedAs(ErrorCode code, Runnable check) {
        refusedAs(code, () -> {
            check.run();
            return null;
        });
    }

    /** Plans a reversal; a refusal (more than is left, an unknown line) becomes the API's error on its field. */
    static ReversalPlan planned(Supplier<ReversalPlan> plan) {
        try {
            return plan.get();
        } catch (ReversalRefused refused) {
            if (refused.reason() == ReversalRefused.Reason.UNKNOWN_LINE) {
                throw ApiException.validation(List.of(new Problem(refused.field(), "UNKNOWN_LINE", refused.getMessage())));
            }
            throw new ApiException(ErrorCode.REVERSAL_EXCEEDS_REMAINING, refused.getMessage(), refused.field(), List.of(), Map.of());
        }
    }

    private Uni<StoredInvoice> change(Caller caller, long id, boolean sellerOnly, java.util.function.Function<Invoice, Uni<Void>> action) {
        return Panache.withTransaction(() -> invoices.lock(id).chain(invoice -> {
                    if (invoice == null || !(caller.organisationId().equals(invoice.sellerOrgId) || caller.organisationId().equals(invoice.buyerOrgId))) {
                        throw notFound(id);
                    }
                    if (sellerOnly && !caller.organisationId().equals(invoice.sellerOrgId)) {
                        throw new ApiException(ErrorCode.FORBIDDEN, "Only the seller can do this.");
                    }
                    return action.apply(invoice).replaceWith(invoice);
                }))
                .call(invoice -> changes.changed(invoice.id, invoice.code, invoice.number))
                .chain(invoice -> queries.byId(invoice.id));
    }

    private static BigDecimal positive(Money text, String field, List<Problem> problems) {
        BigDecimal value = DecimalInput.amount(text, field, problems);
        if (value != null && value.signum() <= 0) {
            problems.add(new Problem(field, "NOT_POSITIVE", "Give the amount to reverse as a positive number."));
            return null;
        }
        return value;
    }

    private static String requireReason(String reason, String field) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw ApiException.validation(List.of(new Problem(field, "REQUIRED", "Give a reason (at most 500 characters).")));
        }
        return reason.strip();
    }

    static ApiException notFound(long id) {
        return new ApiException(ErrorCode.INVOICE_NOT_FOUND, "No invoice '" + id + "' that your organisation issued or received.", "input.id", List.of(), Map.of());
    }
}
