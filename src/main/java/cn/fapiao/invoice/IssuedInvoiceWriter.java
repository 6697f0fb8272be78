package cn.fapiao.invoice;

import cn.fapiao.invoice.api.IssueInvoiceInput;
import cn.fapiao.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import cn.fapiao.domain.Direction;
import cn.fapiao.domain.Generation;
import cn.fapiao.domain.InvoiceStatus;

import java.time.LocalDate;
import java.util.List;

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

    private static final String SELLER = """
            select uscc, name, region_code, (select b.id from organisation b where b.uscc = $2) as buyer_id
            from organisation where id = $1""";
    /** Parameters after the invoice's: the line arrays, then who issued it. */
    private static final int FIRST_LINE_PARAMETER = InvoiceInserts.INVOICE_PARAMETERS + 1;
    private static final int ISSUED_BY = FIRST_LINE_PARAMETER + InvoiceInserts.LINE_PARAMETERS;
    /** The number parameter carries the prefix; the number itself is the prefix's next in the statement. */
    private static final String ISSUE = "with next_number as (" + InvoiceNumbering.nextSequenceSql("$3") + "),\n"
            + "issued as (\n" + InvoiceInserts.invoice(InvoiceNumbering.numberSql("$3", "n.last_value"), "next_number n",
                    "returning " + InvoiceRows.COLUMNS) + "),\n"
            + "lines as (\n" + InvoiceInserts.linesOf("i.id", "issued i", FIRST_LINE_PARAMETER) + "\nreturning *),\n"
            + "history as (\ninsert into invoice_status_history (invoice_id, from_status, to_status, changed_by, reason)\n"
            + "select i.id, null, 'NORMAL', $" + ISSUED_BY + ", 'issued' from issued i\nreturning *)\n"
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

    Uni<StoredInvoice> write(Caller caller, IssueInvoiceInput input, InvoiceDraft draft, String idempotencyKey, String requestHash,
                             LocalDate issueDate) {
        return pool.preparedQuery(SELLER).execute(Tuple.of(caller.organisationId(), draft.buyerTaxId())).chain(found -> {
            Row seller = found.iterator().next();
            String prefix = InvoiceNumbering.prefix(issueDate, seller.getString("region_code"));
            NewInvoice invoice = new NewInvoice(Generation.DIGITAL, null, null, InvoiceDraft.typeCode(input.kind()), issueDate,
                    new NewInvoice.Party(caller.organisationId(), seller.getString("uscc"), seller.getString("name"),
                            rows.seal("seller_address_phone", input.sellerAddressPhone()),
                            rows.seal("seller_bank_account", input.sellerBankAccount())),
                    new NewInvoice.Party(seller.getLong("buyer_id"), draft.buyerTaxId(), input.buyer().name().strip(),
                            rows.seal("buyer_address_phone", input.buyer().addressPhone()),
                            rows.seal("buyer_bank_account", input.buyer().bankAccount())),
                    draft.totals().amount(), draft.totals().tax(), draft.totals().total(), null,
                    InvoiceStatus.NORMAL, Direction.BLUE, null, null, null,
                    draft.totals().amount(), draft.totals().tax(), InvoiceSource.ISSUED, null, input.remark(),
                    caller.organisationId(), idempotencyKey, requestHash,
                    draft.lines().stream().map(l -> new NewInvoice.Line(l.lineNo(), l.input().itemName().strip(),
                            l.input().specification(), l.input().unit(), l.quantity(), l.unitPrice(), l.amount(), l.rate(),
                            l.treatment(), l.tax(), l.amount(), l.tax(), null)).toList());
            List<Object> values = InvoiceInserts.values(invoice, prefix);
            values.addAll(InvoiceInserts.lineArrays(invoice.lines()));
            values.add(caller.username());
            return pool.preparedQuery(ISSUE).execute(Tuple.from(values)).map(this::issued);
        });
    }

    /** The issuing statement's one row: the invoice with the lines and history it wrote. */
    private StoredInvoice issued(RowSet<Row> result) {
        return rows.invoiceWithDetails(result.iterator().next());
    }
}
