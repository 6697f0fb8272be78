package cn.fapiao.invoice;

import cn.fapiao.invoice.api.InvoiceLineView;
import cn.fapiao.invoice.api.StatusChangeView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads of invoices on the reactive SQL client: the hot lookup paths, without an ORM session
 * (so parallel fields never share one). Visibility is decided by the caller of these methods
 * ({@link InvoiceService}); nothing here is exposed to resolvers directly.
 */
@ApplicationScoped
public class InvoiceQueries {

    private static final String BY_ID = "select " + InvoiceRows.COLUMNS + " from invoice i where i.id = $1";
    private static final String BY_DIGITAL_NUMBER = "select " + InvoiceRows.COLUMNS
            + " from invoice i where i.invoice_code is null and i.invoice_number = $1";
    private static final String BY_LEGACY_IDENTITY = "select " + InvoiceRows.COLUMNS
            + " from invoice i where i.invoice_code = $1 and i.invoice_number = $2";
    private static final String LINES = "select " + InvoiceRows.LINE_COLUMNS
            + " from invoice_line l where l.invoice_id = any($1) order by l.invoice_id, l.line_no";
    private static final String HISTORY = """
            select h.invoice_id, h.from_status, h.to_status, h.changed_at, h.changed_by, h.reason
            from invoice_status_history h where h.invoice_id = any($1) order by h.invoice_id, h.changed_at, h.id""";

    private final Pool pool;
    private final InvoiceRows rows;

    public InvoiceQueries(Pool pool, InvoiceRows rows) {
        this.pool = pool;
        this.rows = rows;
    }

    public Uni<StoredInvoice> byId(long id) {
        return pool.preparedQuery(BY_ID).execute(Tuple.of(id)).map(this::first);
    }

    /** By number alone (digital) or by code and number (legacy). */
    public Uni<StoredInvoice> byNumber(String code, String number) {
        return code == null
                ? pool.preparedQuery(BY_DIGITAL_NUMBER).execute(Tuple.of(number)).map(this::first)
                : pool.preparedQuery(BY_LEGACY_IDENTITY).execute(Tuple.of(code, number)).map(this::first);
    }

    /** Lines of several invoices in one query (batched field resolvers). */
    public Uni<Map<Long, List<InvoiceLineView>>> linesOf(List<Long> invoiceIds) {
        return pool.preparedQuery(LINES).execute(Tuple.of(invoiceIds.toArray(Long[]::new)))
                .map(result -> group(result, InvoiceRows::line));
    }

    public Uni<Map<Long, List<StatusChangeView>>> historyOf(List<Long> invoiceIds) {
        return pool.preparedQuery(HISTORY).execute(Tuple.of(invoiceIds.toArray(Long[]::new)))
                .map(result -> group(result, InvoiceRows::statusChange));
    }

    private StoredInvoice first(io.vertx.mutiny.sqlclient.RowSet<Row> result) {
        return result.size() == 0 ? null : rows.invoice(result.iterator().next());
    }

    private static <T> Map<Long, List<T>> group(Iterable<Row> result, java.util.function.Function<Row, T> mapper) {
        Map<Long, List<T>> grouped = new HashMap<>();
        for (Row row : result) {
            grouped.computeIfAbsent(row.getLong("invoice_id"), k -> new ArrayList<>()).add(mapper.apply(row));
        }
        return grouped;
    }
}
