package cn.fapiao.export.register;

import cn.fapiao.invoice.api.InvoiceFilter;

/**
 * The SQL of the invoice register: one row per invoice line (an invoice without lines gives one
 * row with its own amounts), in issue order (date, invoice, line). The organisation is $1, the
 * period $2..$3.
 *
 * <p>Each side (sold, bought) walks its own (organisation, issue_date, id) index in order and the
 * two are merged, as the invoice list does (see InvoiceSearch), so that the first rows come
 * without sorting the period first: a cursor's plan favours the first rows, and the lines of each
 * invoice come sorted from the (invoice_id, line_no) index. The buyer side alone keeps invoices
 * the organisation sold to itself; next to the seller side it leaves them to it.
 */
final class RegisterQuery {

    /** Marks the statement in pg_stat_activity (the test of a cancelled download looks for it). */
    static final String MARKER = "/* invoice-register */ ";
    private static final String INVOICE_COLUMNS = "i.id, i.invoice_code, i.invoice_number, i.type_code, i.issue_date, i.status, "
            + "i.direction, i.seller_tax_id, i.seller_name, i.buyer_tax_id, i.buyer_name, i.seller_org_id, i.amount, i.tax, i.remark";
    private static final String PERIOD = " and i.issue_date between $2 and $3";
    private static final String SOLD = "(select " + INVOICE_COLUMNS + " from invoice i where i.seller_org_id = $1" + PERIOD + ")";
    private static final String BOUGHT = "(select " + INVOICE_COLUMNS + " from invoice i where i.buyer_org_id = $1" + PERIOD + ")";
    private static final String BOUGHT_FROM_OTHERS = "(select " + INVOICE_COLUMNS
            + " from invoice i where i.buyer_org_id = $1 and i.seller_org_id is distinct from $1" + PERIOD + ")";

    private RegisterQuery() {
    }

    static String sql(InvoiceFilter.Role side) {
        String invoices = side == InvoiceFilter.Role.SELLER ? SOLD
                : side == InvoiceFilter.Role.BUYER ? BOUGHT
                : SOLD + " union all " + BOUGHT_FROM_OTHERS;
        return MARKER + "select i.invoice_code, i.invoice_number, i.type_code, i.issue_date, i.seller_org_id = $1 as sold, i.status, "
                + "i.direction, i.seller_tax_id, i.seller_name, i.buyer_tax_id, i.buyer_name, l.line_no, l.item_name, l.specification, "
                + "l.unit, l.quantity, l.unit_price, coalesce(l.amount, i.amount) as amount, l.tax_rate, coalesce(l.tax, i.tax) as tax, i.remark "
                + "from (" + invoices + ") i left join invoice_line l on l.invoice_id = i.id "
                + "order by i.issue_date, i.id, l.line_no";
    }
}
