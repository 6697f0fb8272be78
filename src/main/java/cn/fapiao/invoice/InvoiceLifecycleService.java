package cn.fapiao.invoice;

import cn.fapiao.common.ApiException;
import cn.fapiao.common.ErrorCode;
import cn.fapiao.domain.DecimalInput;
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
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static cn.fapiao.common.ErrorCode.CONFIRMATION_NOT_ALLOWED;
import static cn.fapiao.common.ErrorCode.CONFIRMATION_REQUIRED;
import static cn.fapiao.common.ErrorCode.INVOICE_NOT_FOUND;
import static cn.fapiao.common.ErrorCode.REVERSAL_EXCEEDS_REMAINING;
import static cn.fapiao.common.ErrorCode.REVERSAL_NOT_ALLOWED;
import static cn.fapiao.common.ErrorCode.STATUS_CHANGE_NOT_ALLOWED;
import static cn.fapiao.common.ErrorCode.VOID_NOT_ALLOWED;

/**
 * What happens to an invoice after issuance: void, red-letter reversal, the buyer's
 * confirmation of use, and statuses set by the tax side. Each locks the invoice row first, so
 * concurrent operations on one invoice run one after the other and see each other's effects.
 */
@ApplicationScoped
public class InvoiceLifecycleService {

    private static final Set<String> TAX_SIDE_STATUSES = Set.of("NORMAL", "LOST_CONTROL", "ABNORMAL");

    private final InvoiceRepository invoices;
    private final InvoiceQueries queries;
    private final InvoiceChangeNotifier changes;
    private final RedInvoiceWriter writer;

    public InvoiceLifecycleService(InvoiceRepository invoices, InvoiceQueries queries, InvoiceChangeNotifier changes, RedInvoiceWriter writer) {
        this.invoices = invoices;
        this.queries = queries;
        this.changes = changes;
        this.writer = writer;
    }

    public Uni<StoredInvoice> voidInvoice(Caller caller, VoidInvoiceInput input) {
        caller.require(Role.ISSUER);
        long id = InvoiceService.parseId(input.id());
        String reason = requireReason(input.reason(), "input.reason");
        return change(caller, id, true, invoice -> {
            if ("DIGITAL".equals(invoice.generation)) {
                throw refuse(VOID_NOT_ALLOWED, "Fully digital invoices cannot be voided: red-reverse it with redReverseInvoice instead.");
            }
            if (!"NORMAL".equals(invoice.status)) {
                throw refuse(VOID_NOT_ALLOWED, "Only a NORMAL invoice can be voided; this one is " + invoice.status + ".");
            }
            if (!YearMonth.from(invoice.issueDate).equals(YearMonth.now(InvoiceService.BUSINESS_ZONE))) {
                throw refuse(VOID_NOT_ALLOWED, "An invoice can be voided only in its month of issue (" + YearMonth.from(invoice.issueDate)
                        + "); red-reverse it with redReverseInvoice instead.");
            }
            if (invoice.buyerConfirmedAt != null) {
                throw refuse(VOID_NOT_ALLOWED, "The buyer has already confirmed use of this invoice; red-reverse it with redReverseInvoice instead.");
            }
            return setStatus(invoice, "VOIDED", caller, reason).invoke(() -> invoice.remainingAmount = BigDecimal.ZERO.setScale(2));
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
            if (!"NORMAL".equals(invoice.status) && !"RED_PARTIAL".equals(invoice.status)) {
                throw refuse(CONFIRMATION_NOT_ALLOWED, "A " + invoice.status + " invoice cannot be confirmed for use.");
            }
            if (invoice.buyerConfirmedAt == null) {
                invoice.buyerConfirmedAt = OffsetDateTime.now();
                invoice.updatedAt = invoice.buyerConfirmedAt;
            }
            return Uni.createFrom().voidItem();
        });
    }

    /** Statuses the tax authority sets after issuance (synchronised by a partner system), recorded in the history. */
    public Uni<StoredInvoice> setTaxStatus(Caller caller, SetInvoiceTaxStatusInput input) {
        caller.require(Role.PARTNER);
        long id = InvoiceService.parseId(input.id());
        String reason = requireReason(input.reason(), "input.reason");
        if (!TAX_SIDE_STATUSES.contains(input.status().name())) {
            throw ApiException.validation(List.of(new Problem("input.status", "NOT_A_TAX_STATUS",
                    "Only LOST_CONTROL, ABNORMAL or NORMAL are set by the tax side; use voidInvoice or redReverseInvoice for the others.")));
        }
        return change(caller, id, false, invoice -> {
            if (!TAX_SIDE_STATUSES.contains(invoice.status)) {
                throw refuse(STATUS_CHANGE_NOT_ALLOWED, "A " + invoice.status + " invoice keeps its status.");
            }
            return invoice.status.equals(input.status().name()) ? Uni.createFrom().voidItem()
                    : setStatus(invoice, input.status().name(), caller, reason);
        });
    }

    /**
     * Issues the red invoice for all, an amount, or chosen lines of a blue invoice. The blue row
     * is locked for the whole transaction, so two reversals that together exceed what remains
     * cannot both succeed: the second sees the first's reduced remainder.
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
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        String key = input.idempotencyKey() == null || input.idempotencyKey().isBlank() ? null : input.idempotencyKey().strip();
        return Panache.withTransaction(() -> (key == null ? Uni.createFrom().<Invoice>nullItem()
                        : invoices.findByIdempotencyKey(caller.organisationId(), key))
                .chain(previous -> previous != null ? Uni.createFrom().item(new Reversal(null, previous))
                        : invoices.lock(id).chain(blue -> {
                            checkReversible(caller, blue, id, confirmation);
                            return invoices.lines(blue.id).chain(lines -> {
                                Map<InvoiceLine, BigDecimal> plan = plan(blue, lines, amount, byLine);
                                return writer.write(caller, blue, plan, input.reasonCode(), confirmation, input.note(), key)
                                        .map(red -> new Reversal(blue, red));
                            });
                        })))
                .call(reversal -> reversal.blue == null ? Uni.createFrom().voidItem()
                        : changes.changed(reversal.blue.id, reversal.blue.code, reversal.blue.number))
                .call(reversal -> changes.changed(reversal.red.id, reversal.red.code, reversal.red.number))
                .chain(reversal -> queries.byId(reversal.red.id));
    }

    private record Reversal(Invoice blue, Invoice red) {
    }

    private static void checkReversible(Caller caller, Invoice blue, long id, String confirmation) {
        if (blue == null || !(caller.organisationId().equals(blue.sellerOrgId) || caller.organisationId().equals(blue.buyerOrgId))) {
            throw notFound(id);
        }
        if (!caller.organisationId().equals(blue.sellerOrgId)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only the seller red-reverses an invoice.");
        }
        if (!"BLUE".equals(blue.direction)) {
            throw refuse(REVERSAL_NOT_ALLOWED, "A red invoice cannot itself be reversed.");
        }
        if (!"NORMAL".equals(blue.status) && !"RED_PARTIAL".equals(blue.status)) {
            throw refuse(REVERSAL_NOT_ALLOWED, "A " + blue.status + " invoice cannot be red-reversed.");
        }
        if (blue.buyerConfirmedAt != null && confirmation == null) {
            throw new ApiException(CONFIRMATION_REQUIRED, "The buyer has confirmed use of this invoice: a red-letter confirmation (红字确认单) agreed by both sides is needed; give its number.",
                    "input.confirmationNumber", List.of(), Map.of());
        }
    }

    /** How much of each line to reverse, checked against what remains. */
    private static Map<InvoiceLine, BigDecimal> plan(Invoice blue, List<InvoiceLine> lines, BigDecimal amount, Map<Integer, BigDecimal> byLine) {
        Map<InvoiceLine, BigDecimal> plan = new LinkedHashMap<>();
        if (!byLine.isEmpty()) {
            for (Map.Entry<Integer, BigDecimal> wanted : byLine.entrySet()) {
                InvoiceLine line = lines.stream().filter(l -> l.lineNo == wanted.getKey()).findFirst()
                        .orElseThrow(() -> ApiException.validation(List.of(new Problem("input.lines", "UNKNOWN_LINE", "The invoice has no line " + wanted.getKey() + "."))));
                if (wanted.getValue().compareTo(line.remainingAmount) > 0) {
                    throw exceeds("Line " + line.lineNo + " has " + line.remainingAmount.toPlainString() + " left to reverse, asked " + wanted.getValue().toPlainString() + ".");
                }
                plan.put(line, wanted.getValue());
            }
            return plan;
        }
        BigDecimal remaining = blue.remainingAmount;
        BigDecimal wanted = amount == null ? remaining : amount;
        if (remaining.signum() <= 0 || wanted.compareTo(remaining) > 0) {
            throw exceeds("The invoice has " + remaining.toPlainString() + " left to reverse, asked " + wanted.toPlainString() + ".");
        }
        // Spread over the lines in proportion to what each has left; the last line takes the rounding rest.
        BigDecimal allocated = BigDecimal.ZERO;
        List<InvoiceLine> open = lines.stream().filter(l -> l.remainingAmount.signum() > 0).toList();
        for (int i = 0; i < open.size(); i++) {
            InvoiceLine line = open.get(i);
            BigDecimal share = i == open.size() - 1 ? wanted.subtract(allocated)
                    : wanted.multiply(line.remainingAmount).divide(remaining, 2, RoundingMode.HALF_UP).min(line.remainingAmount);
            if (share.signum() > 0) {
                plan.put(line, share);
                allocated = allocated.add(share);
            }
        }
        return plan;
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

    private Uni<Void> setStatus(Invoice invoice, String to, Caller caller, String reason) {
        return invoices.changeStatus(invoice, to, caller.username(), reason);
    }

    private static BigDecimal positive(String text, String field, List<Problem> problems) {
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

    private static ApiException refuse(ErrorCode code, String message) {
        return new ApiException(code, message, "input.id", List.of(), Map.of());
    }

    private static ApiException exceeds(String message) {
        return new ApiException(REVERSAL_EXCEEDS_REMAINING, message, "input.amount", List.of(), Map.of());
    }

    private static ApiException notFound(long id) {
        return new ApiException(INVOICE_NOT_FOUND, "No invoice '" + id + "' that your organisation issued or received.", "input.id", List.of(), Map.of());
    }
}
