package cn.fapiao.invoice;

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

    private static final Lookup BY_ID = new Lookup(" from invoice i where i.id = $1");
    /** Every record of an identity, most authoritative first (see RecordsOfNumber). */
    private static final String AUTHORITY = " order by i.source <> 'ISSUED', i.source <> 'SYNCHRONISED', i.id";
    private static final Lookup BY_DIGITAL_NUMBER = new Lookup(" from invoice i where i.invoice_code is null and i.invoice_number = $1" + AUTHORITY);
    private static final Lookup BY_LEGACY_IDENTITY = new Lookup(" from invoice i where i.invoice_code = $1 and i.invoice_number = $2" + AUTHORITY);
    private static final String DETAILS = "select i.id, " + InvoiceRows.DETAIL_COLUMNS + " from unnest($1::bigint[]) as i(id)";

    // Candidate identities are looked up through the unique identity indexes (= any / join on unnest), never by scanning.
    private static final String VISIBLE_DIGITAL_AMONG = "select " + InvoiceRows.COLUMNS + """
             from invoice i where i.invoice_code is null and i.invoice_number = any($1)
            and (i.seller_org_id = $2 or i.buyer_org_id = $2) limit 50""";
    private static final String VISIBLE_LEGACY_AMONG = "select " + InvoiceRows.COLUMNS + """
             from invoice i join unnest($1::varchar[], $2::varchar[]) as c(code, number)
              on i.invoice_code = c.code and i.invoice_number = c.number
            where (i.seller_org_id = $3 or i.buyer_org_id = $3) limit 50""";

    private static final String BY_IDEMPOTENCY_KEY = "select " + InvoiceRows.COLUMNS
            + ", i.request_hash from invoice i where i.organisation_id = $1 and i.idempotency_key = $2";

    /** An invoice an idempotency key produced, with the hash of the request that produced it (IdempotencyKeys). */
    record Keyed(StoredInvoice invoice, String requestHash) {
    }

    private final Pool pool;
    private final InvoiceRows rows;

    public InvoiceQueries(Pool pool, InvoiceRows rows) {
        this.pool = pool;
        this.rows = rows;
    }

    public Uni<StoredInvoice> byId(long id) {
        return byId(id, false);
    }

    /** withDetails: with its lines and history, in the same statement (one round trip for a whole lookup). */
    public Uni<StoredInvoice> byId(long id, boolean withDetails) {
        return pool.preparedQuery(BY_ID.sql(withDetails)).execute(Tuple.of(id)).map(result -> first(result, withDetails));
    }

    /** By number alone (digital) or by code and number (legacy): every record of that identity. */
    public Uni<RecordsOfNumber> byNumber(String code, String number) {
        return byNumber(code, number, false);
    }

    public Uni<RecordsOfNumber> byNumber(String code, String number, boolean withDetails) {
        return (code == null
                ? pool.preparedQuery(BY_DIGITAL_NUMBER.sql(withDetails)).execute(Tuple.of(number))
                : pool.preparedQuery(BY_LEGACY_IDENTITY.sql(withDetails)).execute(Tuple.of(code, number)))
                .map(result -> {
                    if (result.size() == 0) {
                        return RecordsOfNumber.NONE;
                    }
                    List<StoredInvoice> records = new ArrayList<>(result.size());
                    for (Row row : result) {
                        records.add(withDetails ? rows.invoiceWithDetails(row) : rows.invoice(row));
                    }
                    return new RecordsOfNumber(records);
                });
    }

    /** The invoice the organisation wrote earlier with this idempotency key (issued or reversed), or null. */
    Uni<Keyed> byIdempotencyKey(long organisationId, String key) {
        return pool.preparedQuery(BY_IDEMPOTENCY_KEY).execute(Tuple.of(organisationId, key)).map(result -> {
            if (result.size() == 0) {
                return null;
            }
            Row row = result.iterator().next();
            return new Keyed(rows.invoice(row), row.getString("request_hash"));
        });
    }

    /** One single-invoice lookup as two statements: the row alone, or the row with its lines and history. */
    private record Lookup(String plain, String withDetails) {

        Lookup(String fromWhere) {
            this("select " + InvoiceRows.COLUMNS + fromWhere, "select " + InvoiceRows.COLUMNS + ", " + InvoiceRows.DETAIL_COLUMNS + fromWhere);
        }

        String sql(boolean details) {
            return details ? withDetails : plain;
        }
    }

    /** Digital invoices with one of these numbers that the organisation issued or received. */
    public Uni<List<StoredInvoice>> visibleDigitalAmong(List<String> numbers, long organisationId) {
        return pool.preparedQuery(VISIBLE_DIGITAL_AMONG).execute(Tuple.of(numbers.toArray(String[]::new), organisationId))
                .map(this::all);
    }

    /** Legacy invoices with one of these (code, number) pairs that the organisation issued or received. */
    public Uni<List<StoredInvoice>> visibleLegacyAmong(List<String> codes, List<String> numbers, long organisationId) {
        return pool.preparedQuery(VISIBLE_LEGACY_AMONG)
                .execute(Tuple.of(codes.toArray(String[]::new), numbers.toArray(String[]::new), organisationId))
                .map(this::all);
    }

    /** Lines and history of several invoices in one statement (a whole page at once, see InvoiceDetails). */
    public Uni<Map<Long, LinesAndHistory>> detailsOf(List<Long> invoiceIds) {
        return pool.preparedQuery(DETAILS).execute(Tuple.of(invoiceIds.toArray(Long[]::new))).map(result -> {
            Map<Long, LinesAndHistory> details = new HashMap<>();
            for (Row row : result) {
                details.put(row.getLong(0), InvoiceRows.details(row, 1));
            }
            return details;
        });
    }

    private StoredInvoice first(io.vertx.mutiny.sqlclient.RowSet<Row> result, boolean withDetails) {
        if (result.size() == 0) {
            return null;
        }
        Row row = result.iterator().next();
        return withDetails ? rows.invoiceWithDetails(row) : rows.invoice(row);
    }

    private List<StoredInvoice> all(io.vertx.mutiny.sqlclient.RowSet<Row> result) {
        List<StoredInvoice> found = new ArrayList<>();
        for (Row row : result) {
            found.add(rows.invoice(row));
        }
        return found;
    }

}
