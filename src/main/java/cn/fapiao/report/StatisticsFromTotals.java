package cn.fapiao.report;

import cn.fapiao.domain.ReportPeriod;
import cn.fapiao.invoice.InvoiceFilterSql;
import cn.fapiao.invoice.api.InvoiceFilter;
import cn.fapiao.report.api.StatisticsGrouping;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Invoice statistics from the running totals per organisation, side and day (V57:
 * {@code invoice_day_totals}, and {@code invoice_rate_day_totals} by tax rate) instead of the
 * invoices and their lines: a year of the large taxpayer adds up a few thousand rows instead of
 * joining ~80,000 invoices to ~160,000 lines (bench scenario statisticsYearNoCache). It answers
 * when every grouping and every filter condition is a column of the totals; otherwise
 * ({@link #answers} false: by seller or buyer, names, tax IDs, amounts) {@link StatisticsQuery}
 * reads the invoices. Both give the same rows in the same shape and order, which the report
 * tests check against plain SQL over the invoices.
 */
final class StatisticsFromTotals {

    private static final Set<StatisticsGrouping> COLUMNS_OF_TOTALS = EnumSet.of(StatisticsGrouping.STATUS, StatisticsGrouping.TYPE,
            StatisticsGrouping.TAX_RATE, StatisticsGrouping.MONTH, StatisticsGrouping.DIRECTION, StatisticsGrouping.SOURCE, StatisticsGrouping.ROLE);

    // The totals are aliased `i` so that the invoice list's filter conditions (InvoiceFilterSql), on
    // columns the totals share with invoice (status, type_code, direction, issue_date, source), apply as they are.
    private static final Map<StatisticsGrouping, String> COLUMN = new EnumMap<>(Map.of(
            StatisticsGrouping.STATUS, "i.status",
            StatisticsGrouping.TYPE, "i.type_code",
            StatisticsGrouping.TAX_RATE, "nullif(i.tax_rate, -1)",
            StatisticsGrouping.MONTH, "to_char(i.issue_date, 'YYYY-MM')",
            StatisticsGrouping.DIRECTION, "i.direction",
            StatisticsGrouping.SOURCE, "i.source",
            StatisticsGrouping.ROLE, "i.side"));

    private StatisticsFromTotals() {
    }

    /** Whether the totals hold every value the request groups or filters by. */
    static boolean answers(InvoiceFilter filter, List<StatisticsGrouping> groupBy) {
        if (!COLUMNS_OF_TOTALS.containsAll(groupBy)) {
            return false;
        }
        return filter == null || (filter.sellerTaxId() == null && filter.buyerTaxId() == null && filter.sellerNameContains() == null
                && filter.buyerNameContains() == null && filter.amountMin() == null && filter.amountMax() == null);
    }

    static StatisticsQuery.Statement of(InvoiceFilter filter, InvoiceFilterSql.Where where, ReportPeriod period, List<StatisticsGrouping> groupBy) {
        List<Object> params = new ArrayList<>(where.params());
        params.add(period.from());
        params.add(period.to());
        InvoiceFilter.Role role = filter == null ? null : filter.role();
        // As the invoice list: one side alone keeps all its invoices; both sides leave those the organisation issued to itself to the seller side.
        String side = role == null ? "(i.side = 'SELLER' or (i.side = 'BUYER' and not i.to_self))" : "i.side = '" + role.name() + "'";
        String scope = "i.organisation_id = $1 and " + side + where.sql()
                + " and i.issue_date >= $" + params.size() + " and i.issue_date <= $" + (params.size() + 1);
        boolean byRate = groupBy.contains(StatisticsGrouping.TAX_RATE);
        String table = byRate ? "invoice_rate_day_totals" : "invoice_day_totals";
        List<String> columns = groupBy.stream().map(COLUMN::get).toList();
        String counted = " filter (where i.status <> 'VOIDED')";
        StringBuilder sql = new StringBuilder("select ");
        for (int k = 0; k < columns.size(); k++) {
            sql.append(columns.get(k)).append(" as d").append(k).append(", ");
        }
        String grouping = columns.isEmpty() ? "1" : "grouping(" + String.join(", ", columns) + ")";
        // By rate, an invoice with lines at two rates is in two rows: the totals row counts it once, from the day totals.
        String invoices = byRate
                ? "case when " + grouping + " <> 0 then (select coalesce(sum(i.invoices), 0) from invoice_day_totals i where " + scope
                  + ") else sum(i.invoices) end"
                : "coalesce(sum(i.invoices), 0)";
        sql.append("null::text as seller_name, null::text as buyer_name, ")
                .append(grouping).append(" as totals, ")
                .append(invoices).append(" as invoices, ")
                .append("coalesce(sum(i.amount)").append(counted).append(", 0.00) as amount, ")
                .append("coalesce(sum(i.tax)").append(counted).append(", 0.00) as tax ")
                .append("from ").append(table).append(" i where ").append(scope);
        if (columns.isEmpty()) {
            sql.append(" group by ()");
        } else {
            String list = String.join(", ", columns);
            // Groups whose invoices all cancelled out (a row of zeros left behind) are no groups.
            sql.append(" group by grouping sets ((").append(list).append("), ())")
                    .append(" having sum(i.invoices) <> 0 or ").append(grouping).append(" <> 0")
                    .append(" order by totals desc, ").append(String.join(" nulls first, ", columns)).append(" nulls first")
                    .append(" limit ").append(StatisticsQuery.MAX_ROWS + 2);
        }
        return new StatisticsQuery.Statement(sql.toString(), params);
    }
}
