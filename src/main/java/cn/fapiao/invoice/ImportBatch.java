package cn.fapiao.invoice;

import cn.fapiao.domain.Direction;
import cn.fapiao.domain.Generation;
import cn.fapiao.domain.InvoiceLifecycle;
import cn.fapiao.domain.InvoiceStatus;
import cn.fapiao.domain.ReversalPlan;
import cn.fapiao.domain.ReversibleLine;
import cn.fapiao.domain.TaxTreatment;
import cn.fapiao.invoice.api.ImportOutcome;
import cn.fapiao.invoice.api.ImportResult;
import cn.fapiao.invoice.api.ImportRowResult;
import cn.fapiao.reference.api.FieldProblem;
import cn.fapiao.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One import batch inside its transaction.
 *
 * <p>The tenant model: an imported row is the importer's record of an invoice it issued or
 * received. It is linked to the importer's organisation only, so it never appears in the other
 * party's books, and a row is compared only with records the importer may see. A record of the same
 * identity that the importer may not see is not looked at: the row is stored as the importer's own
 * record, exactly as for an identity nobody holds, so an import reveals nothing about other
 * organisations' invoices.
 *
 * <p>Per row: a record the importer sees with other content is a CONFLICT (naming the differing
 * fields), the same content a DUPLICATE, or, in a synchronised batch, UPDATED when its status moved
 * forward (only on the importer's own records: the status of an invoice someone else holds is theirs
 * to set). A red row reduces what is left to reverse on its blue original, which must be the
 * importer's own record and have enough left.
 */
final class ImportBatch {

    private static final String IMPORTER = "select uscc from organisation where id = $1";
    private static final String COMPARED = """
            i.id, i.organisation_id, i.invoice_code, i.invoice_number, i.type_code, i.issue_date, i.amount, i.tax, i.total,
            i.seller_tax_id, i.buyer_tax_id, i.check_code, i.direction, i.status""";
    /**
     * Records of these identities the importer may see: the 20-digit number alone, or code + number.
     * Two branches so that each uses its identity index; an OR of both read every legacy invoice.
     */
    private static final String VISIBLE_BY_IDENTITY = "select " + COMPARED + """
             from invoice i
            where i.invoice_code is null and i.invoice_number = any($1) and (i.seller_org_id = $4 or i.buyer_org_id = $4)
            union all
            select\s""" + COMPARED + """
             from invoice i join unnest($2::varchar[], $3::varchar[]) as k(code, number)
              on i.invoice_code = k.code and i.invoice_number = k.number
            where i.seller_org_id = $4 or i.buyer_org_id = $4""";
    private static final String INSERT = InvoiceInserts.invoice(null, "", "on conflict do nothing returning id");
    /** Rows about to change, locked and read again: what another transaction committed meanwhile counts. */
    private static final String LOCK = "select id, invoice_code, invoice_number, status, direction, remaining_amount, remaining_tax from invoice where id = any($1) order by id for update";
    private static final String LINES = """
            select id, invoice_id, line_no, amount, tax, tax_rate, remaining_amount, remaining_tax
            from invoice_line where invoice_id = any($1) order by invoice_id, line_no""";
    private static final String UPDATE_INVOICE = """
            update invoice set status = $2, remaining_amount = $3, remaining_tax = $4, version = version + 1, updated_at = now()
            where id = $1""";

    /**
     * Statuses of a blue invoice an imported red one may reverse: those a reversal here accepts, and
     * RED_FULL, which a synchronised batch declares for a blue invoice whose red ones come with it
     * or later (its remainder waits for them).
     */
    private static final Set<InvoiceStatus> IMPORTED_REDS_REVERSE =
            EnumSet.of(InvoiceStatus.NORMAL, InvoiceStatus.RED_PARTIAL, InvoiceStatus.RED_FULL);

    /** An invoice written or changed by this batch, to announce after commit. */
    record Changed(long id, String code, String number) {
    }

    /** A stored record the importer may see. */
    private record Visible(long id, long organisationId, Row row) {
    }

    /** A row of a stored invoice that this batch changes, as locked. */
    private static final class Locked {
        final long id;
        final String code;
        final String number;
        InvoiceStatus status;
        final Direction direction;
        BigDecimal remainingAmount;
        BigDecimal remainingTax;
        boolean changed;

        Locked(Row row) {
            id = row.getLong("id");
            code = row.getString("invoice_code");
            number = row.getString("invoice_number");
            status = InvoiceStatus.valueOf(row.getString("status"));
            direction = Direction.valueOf(row.getString("direction"));
            remainingAmount = row.getBigDecimal("remaining_amount");
            remainingTax = row.getBigDecimal("remaining_tax");
        }
    }

    private final Caller caller;
    private final String source;
    private final InvoiceSource origin;
    private final List<ImportRowCheck> checks;
    private final InvoiceRows rows;
    private final SqlConnection connection;
    private final Map<Integer, ImportRowResult> results = new HashMap<>();
    private final List<Changed> changed = new ArrayList<>();
    private final List<Object[]> history = new ArrayList<>();
    private String importerTaxId;

    ImportBatch(Caller caller, String source, InvoiceSource origin, List<ImportRowCheck> checks, InvoiceRows rows, SqlConnection connection) {
        this.caller = caller;
        this.source = source;
        this.origin = origin;
        this.checks = checks;
        this.rows = rows;
        this.connection = connection;
    }

    /** Runs the batch; answers its result and what it wrote. */
    Uni<ImportResult> run() {
        return connection.preparedQuery(IMPORTER).execute(Tuple.of(caller.organisationId()))
                .invoke(found -> importerTaxId = found.iterator().next().getString("uscc"))
                .invoke(this::rejectWhereNotAParty)
                .chain(this::queueOnOwnRange)
                .chain(() -> classifyKnown(valid()))
                .chain(() -> insert(unsettled(Direction.BLUE)))
                .chain(this::resolveOriginals)
                .chain(() -> insert(unsettled(Direction.RED)))
                .chain(this::writeHistory)
                .map(ignored -> result());
    }

    long callerOrganisationId() {
        return caller.organisationId();
    }

    String source() {
        return source;
    }

    List<Changed> changed() {
        return changed;
    }

    /** Valid rows of one direction that have no outcome yet. */
    private List<ImportRowCheck> unsettled(Direction direction) {
        return valid().stream().filter(c -> c.direction == direction && !results.containsKey(c.index)).toList();
    }

    private List<ImportRowCheck> valid() {
        return checks.stream().filter(ImportRowCheck::isValid).toList();
    }

    /** An organisation holds only invoices it is party to. */
    private void rejectWhereNotAParty() {
        for (ImportRowCheck c : valid()) {
            if (!Objects.equals(importerTaxId, c.seller.taxId()) && !Objects.equals(importerTaxId, c.buyer.taxId())) {
                c.add("", "NOT_A_PARTY", "Your organisation (" + importerTaxId + ") is neither the seller nor the buyer of this"
                        + " invoice: an organisation only holds invoices it is party to.");
            }
        }
    }

    /**
     * Digital numbers of this system's own issuing range are written under the queue lock of their
     * prefix, as issuing does: an issue then either sees the stored number (and steps over it) or
     * has committed its own first (and this row is compared with it, if the importer may see it).
     */
    private Uni<Void> queueOnOwnRange() {
        TreeSet<String> prefixes = new TreeSet<>();
        for (ImportRowCheck c : valid()) {
            if (!c.isLegacy() && InvoiceNumbering.isOwnRange(c.number)) {
                prefixes.add(c.number.substring(0, 5));
            }
        }
        return prefixes.isEmpty() ? Uni.createFrom().voidItem()
                : connection.preparedQuery(InvoiceNumbering.queueLockSql()).execute(Tuple.of(prefixes.toArray(String[]::new))).replaceWithVoid();
    }

    /** Those of these rows whose identity the importer already holds or sees: DUPLICATE, CONFLICT or UPDATED. */
    private Uni<Void> classifyKnown(List<ImportRowCheck> candidates) {
        if (candidates.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return visible(candidates.stream().map(c -> new String[] {c.code, c.number}).toList()).chain(known -> classify(candidates, known));
    }

    private Uni<Void> classify(List<ImportRowCheck> candidates, Map<String, Visible> known) {
        Map<Long, List<ImportRowCheck>> statusChanges = new LinkedHashMap<>();
        for (ImportRowCheck c : candidates) {
            Visible stored = known.get(key(c.code, c.number));
            if (stored == null) {
                continue;
            }
            List<String> differing = InvoiceImportService.differingFields(c, stored.row());
            if (!differing.isEmpty()) {
                results.put(c.index, conflict(c, differing, List.of()));
                continue;
            }
            InvoiceStatus storedStatus = InvoiceStatus.valueOf(stored.row().getString("status"));
            if (origin != InvoiceSource.SYNCHRONISED || storedStatus == c.status) {
                results.put(c.index, outcome(c, ImportOutcome.DUPLICATE, stored.id()));
            } else if (stored.organisationId() != caller.organisationId()) {
                results.put(c.index, conflict(c, List.of("status"), List.of(new FieldProblem(c.path + ".status", "NOT_YOUR_RECORD",
                        "This invoice is held by the other party; only they (or the tax side, through them) change its status."))));
            } else {
                statusChanges.computeIfAbsent(stored.id(), id -> new ArrayList<>()).add(c);
            }
        }
        if (statusChanges.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return lock(statusChanges.keySet()).chain(locked -> {
            for (Map.Entry<Long, List<ImportRowCheck>> change : statusChanges.entrySet()) {
                Locked invoice = locked.get(change.getKey());
                for (ImportRowCheck c : change.getValue()) {
                    synchronise(invoice, c);
                }
            }
            return store(locked.values());
        });
    }

    /** A synchronising system reports the status it knows: applied when it moves forward, a CONFLICT when it would go back. */
    private void synchronise(Locked invoice, ImportRowCheck c) {
        switch (InvoiceLifecycle.synchronise(invoice.status, c.status)) {
            case UNCHANGED -> results.put(c.index, outcome(c, ImportOutcome.DUPLICATE, invoice.id));
            case BACKWARD -> results.put(c.index, conflict(c, List.of("status"), List.of(new FieldProblem(c.path + ".status", "STATUS_BACKWARDS",
                    "The stored invoice is " + invoice.status + "; it cannot go back to " + c.status + "."))));
            case FORWARD -> {
                history.add(new Object[] {invoice.id, invoice.status.name(), c.status.name(), "synchronised from " + source});
                invoice.status = c.status;
                if (c.status == InvoiceStatus.VOIDED) { // a RED_FULL one keeps its remainder for its red invoices
                    invoice.remainingAmount = BigDecimal.ZERO.setScale(2);
                    invoice.remainingTax = BigDecimal.ZERO.setScale(2);
                }
                invoice.changed = true;
                results.put(c.index, outcome(c, ImportOutcome.UPDATED, invoice.id));
            }
        }
    }

    /**
     * A red row reverses a blue invoice that is the importer's own record (one it issued, or its
     * record of one it received): never another organisation's. What it takes back must be left
     * on the original, whose status and remainders change as a reversal's would.
     */
    private Uni<Void> resolveOriginals() {
        List<ImportRowCheck> reds = unsettled(Direction.RED);
        if (reds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return visible(reds.stream().map(c -> new String[] {c.originalCode, c.originalNumber}).toList()).chain(found -> {
            Map<Long, List<ImportRowCheck>> byOriginal = new LinkedHashMap<>();
            for (ImportRowCheck red : reds) {
                Visible original = found.get(key(red.originalCode, red.originalNumber));
                if (original == null || original.organisationId() != caller.organisationId()
                        || Direction.valueOf(original.row().getString("direction")) != Direction.BLUE) {
                    red.add("originalNumber", "ORIGINAL_NOT_FOUND", "Your organisation holds no blue invoice with this "
                            + (red.originalCode == null ? "number" : "code and number")
                            + " of its own: import the original first (an invoice another organisation issued is reversed by them).");
                } else {
                    red.originalId = original.id();
                    byOriginal.computeIfAbsent(original.id(), id -> new ArrayList<>()).add(red);
                }
            }
            if (byOriginal.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return lock(byOriginal.keySet()).chain(locked -> connection.preparedQuery(LINES)
                    .execute(Tuple.of(byOriginal.keySet().toArray(Long[]::new)))
                    .chain(lineRows -> reduce(byOriginal, locked, linesByInvoice(lineRows))));
        });
    }

    private Uni<Void> reduce(Map<Long, List<ImportRowCheck>> byOriginal, Map<Long, Locked> locked, Map<Long, List<Row>> lines) {
        // What each blue line gives back in this batch, summed: one update per line.
        Map<Long, BigDecimal[]> taken = new LinkedHashMap<>();
        for (Map.Entry<Long, List<ImportRowCheck>> entry : byOriginal.entrySet()) {
            Locked blue = locked.get(entry.getKey());
            List<Row> blueLines = lines.getOrDefault(entry.getKey(), List.of());
            List<ReversibleLine> current = new ArrayList<>(blueLines.stream().map(ImportBatch::reversible).toList());
            for (ImportRowCheck red : entry.getValue()) {
                BigDecimal amount = red.amount.negate();
                BigDecimal tax = red.tax.negate();
                if (!IMPORTED_REDS_REVERSE.contains(blue.status)) {
                    red.add("originalNumber", "REVERSAL_NOT_ALLOWED", "A " + blue.status + " invoice cannot be red-reversed.");
                    continue;
                }
                if (amount.compareTo(blue.remainingAmount) > 0 || tax.compareTo(blue.remainingTax) > 0) {
                    red.add("amount", "REVERSAL_EXCEEDS_REMAINING", "The original has " + blue.remainingAmount.toPlainString() + " (tax "
                            + blue.remainingTax.toPlainString() + ") left to reverse; this red invoice takes " + amount.toPlainString()
                            + " (tax " + tax.toPlainString() + ").");
                    continue;
                }
                boolean full = amount.compareTo(blue.remainingAmount) == 0;
                BigDecimal linesLeft = current.stream().map(ReversibleLine::remainingAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
                if (linesLeft.signum() > 0 && amount.signum() > 0) {
                    // Lines follow the invoice in proportion (imported red lines do not say which blue line they
                    // reverse); they may add up to a cent more or less than the invoice (the import's tolerance).
                    ReversalPlan plan = full || amount.compareTo(linesLeft) >= 0 ? ReversalPlan.all(current) : ReversalPlan.amount(current, amount);
                    for (ReversalPlan.Step step : plan.steps()) {
                        for (int i = 0; i < current.size(); i++) {
                            ReversibleLine line = current.get(i);
                            if (line.lineNo() == step.lineNo()) {
                                current.set(i, new ReversibleLine(line.lineNo(), line.amount(), line.tax(), line.rate(),
                                        line.remainingAmount().subtract(step.amount()), line.remainingTax().subtract(step.tax())));
                                taken.merge(blueLines.get(i).getLong("id"), new BigDecimal[] {step.amount(), step.tax()},
                                        (a, b) -> new BigDecimal[] {a[0].add(b[0]), a[1].add(b[1])});
                            }
                        }
                    }
                }
                InvoiceStatus from = blue.status;
                blue.remainingAmount = blue.remainingAmount.subtract(amount);
                blue.remainingTax = full ? BigDecimal.ZERO.setScale(2) : blue.remainingTax.subtract(tax);
                // A blue invoice a synchronising system declared RED_FULL before its red invoices arrived stays so.
                blue.status = blue.status == InvoiceStatus.RED_FULL ? InvoiceStatus.RED_FULL
                        : InvoiceLifecycle.afterReversal(blue.remainingAmount.signum() == 0);
                blue.changed = true;
                history.add(new Object[] {blue.id, from.name(), blue.status.name(), "red invoice " + (red.code == null ? "" : red.code + " ")
                        + red.number + " imported from " + source + ": reversed " + amount.toPlainString()});
            }
        }
        Uni<Void> linesDone = taken.isEmpty() ? Uni.createFrom().voidItem()
                : connection.preparedQuery(RedInvoiceWriter.REDUCE_LINES).execute(Tuple.of(taken.keySet().toArray(Long[]::new),
                taken.values().stream().map(t -> t[0].toPlainString()).toArray(String[]::new),
                taken.values().stream().map(t -> t[1].toPlainString()).toArray(String[]::new))).replaceWithVoid();
        return linesDone.chain(() -> store(locked.values()));
    }

    private static ReversibleLine reversible(Row line) {
        return new ReversibleLine(line.getInteger("line_no"), line.getBigDecimal("amount"), line.getBigDecimal("tax"),
                line.getBigDecimal("tax_rate"), line.getBigDecimal("remaining_amount"), line.getBigDecimal("remaining_tax"));
    }

    private static Map<Long, List<Row>> linesByInvoice(RowSet<Row> result) {
        Map<Long, List<Row>> lines = new HashMap<>();
        for (Row row : result) {
            lines.computeIfAbsent(row.getLong("invoice_id"), id -> new ArrayList<>()).add(row);
        }
        return lines;
    }

    private Uni<Map<Long, Locked>> lock(Collection<Long> ids) {
        return connection.preparedQuery(LOCK).execute(Tuple.of(ids.toArray(Long[]::new))).map(result -> {
            Map<Long, Locked> locked = new LinkedHashMap<>();
            for (Row row : result) {
                locked.put(row.getLong("id"), new Locked(row));
            }
            return locked;
        });
    }

    private Uni<Void> store(Collection<Locked> invoices) {
        List<Tuple> updates = new ArrayList<>();
        for (Locked invoice : invoices) {
            if (invoice.changed) {
                updates.add(Tuple.of(invoice.id, invoice.status.name(), invoice.remainingAmount, invoice.remainingTax));
                changed.add(new Changed(invoice.id, invoice.code, invoice.number)); // cached copies must go, here and on every replica
                invoice.changed = false;
            }
        }
        return updates.isEmpty() ? Uni.createFrom().voidItem()
                : connection.preparedQuery(UPDATE_INVOICE).executeBatch(updates).replaceWithVoid();
    }

    /** New records: the invoices (one statement per row, batched), then all their lines in one statement. */
    private Uni<Void> insert(List<ImportRowCheck> rowsToInsert) {
        List<ImportRowCheck> insertable = rowsToInsert.stream().filter(ImportRowCheck::isValid).toList();
        if (insertable.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<NewInvoice> invoices = insertable.stream().map(this::newInvoice).toList();
        List<Tuple> tuples = invoices.stream().map(i -> Tuple.from(InvoiceInserts.values(i, i.number()))).toList();
        return connection.preparedQuery(INSERT).executeBatch(tuples).chain(first -> {
            RowSet<Row> result = first;
            List<ImportRowCheck> notInserted = new ArrayList<>();
            List<Long> lineInvoiceIds = new ArrayList<>();
            List<NewInvoice.Line> lines = new ArrayList<>();
            for (int i = 0; i < insertable.size(); i++) {
                ImportRowCheck c = insertable.get(i);
                if (result.size() > 0) {
                    long id = result.iterator().next().getLong("id");
                    results.put(c.index, outcome(c, ImportOutcome.CREATED, id));
                    changed.add(new Changed(id, c.code, c.number));
                    history.add(new Object[] {id, null, c.status.name(), "imported from " + source});
                    for (NewInvoice.Line line : invoices.get(i).lines()) {
                        lineInvoiceIds.add(id);
                        lines.add(line);
                    }
                } else {
                    notInserted.add(c); // the importer's own record of it was written meanwhile, or earlier in this batch
                }
                result = result.next();
            }
            Uni<Void> linesWritten = lines.isEmpty() ? Uni.createFrom().voidItem() : writeLines(lineInvoiceIds, lines);
            return linesWritten.chain(() -> classifyKnown(notInserted));
        });
    }

    private Uni<Void> writeLines(List<Long> invoiceIds, List<NewInvoice.Line> lines) {
        List<Object> values = new ArrayList<>();
        values.add(invoiceIds.toArray(Long[]::new));
        values.addAll(InvoiceInserts.lineArrays(lines));
        return connection.preparedQuery(InvoiceInserts.LINES).execute(Tuple.from(values)).replaceWithVoid();
    }

    private Uni<Void> writeHistory() {
        if (history.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery(InvoiceInserts.HISTORY).execute(Tuple.of(
                history.stream().map(h -> (Long) h[0]).toArray(Long[]::new),
                history.stream().map(h -> (String) h[1]).toArray(String[]::new),
                history.stream().map(h -> (String) h[2]).toArray(String[]::new),
                history.stream().map(h -> caller.username()).toArray(String[]::new),
                history.stream().map(h -> (String) h[3]).toArray(String[]::new))).replaceWithVoid();
    }

    /** The importer's record: linked to the importer's organisation only, on the side(s) it plays. */
    private NewInvoice newInvoice(ImportRowCheck c) {
        // A voided invoice has nothing left to reverse; a red-reversed one keeps its remainder until
        // its red invoices are imported and take it (the never-over-reverse rule holds for imports too).
        boolean consumed = c.direction == Direction.RED || c.status == InvoiceStatus.VOIDED;
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        Long importer = caller.organisationId();
        return new NewInvoice(c.isLegacy() ? Generation.LEGACY : Generation.DIGITAL, c.code, c.number, c.typeCode, c.issueDate,
                new NewInvoice.Party(importerTaxId.equals(c.seller.taxId()) ? importer : null, c.seller.taxId(), c.seller.name(),
                        rows.seal("seller_address_phone", c.seller.addressPhone()), rows.seal("seller_bank_account", c.seller.bankAccount())),
                new NewInvoice.Party(importerTaxId.equals(c.buyer.taxId()) ? importer : null, c.buyer.taxId(), c.buyer.name(),
                        rows.seal("buyer_address_phone", c.buyer.addressPhone()), rows.seal("buyer_bank_account", c.buyer.bankAccount())),
                c.amount, c.tax, c.total, c.checkCode, c.status, c.direction, c.originalId, c.redReason, null,
                consumed ? zero : c.amount, consumed ? zero : c.tax, origin, source, c.remark, importer, null, null,
                c.lines.stream().map(l -> new NewInvoice.Line(l.lineNo(), l.itemName(), null, null, l.quantity(), l.unitPrice(),
                        l.amount(), l.rate(), TaxTreatment.TAXABLE, l.tax(), consumed ? zero : l.amount(), consumed ? zero : l.tax(), null)).toList());
    }

    private Uni<Map<String, Visible>> visible(List<String[]> identities) {
        List<String> digital = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (String[] identity : identities) {
            if (identity[0] == null) {
                digital.add(identity[1]);
            } else {
                codes.add(identity[0]);
                numbers.add(identity[1]);
            }
        }
        return connection.preparedQuery(VISIBLE_BY_IDENTITY).execute(Tuple.of(digital.toArray(String[]::new), codes.toArray(String[]::new),
                numbers.toArray(String[]::new), caller.organisationId())).map(found -> {
                    Map<String, Visible> byKey = new HashMap<>();
                    for (Row row : found) {
                        Visible visible = new Visible(row.getLong("id"), row.getLong("organisation_id"), row);
                        // Should the importer see two records of one identity, its own is the one compared.
                        byKey.merge(key(row.getString("invoice_code"), row.getString("invoice_number")), visible,
                                (a, b) -> a.organisationId() == caller.organisationId() ? a : b);
                    }
                    return byKey;
                });
    }

    private ImportResult result() {
        int[] counts = new int[ImportOutcome.values().length];
        List<ImportRowResult> ordered = new ArrayList<>();
        for (ImportRowCheck c : checks) {
            ImportRowResult row = !c.isValid() ? new ImportRowResult(c.index, c.code, c.number, ImportOutcome.REJECTED, null, FieldProblem.of(c.problems), List.of())
                    : Objects.requireNonNull(results.get(c.index), () -> "no outcome for row " + c.index);
            counts[row.outcome().ordinal()]++;
            ordered.add(row);
        }
        return new ImportResult(false, counts[ImportOutcome.CREATED.ordinal()], counts[ImportOutcome.DUPLICATE.ordinal()],
                counts[ImportOutcome.UPDATED.ordinal()], counts[ImportOutcome.CONFLICT.ordinal()], counts[ImportOutcome.REJECTED.ordinal()], ordered);
    }

    private static ImportRowResult outcome(ImportRowCheck c, ImportOutcome outcome, long invoiceId) {
        return new ImportRowResult(c.index, c.code, c.number, outcome, Long.toString(invoiceId), List.of(), List.of());
    }

    private static ImportRowResult conflict(ImportRowCheck c, List<String> differing, List<FieldProblem> problems) {
        return new ImportRowResult(c.index, c.code, c.number, ImportOutcome.CONFLICT, null, problems, differing);
    }

    private static String key(String code, String number) {
        return (code == null ? "" : code) + "/" + number;
    }
}
