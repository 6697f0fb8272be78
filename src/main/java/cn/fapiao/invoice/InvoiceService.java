package cn.fapiao.invoice;

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
import cn.fapiao.taxpayer.Organisation;
import cn.fapiao.taxpayer.OrganisationRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.exception.ConstraintViolationException;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Looking up invoices the caller may see, previewing and issuing digital invoices. */
@ApplicationScoped
public class InvoiceService {

    public static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");
    static final String INVOICE_NOT_FOUND = "INVOICE_NOT_FOUND";
    /** Issuance channel digit of numbers issued by this system (digit 5 of the 20-digit number). */
    static final String CHANNEL = "2";
    static final Role[] READERS = {Role.ISSUER, Role.ACCOUNTANT, Role.AUDITOR, Role.PARTNER, Role.ADMIN};

    private final InvoiceQueries queries;
    private final InvoiceCache cache;
    private final InvoiceRepository invoices;
    private final OrganisationRepository organisations;
    private final InvoiceRows rows;
    private final InvoiceChangeNotifier changes;

    public InvoiceService(InvoiceQueries queries, InvoiceCache cache, InvoiceRepository invoices,
                          OrganisationRepository organisations, InvoiceRows rows, InvoiceChangeNotifier changes) {
        this.queries = queries;
        this.cache = cache;
        this.invoices = invoices;
        this.organisations = organisations;
        this.rows = rows;
        this.changes = changes;
    }

    public Uni<StoredInvoice> byId(Caller caller, String id) {
        caller.require(READERS);
        long key = parseId(id);
        return cache.byId(key, () -> queries.byId(key)).map(found -> visible(caller, found, id, "id"));
    }

    /** By number (digital) or code + number (legacy); an invoice the caller may not see is "not found". */
    public Uni<StoredInvoice> byNumber(Caller caller, String code, String number) {
        caller.require(READERS);
        String cleanNumber = number == null ? "" : number.strip();
        String cleanCode = code == null || code.isBlank() ? null : code.strip();
        boolean wellFormed = cleanCode == null ? cleanNumber.matches("\\d{20}")
                : cleanCode.matches("\\d{10}|\\d{12}") && InvoiceFormats.checkLegacyNumber(cleanNumber).isEmpty();
        if (!wellFormed) {
            throw new ApiException(INVOICE_NOT_FOUND, cleanCode == null
                    ? "No digital invoice has the number '" + cleanNumber + "': digital numbers have 20 digits (legacy invoices need their code too). Try diagnoseInvoice."
                    : "No invoice has code '" + cleanCode + "' and number '" + cleanNumber + "'.", cleanCode == null ? "number" : "code", List.of(), Map.of());
        }
        return cache.byNumber(cleanCode, cleanNumber, () -> queries.byNumber(cleanCode, cleanNumber))
                .map(found -> visible(caller, found, cleanNumber, "number"));
    }

    public InvoicePreview preview(Caller caller, IssueInvoiceInput input) {
        caller.require(Role.ISSUER);
        InvoiceDraft draft = InvoiceDraft.of(input);
        List<PreviewLine> lines = draft.lines().stream()
                .map(l -> new PreviewLine(l.lineNo(), l.amount(), l.rate(), l.tax())).toList();
        Totals totals = draft.totals();
        return new InvoicePreview(draft.isValid(), FieldProblem.of(draft.problems()), lines,
                totals == null ? null : totals.amount(), totals == null ? null : totals.tax(),
                totals == null ? null : totals.total(), totals == null ? null : ChineseAmount.inWords(totals.total()));
    }

    /**
     * Issues a digital invoice with the next gap-free number of its prefix. A retry with the same
     * idempotency key returns the invoice of the first call; two concurrent calls with one key
     * meet at the unique index, and the loser returns the winner's invoice.
     */
    public Uni<StoredInvoice> issue(Caller caller, IssueInvoiceInput input) {
        caller.require(Role.ISSUER);
        InvoiceDraft draft = InvoiceDraft.of(input);
        if (!draft.isValid()) {
            throw ApiException.validation(draft.problems());
        }
        String key = input.idempotencyKey() == null || input.idempotencyKey().isBlank() ? null : input.idempotencyKey().strip();
        Uni<Invoice> issued = Panache.withTransaction(() -> (key == null ? Uni.createFrom().<Invoice>nullItem()
                        : invoices.findByIdempotencyKey(caller.organisationId(), key))
                .chain(existing -> existing != null ? Uni.createFrom().item(existing) : write(caller, input, draft, key)));
        if (key != null) {
            issued = issued.onFailure(InvoiceService::isUniqueViolation).recoverWithUni(() ->
                    Panache.withSession(() -> invoices.findByIdempotencyKey(caller.organisationId(), key)));
        }
        return issued
                .call(invoice -> changes.changed(invoice.id, invoice.code, invoice.number))
                .chain(invoice -> queries.byId(invoice.id));
    }

    private Uni<Invoice> write(Caller caller, IssueInvoiceInput input, InvoiceDraft draft, String key) {
        LocalDate today = LocalDate.now(BUSINESS_ZONE);
        return organisations.findById(caller.organisationId()).chain(seller -> {
            Invoice invoice = newInvoice(caller, seller, input, draft, today);
            invoice.idempotencyKey = key;
            String prefix = numberPrefix(today, seller);
            // The counter is taken last, so that its row lock is held as briefly as possible.
            return linkBuyer(invoice)
                    .chain(() -> invoices.nextSequence(prefix))
                    .chain(sequence -> {
                        invoice.number = prefix + String.format("%015d", sequence);
                        return invoices.persist(invoice);
                    });
        }).chain(invoice -> {
            List<InvoiceLine> lines = new ArrayList<>();
            for (InvoiceDraft.Line l : draft.lines()) {
                InvoiceLine line = new InvoiceLine();
                line.invoiceId = invoice.id;
                line.lineNo = (short) l.lineNo();
                line.itemName = l.input().itemName().strip();
                line.specification = l.input().specification();
                line.unit = l.input().unit();
                line.quantity = l.quantity();
                line.unitPrice = l.unitPrice();
                line.amount = l.amount();
                line.taxRate = l.rate();
                line.taxTreatment = l.treatment().name();
                line.tax = l.tax();
                line.remainingAmount = l.amount();
                lines.add(line);
            }
            return invoices.persistLines(lines)
                    .chain(() -> invoices.record(InvoiceStatusHistory.of(invoice.id, null, "NORMAL", caller.username(), "issued")))
                    .replaceWith(invoice);
        });
    }

    /** YY + the issuer's province + channel: the first five digits of a 20-digit number. */
    static String numberPrefix(LocalDate issueDate, Organisation seller) {
        return issueDate.format(DateTimeFormatter.ofPattern("yy")) + seller.regionCode.substring(0, 2) + CHANNEL;
    }

    private Invoice newInvoice(Caller caller, Organisation seller, IssueInvoiceInput input, InvoiceDraft draft, LocalDate today) {
        OffsetDateTime now = OffsetDateTime.now();
        Invoice invoice = new Invoice();
        invoice.organisationId = caller.organisationId();
        invoice.generation = "DIGITAL";
        invoice.typeCode = InvoiceDraft.typeCode(input.kind());
        invoice.issueDate = today;
        invoice.sellerOrgId = seller.id;
        invoice.sellerTaxId = seller.uscc;
        invoice.sellerName = seller.name;
        invoice.sellerAddressPhone = rows.seal("seller_address_phone", input.sellerAddressPhone());
        invoice.sellerBankAccount = rows.seal("seller_bank_account", input.sellerBankAccount());
        invoice.buyerTaxId = draft.buyerTaxId();
        invoice.buyerName = input.buyer().name().strip();
        invoice.buyerAddressPhone = rows.seal("buyer_address_phone", input.buyer().addressPhone());
        invoice.buyerBankAccount = rows.seal("buyer_bank_account", input.buyer().bankAccount());
        invoice.amount = draft.totals().amount();
        invoice.tax = draft.totals().tax();
        invoice.total = draft.totals().total();
        invoice.status = "NORMAL";
        invoice.direction = "BLUE";
        invoice.remainingAmount = draft.totals().amount();
        invoice.source = InvoiceSource.ISSUED.name();
        invoice.remark = input.remark();
        invoice.createdAt = now;
        invoice.updatedAt = now;
        return invoice;
    }

    /** Links the buyer to its organisation when the buyer uses this system too, so it sees the invoice. */
    Uni<Void> linkBuyer(Invoice invoice) {
        if (invoice.buyerTaxId == null) {
            return Uni.createFrom().voidItem();
        }
        return organisations.findByUscc(invoice.buyerTaxId).invoke(buyer -> {
            if (buyer != null) {
                invoice.buyerOrgId = buyer.id;
            }
        }).replaceWithVoid();
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

    static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException || (t.getMessage() != null && t.getMessage().contains("23505"))) {
                return true;
            }
        }
        return false;
    }
}
