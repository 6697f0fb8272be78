package cn.fapiao.invoice;

import cn.fapiao.common.Money;
import cn.fapiao.common.ApiException;
import cn.fapiao.domain.ChineseAmount;
import cn.fapiao.domain.InvoiceFormats;
import cn.fapiao.domain.Totals;
import cn.fapiao.invoice.api.InvoicePreview;
import cn.fapiao.invoice.api.IssueInvoiceInput;
import cn.fapiao.invoice.api.PreviewLine;
import cn.fapiao.reference.api.FieldProblem;
import cn.fapiao.security.Caller;
import cn.fapiao.security.Role;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static cn.fapiao.common.ErrorCode.INVOICE_NOT_FOUND;

/** Looking up invoices the caller may see, previewing and issuing digital invoices. */
@ApplicationScoped
public class InvoiceService {

    public static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");
    static final String ISSUE_OPERATION = "issueInvoice";
    public static final Role[] READERS = {Role.ISSUER, Role.ACCOUNTANT, Role.AUDITOR, Role.PARTNER, Role.ADMIN};

    private final InvoiceQueries queries;
    private final InvoiceCache cache;
    private final IssuedInvoiceWriter writer;
    private final InvoiceChangeNotifier changes;

    public InvoiceService(InvoiceQueries queries, InvoiceCache cache, IssuedInvoiceWriter writer, InvoiceChangeNotifier changes) {
        this.queries = queries;
        this.cache = cache;
        this.writer = writer;
        this.changes = changes;
    }

    /**
     * withDetails: load the lines and history in the same statement (the answer selects them). A
     * cached invoice may come without them; {@link InvoiceDetails#attach} then adds them.
     */
    public Uni<StoredInvoice> byId(Caller caller, String id, boolean withDetails) {
        caller.require(READERS);
        long key = parseId(id);
        return cache.byId(key, () -> queries.byId(key, withDetails)).map(found -> visible(caller, found, id, "id"));
    }

    /** By number (digital) or code + number (legacy); an invoice the caller may not see is "not found". */
    public Uni<StoredInvoice> byNumber(Caller caller, String code, String number, boolean withDetails) {
        caller.require(READERS);
        String cleanNumber = number == null ? "" : number.strip();
        String cleanCode = code == null || code.isBlank() ? null : code.strip();
        boolean wellFormed = cleanCode == null ? InvoiceFormats.isDigitalNumberShape(cleanNumber)
                : InvoiceFormats.isLegacyCodeShape(cleanCode) && InvoiceFormats.checkLegacyNumber(cleanNumber).isEmpty();
        if (!wellFormed) {
            throw new ApiException(INVOICE_NOT_FOUND, cleanCode == null
                    ? "No digital invoice has the number '" + cleanNumber + "': digital numbers have 20 digits (legacy invoices need their code too). Try diagnoseInvoice."
                    : "No invoice has code '" + cleanCode + "' and number '" + cleanNumber + "'.", cleanCode == null ? "number" : "code", List.of(), Map.of());
        }
        return cache.byNumber(cleanCode, cleanNumber, () -> queries.byNumber(cleanCode, cleanNumber, withDetails))
                .map(found -> visible(caller, found.visibleTo(caller), cleanNumber, "number"));
    }

    public InvoicePreview preview(Caller caller, IssueInvoiceInput input) {
        caller.require(Role.ISSUER);
        InvoiceDraft draft = InvoiceDraft.of(input);
        List<PreviewLine> lines = draft.lines().stream()
                .map(l -> new PreviewLine(l.lineNo(), Money.of(l.amount()), l.rate(), Money.of(l.tax()))).toList();
        Totals totals = draft.totals();
        return new InvoicePreview(draft.isValid(), FieldProblem.of(draft.problems()), lines,
                totals == null ? null : Money.of(totals.amount()), totals == null ? null : Money.of(totals.tax()),
                totals == null ? null : Money.of(totals.total()), totals == null ? null : ChineseAmount.inWords(totals.total()));
    }

    /**
     * Issues a digital invoice with the next gap-free number of its prefix. A retry with the same
     * idempotency key and the same content returns the invoice of the first call; the same key with
     * other content, or a key used for a reversal, is refused (IdempotencyKeys). Two concurrent calls
     * with one key meet at the unique index, and the loser answers as a retry would.
     */
    public Uni<StoredInvoice> issue(Caller caller, IssueInvoiceInput input) {
        caller.require(Role.ISSUER);
        InvoiceDraft draft = InvoiceDraft.of(input);
        if (!draft.isValid()) {
            throw ApiException.validation(draft.problems());
        }
        String key = IdempotencyKeys.clean(input.idempotencyKey());
        if (key == null) {
            return writeNew(caller, input, draft, null, null);
        }
        String hash = IdempotencyKeys.requestHash(ISSUE_OPERATION, input);
        return queries.byIdempotencyKey(caller.organisationId(), key)
                .chain(earlier -> earlier != null ? Uni.createFrom().item(IdempotencyKeys.answerFor(earlier, key, hash))
                        : writeNew(caller, input, draft, key, hash)
                        .onFailure(InvoiceService::isSameKeyConflict)
                        .recoverWithUni(() -> queries.byIdempotencyKey(caller.organisationId(), key).map(winner -> IdempotencyKeys.answerFor(winner, key, hash))));
    }

    private Uni<StoredInvoice> writeNew(Caller caller, IssueInvoiceInput input, InvoiceDraft draft, String key, String hash) {
        return writer.write(caller, input, draft, key, hash, LocalDate.now(BUSINESS_ZONE))
                .call(invoice -> changes.changed(Long.parseLong(invoice.view().id()), invoice.view().code(), invoice.view().number()));
    }


    /** The invoice when the caller's organisation issued or received it; otherwise "not found", never "forbidden". */
    static StoredInvoice visible(Caller caller, StoredInvoice found, String asked, String field) {
        if (found == null || !found.visibleTo(caller)) {
            throw new ApiException(INVOICE_NOT_FOUND, "No invoice '" + asked + "' that your organisation issued or received.", field, List.of(), Map.of());
        }
        return found;
    }

    static long parseId(String id) {
        try {
            return Long.parseLong(id.strip());
        } catch (RuntimeException e) {
            throw new ApiException(INVOICE_NOT_FOUND, "No invoice '" + id + "' that your organisation issued or received.", "id", List.of(), Map.of());
        }
    }

    /** Whether another call with the same idempotency key got there first (its unique index refused this row). */
    static boolean isSameKeyConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && "23505".equals(pg.getSqlState()) && "invoice_idempotency_uq".equals(pg.getConstraint())) {
                return true;
            }
        }
        return false;
    }


}
