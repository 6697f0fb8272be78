package cn.fapiao.invoice;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The one place that knows the columns an invoice, its lines and its history are inserted with.
 * Issuing, red reversal and import all write through these statements and {@link NewInvoice}, so
 * adding a column touches this class and {@link NewInvoice} only.
 *
 * <p>Statements are built for the Vert.x SQL client (positional {@code $n} parameters). Lines and
 * history travel as arrays and are inserted with {@code unnest}: one statement for a whole invoice
 * or batch, whatever its number of lines. Decimals travel as exact text and are cast in SQL.
 */
final class InvoiceInserts {

    private static final List<String> INVOICE_COLUMNS = List.of(
            "generation", "invoice_code", "invoice_number", "type_code", "issue_date",
            "seller_org_id", "seller_tax_id", "seller_name", "seller_address_phone", "seller_bank_account",
            "buyer_org_id", "buyer_tax_id", "buyer_name", "buyer_address_phone", "buyer_bank_account",
            "amount", "tax", "total", "check_code", "status", "direction", "original_invoice_id", "red_reason",
            "red_confirmation_number", "remaining_amount", "remaining_tax", "source", "source_system", "remark",
            "organisation_id", "idempotency_key", "request_hash");
    /** Parameters of {@link #invoice}: one per column, in {@link #INVOICE_COLUMNS} order. */
    static final int INVOICE_PARAMETERS = INVOICE_COLUMNS.size();
    private static final int NUMBER = INVOICE_COLUMNS.indexOf("invoice_number");

    /** Line columns after invoice_id, with the SQL that reads each from the unnested arrays aliased {@code l}. */
    private static final List<String[]> LINE_COLUMNS = List.of(
            new String[] {"line_no", "smallint", "l.line_no"},
            new String[] {"item_name", "text", "l.item_name"},
            new String[] {"specification", "text", "l.specification"},
            new String[] {"unit", "text", "l.unit"},
            new String[] {"quantity", "text", "l.quantity::numeric"},
            new String[] {"unit_price", "text", "l.unit_price::numeric"},
            new String[] {"amount", "text", "l.amount::numeric"},
            new String[] {"tax_rate", "text", "l.tax_rate::numeric"},
            new String[] {"tax_treatment", "text", "l.tax_treatment"},
            new String[] {"tax", "text", "l.tax::numeric"},
            new String[] {"remaining_amount", "text", "l.remaining_amount::numeric"},
            new String[] {"remaining_tax", "text", "l.remaining_tax::numeric"},
            new String[] {"original_line_id", "bigint", "l.original_line_id"});
    /** Parameters of {@link #linesOf}: one array per line column. */
    static final int LINE_PARAMETERS = LINE_COLUMNS.size();

    /** Lines of several invoices: the invoice ids are the first array ($1), then the line arrays. */
    static final String LINES = "insert into invoice_line (invoice_id, " + lineColumnNames() + ")\nselect l.invoice_id, " + lineValues()
            + "\nfrom " + unnest(2, true);

    /** The first status of several new invoices (and changes of existing ones), as arrays. */
    static final String HISTORY = """
            insert into invoice_status_history (invoice_id, from_status, to_status, changed_by, reason)
            select * from unnest($1::bigint[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[])""";

    private InvoiceInserts() {
    }

    /**
     * {@code insert into invoice as i (...) select $1, ..., $n [from ...] <tail>}.
     *
     * @param number the SQL of the number column: {@code null} for the given parameter, or an
     *               expression over {@code from} (issuing computes the next number of a prefix there)
     * @param from   a FROM clause for the select, or empty
     * @param tail   what follows: {@code on conflict ...}, {@code returning ...}
     */
    static String invoice(String number, String from, String tail) {
        String values = IntStream.range(0, INVOICE_PARAMETERS)
                .mapToObj(i -> i == NUMBER && number != null ? number : "$" + (i + 1))
                .collect(Collectors.joining(", "));
        return "insert into invoice as i (" + String.join(", ", INVOICE_COLUMNS) + ")\nselect " + values
                + (from.isEmpty() ? "" : "\nfrom " + from) + "\n" + tail;
    }

    /** The values of {@link #invoice}, in order; {@code number} stands in the number's place. */
    static List<Object> values(NewInvoice in, Object number) {
        return new ArrayList<>(Arrays.asList(
                in.generation().name(), in.code(), number, in.typeCode(), in.issueDate(),
                in.seller().organisationId(), in.seller().taxId(), in.seller().name(), in.seller().sealedAddressPhone(), in.seller().sealedBankAccount(),
                in.buyer().organisationId(), in.buyer().taxId(), in.buyer().name(), in.buyer().sealedAddressPhone(), in.buyer().sealedBankAccount(),
                in.amount(), in.tax(), in.total(), in.checkCode(), in.status().name(), in.direction().name(), in.originalInvoiceId(),
                in.redReason() == null ? null : in.redReason().shortValue(), in.redConfirmationNumber(),
                in.remainingAmount(), in.remainingTax(), in.source().name(), in.sourceSystem(), in.remark(),
                in.organisationId(), in.idempotencyKey(), in.requestHash()));
    }

    /**
     * Lines of one invoice inserted in the same statement as it: {@code invoiceId} is an expression
     * over {@code from} (e.g. {@code i.id} of the inserting CTE), the arrays start at parameter
     * {@code first}.
     */
    static String linesOf(String invoiceId, String from, int first) {
        return "insert into invoice_line (invoice_id, " + lineColumnNames() + ")\nselect " + invoiceId + ", " + lineValues()
                + "\nfrom " + from + ", " + unnest(first, false);
    }

    /** The arrays of {@link #linesOf}, or of {@link #LINES} after the invoice ids. */
    static List<Object> lineArrays(List<NewInvoice.Line> lines) {
        return List.of(
                lines.stream().map(l -> (short) l.lineNo()).toArray(Short[]::new),
                text(lines, NewInvoice.Line::itemName),
                text(lines, NewInvoice.Line::specification),
                text(lines, NewInvoice.Line::unit),
                text(lines, l -> plain(l.quantity())),
                text(lines, l -> plain(l.unitPrice())),
                text(lines, l -> plain(l.amount())),
                text(lines, l -> plain(l.rate())),
                text(lines, l -> l.treatment().name()),
                text(lines, l -> plain(l.tax())),
                text(lines, l -> plain(l.remainingAmount())),
                text(lines, l -> plain(l.remainingTax())),
                lines.stream().map(NewInvoice.Line::originalLineId).toArray(Long[]::new));
    }

    private static String lineColumnNames() {
        return LINE_COLUMNS.stream().map(c -> c[0]).collect(Collectors.joining(", "));
    }

    private static String lineValues() {
        return LINE_COLUMNS.stream().map(c -> c[2]).collect(Collectors.joining(", "));
    }

    private static String unnest(int first, boolean withInvoiceIds) {
        List<String> arrays = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int parameter = first;
        if (withInvoiceIds) {
            arrays.add("$1::bigint[]");
            names.add("invoice_id");
        }
        for (String[] column : LINE_COLUMNS) {
            arrays.add("$" + parameter++ + "::" + column[1] + "[]");
            names.add(column[0]);
        }
        return "unnest(" + String.join(", ", arrays) + ") as l(" + String.join(", ", names) + ")";
    }

    private static String[] text(List<NewInvoice.Line> lines, Function<NewInvoice.Line, String> value) {
        return lines.stream().map(value).toArray(String[]::new);
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
