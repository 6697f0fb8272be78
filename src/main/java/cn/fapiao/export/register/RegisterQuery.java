package cn.fapiao.export.register;

import cn.fapiao.invoice.api.InvoiceFilter;

import java.util.List;

/**
 * The SQL of the invoice register: one row per invoice line (an invoice without lines gives one
 * row with its own amounts), the organisation $1, the period $2..$3. Both sides are two
 * statements run one after the other in the same transaction: first what the organisation sold,
 * then what it bought from others, each in issue order (date, invoice, line).
 *
 * <p>Why two statements and not one {@code union all} in date order: PostgreSQL sorted the merged
 * sides as a whole before the first row came (an external sort of 100,000 lines, 1.5 s before the
 * first byte in bench/run.sh registerExport), where each side alone walks its (organisation,
 * issue_date, id) index backwards, joins each invoice's lines from the (invoice_id, line_no) index
 * and needs only an incremental sort of each invoice's few lines: rows flow at once. The buyer side
 * next to the seller side leaves out invoices the organisation sold to itself (already listed).
 */
final class RegisterQuery {

    /** Marks the statements in pg_stat_activity (the tests of cancelled downloads look for it). */
    static final String MARKER = "/* invoice-register */ ";
    private static final String SELECT = MARKER + "select i.invoice_code, i.invoice_number, i.type_code, i.issue_date, "
            + "i.seller_org_id = $1 as sold, i.status, i.direction, i.seller_tax_id, i.seller_name, i.buyer_tax_id, i.buyer_name, "
            + "l.line_no, l.item_name, l.specification, l.unit, l.quantity, l.unit_price, coalesce(l.amount, i.amount) as amount, "
            + "l.tax_rate, coalesce(l.tax, i.tax) as tax, i.remark from invoice i left join invoice_line l on l.invoice_id = i.id where ";
    private static final String PERIOD_IN_ORDER = " and i.issue_date between $2 and $3 order by i.issue_date, i.id, l.line_no";
    static final String SOLD = SELECT + "i.seller_org_id = $1" + PERIOD_IN_ORDER;
    static final String BOUGHT = SELECT + "i.buyer_org_id = $1" + PERIOD_IN_ORDER;
    static final String BOUGHT_FROM_OTHERS = SELECT + "i.buyer_org_id = $1 and i.seller_org_id is distinct from $1" + PERIOD_IN_ORDER;

    private RegisterQuery() {
    }

    /** The statements whose rows, one after the other, make the register of a side (both when null). */
    static List<String> statements(InvoiceFilter.Role side) {
        return side == InvoiceFilter.Role.SELLER ? List.of(SOLD)
                : side == InvoiceFilter.Role.BUYER ? List.of(BOUGHT)
                : List.of(SOLD, BOUGHT_FROM_OTHERS);
    }
}
