package cn.fapiao.invoice;

import cn.fapiao.common.ApiException;
import cn.fapiao.domain.Problem;
import cn.fapiao.invoice.api.ImportInvoicesInput;
import cn.fapiao.invoice.api.ImportResult;
import cn.fapiao.security.Caller;
import cn.fapiao.security.Role;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;


/**
 * Imports batches of invoices from partner systems and the tax platform: one transaction on the
 * reactive SQL client per batch (1000 rows through the ORM would be slow), idempotent per key.
 * The batch row is written first, so that a replay, or a concurrent call with the same key
 * (which waits on the key's unique index), returns the stored answer of the first call.
 * Rows are the importer's records; {@link ImportBatch} says how they meet stored ones.
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
    private static final String TOUCH_SOURCE = """
            insert into import_source (organisation_id, source, last_delivered_at) values ($1, $2, now())
            on conflict (organisation_id, source) do update set last_delivered_at = excluded.last_delivered_at""";
    private static final String STORE_OUTCOME = "update import_batch set outcome = $1 where id = $2";

    private record Answer(ImportResult result, List<ImportBatch.Changed> changed) {
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
        InvoiceSource origin = Boolean.TRUE.equals(input.synchronised()) ? InvoiceSource.SYNCHRONISED : InvoiceSource.IMPORTED;
        return pool.withTransaction(connection -> connection.preparedQuery(INSERT_BATCH).execute(Tuple.of(caller.organisationId(), key, source, hash))
                        .chain(inserted -> inserted.size() == 0 ? replay(connection, caller, key, hash)
                                : importRows(connection, inserted.iterator().next().getLong("id"), new ImportBatch(caller, source, origin, checks, rows, connection))))
                .call(answer -> announce(answer.changed()))
                .map(Answer::result);
    }

    /** The stored answer of the first call with this key, when the request is the same. */
    private Uni<Answer> replay(SqlConnection connection, Caller caller, String key, String hash) {
        return connection.preparedQuery(STORED_BATCH).execute(Tuple.of(caller.organisationId(), key)).map(stored -> {
            Row row = stored.iterator().next();
            if (!hash.equals(row.getString("request_hash"))) {
                throw IdempotencyKeys.reused(key, "input.idempotencyKey");
            }
            return new Answer(InvoiceImportJson.replayed((JsonObject) row.getValue("outcome")), List.of());
        });
    }

    private Uni<Answer> importRows(SqlConnection connection, long batchId, ImportBatch batch) {
        return batch.run()
                .call(() -> connection.preparedQuery(TOUCH_SOURCE).execute(Tuple.of(batch.callerOrganisationId(), batch.source())))
                .chain(result -> connection.preparedQuery(STORE_OUTCOME).execute(Tuple.of(InvoiceImportJson.outcome(result), batchId))
                        .replaceWith(new Answer(result, batch.changed())));
    }

    /** After commit: evict caches here and on every replica (a cached "not found" must not survive). */
    private Uni<Void> announce(List<ImportBatch.Changed> changed) {
        if (changed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(changed)
                .onItem().transformToUni(c -> changes.changed(c.id(), c.code(), c.number())).merge(4)
                .collect().asList().replaceWithVoid();
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
}
