package cn.fapiao.invoice;

import cn.fapiao.common.ApiException;
import cn.fapiao.domain.Direction;
import cn.fapiao.domain.InvoiceStatus;
import cn.fapiao.domain.Problem;
import cn.fapiao.invoice.api.ImportInvoicesInput;
import cn.fapiao.invoice.api.ImportOutcome;
import cn.fapiao.invoice.api.ImportResult;
import cn.fapiao.invoice.api.ImportRowResult;
import cn.fapiao.reference.api.FieldProblem;
import cn.fapiao.security.Caller;
import cn.fapiao.security.Role;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static cn.fapiao.common.ErrorCode.IDEMPOTENCY_KEY_REUSED;

/**
 * Imports batches of invoices from partner systems and the tax platform: one transaction on the
 * reactive SQL client per batch (1000 rows through the ORM would be slow), idempotent per key.
 * The batch row is written first, so that a replay, or a concurrent call with the same key
 * (which waits on the key's unique index), returns the stored answer of the first call.
 * Existing invoices are never overwritten: a row with a stored identity is a DUPLICATE or a
 * CONFLICT.
 */
@ApplicationScoped
public class InvoiceImportService {

    static final int MAX_ROWS = 1000;

    private static final String INSERT_BATCH = """
            insert into import_batch (organisation_id, idempotency_key, source, request_hash, outcome)
            values ($1, $2, $3, $4, '{}'::jsonb)
            on conflict (organisation_id, idempotency_key) do nothing returning id""";
    private static final String STORED_BATCH = """
            select request_hash, outcome from import_batch where organisation_id = $1 and idempotency_key = $2""";
    private static final String ORGANISATIONS = "select id, uscc from organisation where uscc = any($1) or id = $2";
    private static final String INSERT_INVOICE = """
            insert into invoice (generation, invoice_code, invoice_number, type_code, issue_date,
                seller_org_id, seller_tax_id, seller_name, seller_address_phone, seller_bank_account,
                buyer_org_id, buyer_tax_id, buyer_name, buyer_address_phone, buyer_bank_account,
                amount, tax, total, check_code, status, direction, original_invoice_id, red_reason,
                remaining_amount, source, source_system, remark, organisation_id)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
                $21, $22, $23, $24, $25, $26, $27, $28)
            on conflict do nothing returning id""";
    /**
     * Stored invoices by identity: the 20-digit number alone, or code + number. Two branches so
     * that each uses its partial unique index; an OR of both made PostgreSQL read every legacy invoice.
     */
    private static final String BY_IDENTITY = """
            select i.id, i.invoice_code, i.invoice_number, i.type_code, i.issue_date, i.amount, i.tax, i.total,
                   i.seller_tax_id, i.buyer_tax_id, i.check_code, i.direction, i.seller_org_id, i.buyer_org_id
            from invoice i
            where i.invoice_code is null and i.invoice_number = any($1)
            union all
            select i.id, i.invoice_code, i.invoice_number, i.type_code, i.issue_date, i.amount, i.tax, i.total,
                   i.seller_tax_id, i.buyer_tax_id, i.check_code, i.direction, i.seller_org_id, i.buyer_org_id
            from invoice i join unnest($2::varchar[], $3::varchar[]) as k(code, number)
              on i.invoice_code = k.code and i.invoice_number = k.number""";
    private static final String INSERT_LINE = """
            insert into invoice_line (invoice_id, line_no, item_name, quantity, unit_price, amount, tax_rate, tax, remaining_amount)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9)""";
    private static final String INSERT_HISTORY = """
            insert into invoice_status_history (invoice_id, from_status, to_status, changed_by, reason)
            values ($1, null, $2, $3, $4)""";
    private static final String TOUCH_SOURCE = """
            insert into import_source (organisation_id, source, last_delivered_at) values ($1, $2, now())
            on conflict (organisation_id, source) do update set last_delivered_at = excluded.last_delivered_at""";
    private static final String STORE_OUTCOME = "update import_batch set outcome = $1 where id = $2";

    /** An invoice written by this batch, to announce after commit. */
    private record Created(long id, String code, String number) {
    }

    private record Answer(ImportResult result, List<Created> created) {
    }

    /** A stored invoice found by identity. */
    private record Stored(long id, Row row) {
    }

    private final Pool pool;
    private final InvoiceRows rows;
    private final InvoiceChangeNotifier changes;

    public InvoiceImportService(Pool pool, InvoiceRows rows, InvoiceChangeNotifier changes) {
        this.pool = pool;
        this.rows = rows;
        this.changes = changes;
    }

    /** Refuses what is wrong with the batch as a whole (before any rate-limit charge or database work). */
    public void checkEnvelope(Caller caller, ImportInvoicesInput input) {
        caller.require(Role.PARTNER);
        List<Problem> problems = new ArrayList<>();
        if (input.idempotencyKey() == null || input.idempotencyKey().isBlank()) {
            problems.add(new Problem("input.idempotencyKey", "REQUIRED", "The idempotency key is required."));
        } else if (input.idempotencyKey().strip().length() > 100) {
            problems.add(new Problem("input.idempotencyKey", "TOO_LONG", "At most 100 characters."));
        }
        if (input.source() == null || input.source().isBlank()) {
            problems.add(new Problem("input.source", "REQUIRED", "Name the sending system, e.g. kingdee-erp."));
        } else if (input.source().strip().length() > 64) {
            problems.add(new Problem("input.source", "TOO_LONG", "At most 64 characters."));
        }
        int count = input.invoices() == null ? 0 : input.invoices().size();
        if (count == 0) {
            problems.add(new Problem("input.invoices", "REQUIRED", "A batch holds 1 to " + MAX_ROWS + " invoices."));
        } else if (count > MAX_ROWS) {
            problems.add(new Problem("input.invoices", "TOO_MANY", "A batch holds at most " + MAX_ROWS + " invoices, got " + count
                    + ": split it into several batches."));
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
    }

    public Uni<ImportResult> importInvoices(Caller caller, ImportInvoicesInput input) {
        checkEnvelope(caller, input);
        String key = input.idempotencyKey().strip();
        String source = input.source().strip();
        String hash = InvoiceImportJson.requestHash(input);
        LocalDate today = LocalDate.now(InvoiceService.BUSINESS_ZONE);
        List<ImportRowCheck> checks = new ArrayList<>();
        for (int i = 0; i < input.invoices().size(); i++) {
            checks.add(ImportRowCheck.of(i, input.invoices().get(i), today));
        }
        String origin = Boolean.TRUE.equals(input.synchronised()) ? InvoiceSource.SYNCHRONISED.name() : InvoiceSource.IMPORTED.name();
        Batch batch = new Batch(caller, key, source, origin, hash, checks);
        return pool.withTransaction(batch::run)
                .call(answer -> announce(answer.created()))
                .map(Answer::result);
    }

    /** After commit: evict caches here and on every replica (a cached "not found" must not survive). */
    private Uni<Void> announce(List<Created> created) {
        if (created.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(created)
                .onItem().transformToUni(c -> changes.changed(c.id(), c.code(), c.number())).merge(4)
                .collect().asList().replaceWithVoid();
    }

    /** One batch inside its transaction. */
    private final class Batch {
        private final Caller caller;
        private final String key;
        private final String source;
        private final String origin;
        private final String hash;
        private final List<ImportRowCheck> checks;
        private final Map<Integer, ImportRowResult> results = new HashMap<>();
        private final Map<String, Long> organisations = new HashMap<>();
        private final List<ImportRowCheck> notInserted = new ArrayList<>();
        private final List<Long> createdIds = new ArrayList<>();
        private final List<ImportRowCheck> createdRows = new ArrayList<>();
        private SqlConnection connection;

        Batch(Caller caller, String key, String source, String origin, String hash, List<ImportRowCheck> checks) {
            this.caller = caller;
            this.key = key;
            this.source = source;
            this.origin = origin;
            this.hash = hash;
            this.checks = checks;
        }

        Uni<Answer> run(SqlConnection connection) {
            this.connection = connection;
            return connection.preparedQuery(INSERT_BATCH).execute(Tuple.of(caller.organisationId(), key, source, hash))
                    .chain(inserted -> inserted.size() == 0 ? replay() : importRows(inserted.iterator().next().getLong("id")));
        }

        private Uni<Answer> replay() {
            return connection.preparedQuery(STORED_BATCH).execute(Tuple.of(caller.organisationId(), key)).map(stored -> {
                Row row = stored.iterator().next();
                if (!hash.equals(row.getString("request_hash"))) {
                    throw new ApiException(IDEMPOTENCY_KEY_REUSED, "The idempotency key '" + key + "' was already used for a different batch;"
                            + " use a new key for new content.", "input.idempotencyKey", List.of(), Map.of());
                }
                return new Answer(InvoiceImportJson.replayed((JsonObject) row.getValue("outcome")), List.of());
            });
        }

        private Uni<Answer> importRows(long batchId) {
            return resolveParties()
                    .chain(() -> insert(checks.stream().filter(c -> c.isValid() && c.direction == Direction.BLUE).toList()))
                    .chain(this::resolveOriginals)
                    .chain(() -> insert(checks.stream().filter(c -> c.isValid() && c.direction == Direction.RED).toList()))
                    .chain(this::classifyExisting)
                    .chain(this::insertLinesAndHistory)
                    .chain(() -> connection.preparedQuery(TOUCH_SOURCE).execute(Tuple.of(caller.organisationId(), source)))
                    .chain(() -> {
                        ImportResult result = result();
                        return connection.preparedQuery(STORE_OUTCOME).execute(Tuple.of(InvoiceImportJson.outcome(result), batchId))
                                .replaceWith(new Answer(result, created()));
                    });
        }

        /** Links parties that are organisations of this system; a row the importer is no party to is rejected. */
        private Uni<Void> resolveParties() {
            Set<String> taxIds = new HashSet<>();
            for (ImportRowCheck c : checks) {
                if (c.isValid()) {
                    taxIds.add(c.seller.taxId());
                    if (c.buyer.taxId() != null) {
                        taxIds.add(c.buyer.taxId());
                    }
                }
            }
            return connection.preparedQuery(ORGANISATIONS).execute(Tuple.of(taxIds.toArray(String[]::new), caller.organisationId()))
                    .invoke(found -> {
                        String importer = null;
                        for (Row row : found) {
                            organisations.put(row.getString("uscc"), row.getLong("id"));
                            if (row.getLong("id").equals(caller.organisationId())) {
                                importer = row.getString("uscc");
                            }
                        }
                        for (ImportRowCheck c : checks) {
                            if (c.isValid() && !Objects.equals(importer, c.seller.taxId()) && !Objects.equals(importer, c.buyer.taxId())) {
                                c.add("", "NOT_A_PARTY", "Your organisation (" + importer + ") is neither the seller nor the buyer of this"
                                        + " invoice: an organisation only holds invoices it is party to.");
                            }
                        }
                    }).replaceWithVoid();
        }

        /** A red invoice needs its blue original, stored (or just imported) and held by the importer. */
        private Uni<Void> resolveOriginals() {
            List<ImportRowCheck> reds = checks.stream().filter(c -> c.isValid() && c.direction == Direction.RED).toList();
            if (reds.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return byIdentity(reds.stream().map(c -> identity(c.originalCode, c.originalNumber)).toList()).invoke(found -> {
                for (ImportRowCheck red : reds) {
                    Stored original = found.get(key(red.originalCode, red.originalNumber));
                    boolean held = original != null && "BLUE".equals(original.row().getString("direction"))
                            && (caller.organisationId().equals(original.row().getLong("seller_org_id"))
                            || caller.organisationId().equals(original.row().getLong("buyer_org_id")));
                    if (held) {
                        red.originalId = original.id();
                    } else {
                        red.add("originalNumber", "ORIGINAL_NOT_FOUND", "Your organisation holds no blue invoice with this "
                                + (red.originalCode == null ? "number" : "code and number") + ": import the original first.");
                    }
                }
            }).replaceWithVoid();
        }

        private Uni<Void> insert(List<ImportRowCheck> rowsToInsert) {
            List<ImportRowCheck> insertable = rowsToInsert.stream().filter(ImportRowCheck::isValid).toList();
            if (insertable.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            List<Tuple> tuples = insertable.stream().map(this::invoiceTuple).toList();
            return connection.preparedQuery(INSERT_INVOICE).executeBatch(tuples).invoke(first -> {
                RowSet<Row> result = first;
                for (ImportRowCheck c : insertable) {
                    if (result.size() > 0) {
                        createdIds.add(result.iterator().next().getLong("id"));
                        createdRows.add(c);
                    } else {
                        notInserted.add(c);
                    }
                    result = result.next();
                }
            }).replaceWithVoid();
        }

        private Tuple invoiceTuple(ImportRowCheck c) {
            boolean consumed = c.direction == Direction.RED || c.status == InvoiceStatus.VOIDED || c.status == InvoiceStatus.RED_FULL;
            return Tuple.from(Arrays.asList(
                    c.isLegacy() ? "LEGACY" : "DIGITAL", c.code, c.number, c.typeCode, c.issueDate,
                    organisations.get(c.seller.taxId()), c.seller.taxId(), c.seller.name(),
                    rows.seal("seller_address_phone", c.seller.addressPhone()), rows.seal("seller_bank_account", c.seller.bankAccount()),
                    c.buyer.taxId() == null ? null : organisations.get(c.buyer.taxId()), c.buyer.taxId(), c.buyer.name(),
                    rows.seal("buyer_address_phone", c.buyer.addressPhone()), rows.seal("buyer_bank_account", c.buyer.bankAccount()),
                    c.amount, c.tax, c.total, c.checkCode, c.status.name(), c.direction.name(), c.originalId,
                    c.redReason == null ? null : c.redReason.shortValue(),
                    consumed ? BigDecimal.ZERO.setScale(2) : c.amount, origin, source, c.remark, caller.organisationId()));
        }

        /** Rows whose identity was already stored: the same content is a DUPLICATE, anything else a CONFLICT. */
        private Uni<Void> classifyExisting() {
            if (notInserted.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return byIdentity(notInserted.stream().map(c -> identity(c.code, c.number)).toList()).invoke(found -> {
                for (ImportRowCheck c : notInserted) {
                    Stored stored = found.get(key(c.code, c.number));
                    if (stored == null) {
                        throw new IllegalStateException("Invoice " + key(c.code, c.number) + " was neither inserted nor found");
                    }
                    List<String> differing = differingFields(c, stored.row());
                    results.put(c.index, new ImportRowResult(c.index, c.code, c.number,
                            differing.isEmpty() ? ImportOutcome.DUPLICATE : ImportOutcome.CONFLICT,
                            differing.isEmpty() ? Long.toString(stored.id()) : null, List.of(), differing));
                }
            }).replaceWithVoid();
        }

        private Uni<Void> insertLinesAndHistory(Void ignored) {
            if (createdIds.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            List<Tuple> lines = new ArrayList<>();
            List<Tuple> history = new ArrayList<>();
            String reason = "imported from " + source;
            for (int i = 0; i < createdIds.size(); i++) {
                long id = createdIds.get(i);
                ImportRowCheck c = createdRows.get(i);
                boolean consumed = c.direction == Direction.RED || c.status == InvoiceStatus.VOIDED || c.status == InvoiceStatus.RED_FULL;
                for (ImportRowCheck.Line l : c.lines) {
                    lines.add(Tuple.from(Arrays.asList(id, (short) l.lineNo(), l.itemName(), l.quantity(), l.unitPrice(), l.amount(),
                            l.rate(), l.tax(), consumed ? BigDecimal.ZERO.setScale(2) : l.amount())));
                }
                history.add(Tuple.of(id, c.status.name(), caller.username(), reason));
            }
            Uni<Void> written = lines.isEmpty() ? Uni.createFrom().voidItem()
                    : connection.preparedQuery(INSERT_LINE).executeBatch(lines).replaceWithVoid();
            return written.chain(() -> connection.preparedQuery(INSERT_HISTORY).executeBatch(history)).replaceWithVoid();
        }

        private Uni<Map<String, Stored>> byIdentity(List<String[]> identities) {
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
            return connection.preparedQuery(BY_IDENTITY)
                    .execute(Tuple.of(digital.toArray(String[]::new), codes.toArray(String[]::new), numbers.toArray(String[]::new)))
                    .map(found -> {
                        Map<String, Stored> byKey = new HashMap<>();
                        for (Row row : found) {
                            byKey.put(key(row.getString("invoice_code"), row.getString("invoice_number")), new Stored(row.getLong("id"), row));
                        }
                        return byKey;
                    });
        }

        private ImportResult result() {
            for (int i = 0; i < createdIds.size(); i++) {
                ImportRowCheck c = createdRows.get(i);
                results.put(c.index, new ImportRowResult(c.index, c.code, c.number, ImportOutcome.CREATED,
                        createdIds.get(i).toString(), List.of(), List.of()));
            }
            int[] counts = new int[ImportOutcome.values().length];
            List<ImportRowResult> ordered = new ArrayList<>();
            for (ImportRowCheck c : checks) {
                ImportRowResult row = c.isValid() ? results.get(c.index)
                        : new ImportRowResult(c.index, c.code, c.number, ImportOutcome.REJECTED, null, FieldProblem.of(c.problems), List.of());
                counts[row.outcome().ordinal()]++;
                ordered.add(row);
            }
            return new ImportResult(false, counts[ImportOutcome.CREATED.ordinal()], counts[ImportOutcome.DUPLICATE.ordinal()],
                    counts[ImportOutcome.CONFLICT.ordinal()], counts[ImportOutcome.REJECTED.ordinal()], ordered);
        }

        private List<Created> created() {
            List<Created> created = new ArrayList<>();
            for (int i = 0; i < createdIds.size(); i++) {
                created.add(new Created(createdIds.get(i), createdRows.get(i).code, createdRows.get(i).number));
            }
            return created;
        }
    }

    /** The content that makes two records of one identity the same invoice; names as in the input. */
    static List<String> differingFields(ImportRowCheck c, Row stored) {
        List<String> differing = new ArrayList<>();
        if (!Objects.equals(c.typeCode, stored.getString("type_code"))) {
            differing.add("typeCode");
        }
        if (!Objects.equals(c.issueDate, stored.getLocalDate("issue_date"))) {
            differing.add("issueDate");
        }
        if (c.amount.compareTo(stored.getBigDecimal("amount")) != 0) {
            differing.add("amount");
        }
        if (c.tax.compareTo(stored.getBigDecimal("tax")) != 0) {
            differing.add("tax");
        }
        if (c.total.compareTo(stored.getBigDecimal("total")) != 0) {
            differing.add("total");
        }
        if (!Objects.equals(c.seller.taxId(), stored.getString("seller_tax_id"))) {
            differing.add("seller.taxId");
        }
        if (!Objects.equals(c.buyer.taxId(), stored.getString("buyer_tax_id"))) {
            differing.add("buyer.taxId");
        }
        if (!Objects.equals(c.checkCode, stored.getString("check_code"))) {
            differing.add("checkCode");
        }
        return differing;
    }

    private static String[] identity(String code, String number) {
        return new String[] {code, number};
    }

    private static String key(String code, String number) {
        return (code == null ? "" : code) + "/" + number;
    }
}
