package cn.fapiao.invoice;

import cn.fapiao.invoice.api.IssueInvoiceInput;
import cn.fapiao.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Writes an issued digital invoice in one SQL statement: the next number of its prefix, the
 * invoice, its lines and its first history entry; it answers with all of them.
 *
 * <p>Why one statement: numbers are gap-free, so the counter row of a prefix (year + province)
 * stays locked from its increment to the commit, and every issuer of a province waits for it.
 * As one statement, which commits on its own, the lock is held for one execution and the commit,
 * instead of for several round trips through an ORM session; the statement fails or commits
 * as a whole, so a failure never consumes a number. It replaced about eight round trips per
 * issue (benchmark, see bench/RESULTS.md).
 */
@ApplicationScoped
class IssuedInvoiceWriter {

    private static final String SELLER = "select uscc, name, region_code from organisation where id = $1";
    private static final String BY_IDEMPOTENCY_KEY = "select " + InvoiceRows.COLUMNS
            + " from invoice i where i.organisation_id = $1 and i.idempotency_key = $2";
    private static final String ISSUE = "with next_number as (" + InvoiceNumbering.nextSequenceSql("$1") + "),\n" + """
            issued as (
                insert into invoice as i (generation, invoice_number, type_code, issue_date,
                    seller_org_id, seller_tax_id, seller_name, seller_address_phone, seller_bank_account,
                    buyer_org_id, buyer_tax_id, buyer_name, buyer_address_phone, buyer_bank_account,
                    amount, tax, total, status, direction, remaining_amount, source, remark, organisation_id, idempotency_key)
                select 'DIGITAL',\s""" + InvoiceNumbering.numberSql("$1", "n.last_value") + """
                , $2, $3,
                    $4, $5, $6, $7, $8,
                    (select o.id from organisation o where o.uscc = $9), $9, $10, $11, $12,
                    $13, $14, $15, 'NORMAL', 'BLUE', $13, 'ISSUED', $16, $4, $17
                from next_number n
                returning\s""" + InvoiceRows.COLUMNS + """
            ),
            lines as (
                insert into invoice_line (invoice_id, line_no, item_name, specification, unit, quantity, unit_price,
                    amount, tax_rate, tax_treatment, tax, remaining_amount)
                select i.id, l.line_no, l.item_name, l.specification, l.unit, l.quantity::numeric, l.unit_price::numeric,
                    l.amount::numeric, l.tax_rate::numeric, l.tax_treatment, l.tax::numeric, l.amount::numeric
                from issued i, unnest($18::smallint[], $19::text[], $20::text[], $21::text[], $22::text[], $23::text[],
                    $24::text[], $25::text[], $26::text[], $27::text[])
                    as l(line_no, item_name, specification, unit, quantity, unit_price, amount, tax_rate, tax_treatment, tax)
                returning *),
            history as (
                insert into invoice_status_history (invoice_id, from_status, to_status, changed_by, reason)
                select i.id, null, 'NORMAL', $28, 'issued' from issued i
                returning *)
            """
            // The answer: the invoice with its lines and history as written (InvoiceRows reads them).
            // The change is announced after the commit (InvoiceChangeNotifier), not from here: a NOTIFY
            // inside this transaction takes PostgreSQL's notification lock at commit while the prefix
            // is still held, and issuing fell from 826 to 752 invoices/s in the benchmark.
            + "select i.*, (select json_agg(" + InvoiceRows.Json.LINE + " order by l.line_no) from lines l),\n"
            + "    (select json_agg(" + InvoiceRows.Json.CHANGE + ") from history h)\n"
            + "from issued i";

    private final Pool pool;
    private final InvoiceRows rows;

    IssuedInvoiceWriter(Pool pool, InvoiceRows rows) {
        this.pool = pool;
        this.rows = rows;
    }

    /** The invoice the caller's organisation issued earlier with this idempotency key, or null. */
    Uni<StoredInvoice> byIdempotencyKey(long organisationId, String key) {
        return pool.preparedQuery(BY_IDEMPOTENCY_KEY).execute(Tuple.of(organisationId, key)).map(this::first);
    }

    Uni<StoredInvoice> write(Caller caller, IssueInvoiceInput input, InvoiceDraft draft, String idempotencyKey, LocalDate issueDate) {
        return pool.preparedQuery(SELLER).execute(Tuple.of(caller.organisationId())).chain(found -> {
            Row seller = found.iterator().next();
            String prefix = InvoiceNumbering.prefix(issueDate, seller.getString("region_code"));
            List<InvoiceDraft.Line> lines = draft.lines();
            Tuple values = Tuple.tuple(Arrays.asList(
                    prefix, InvoiceDraft.typeCode(input.kind()), issueDate,
                    caller.organisationId(), seller.getString("uscc"), seller.getString("name"),
                    rows.seal("seller_address_phone", input.sellerAddressPhone()),
                    rows.seal("seller_bank_account", input.sellerBankAccount()),
                    draft.buyerTaxId(), input.buyer().name().strip(),
                    rows.seal("buyer_address_phone", input.buyer().addressPhone()),
                    rows.seal("buyer_bank_account", input.buyer().bankAccount()),
                    draft.totals().amount(), draft.totals().tax(), draft.totals().total(),
                    input.remark(), idempotencyKey,
                    lines.stream().map(l -> (short) l.lineNo()).toArray(Short[]::new),
                    column(lines, l -> l.input().itemName().strip()),
                    column(lines, l -> l.input().specification()),
                    column(lines, l -> l.input().unit()),
                    column(lines, l -> plain(l.quantity())),
                    column(lines, l -> plain(l.unitPrice())),
                    column(lines, l -> plain(l.amount())),
                    column(lines, l -> plain(l.rate())),
                    column(lines, l -> l.treatment().name()),
                    column(lines, l -> plain(l.tax())),
                    caller.username()));
            return pool.preparedQuery(ISSUE).execute(values).map(this::issued);
        });
    }

    /** The issuing statement's one row: the invoice with the lines and history it wrote. */
    private StoredInvoice issued(RowSet<Row> result) {
        return rows.invoiceWithDetails(result.iterator().next());
    }

    private StoredInvoice first(RowSet<Row> result) {
        return result.size() == 0 ? null : rows.invoice(result.iterator().next());
    }

    /** Line amounts travel as arrays of exact decimal text, cast to numeric in SQL. */
    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static String[] column(List<InvoiceDraft.Line> lines, Function<InvoiceDraft.Line, String> value) {
        return lines.stream().map(value).toArray(String[]::new);
    }
}
