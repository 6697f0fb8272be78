package cn.fapiao.report;

import cn.fapiao.common.Money;
import cn.fapiao.domain.Direction;
import cn.fapiao.domain.InvoiceStatus;
import cn.fapiao.domain.ReportPeriod;
import cn.fapiao.invoice.InvoiceFilterSql;
import cn.fapiao.invoice.InvoiceSource;
import cn.fapiao.invoice.api.InvoiceFilter;
import cn.fapiao.report.api.StatisticsGrouping;
import cn.fapiao.report.api.StatisticsRow;
import io.vertx.mutiny.sqlclient.Row;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The SQL of invoice statistics: the invoice list's filter ({@link InvoiceFilterSql}) over the
 * period, one {@code UNION ALL} part per side the organisation plays, then one {@code GROUP BY
 * GROUPING SETS ((the groupings), ())} that gives the groups and the totals in one pass.
 * Voided invoices are counted but their amounts are filtered out of the sums; red invoices are
 * stored with negative amounts, so they subtract in their own month of issue.
 */
final class StatisticsQuery {

    /** Most groups one report answers: what a person reads or a sheet holds; the query cost counts them at this bound. */
    static final int MAX_ROWS = 1000;

    private static final Map<StatisticsGrouping, String> COLUMN = new EnumMap<>(Map.of(
            StatisticsGrouping.STATUS, "s.status",
            StatisticsGrouping.TYPE, "s.type_code",
            StatisticsGrouping.TAX_RATE, "l.tax_rate",
            StatisticsGrouping.SELLER, "s.seller_tax_id",
            StatisticsGrouping.BUYER, "s.buyer_tax_id",
            StatisticsGrouping.MONTH, "to_char(s.issue_date, 'YYYY-MM')",
            StatisticsGrouping.DIRECTION, "s.direction",
            StatisticsGrouping.SOURCE, "s.source",
            StatisticsGrouping.ROLE, "s.role"));

    private StatisticsQuery() {
    }

    /** The statement and its parameters after $1 (the organisation). */
    record Statement(String sql, List<Object> params) {
    }

    static Statement of(InvoiceFilterSql.Where where, ReportPeriod period, List<StatisticsGrouping> groupBy) {
        List<Object> params = new ArrayList<>(where.params());
        params.add(period.from());
        params.add(period.to());
        String dates = " and i.issue_date >= $" + (params.size()) + " and i.issue_date <= $" + (params.size() + 1);
        String scoped = where.sides().stream()
                .map(side -> "select i.id, i.status, i.type_code, i.seller_tax_id, i.seller_name, i.buyer_tax_id, i.buyer_name,"
                        + " i.issue_date, i.direction, i.source, '" + side.role().name() + "'::text as role, i.amount, i.tax"
                        + " from invoice i where " + side.sql() + where.sql() + dates)
                .collect(Collectors.joining(" union all "));
        boolean byRate = groupBy.contains(StatisticsGrouping.TAX_RATE);
        // By rate, an invoice's lines carry the amounts; one recorded without lines keeps its own (rate null).
        String amount = byRate ? "case when l.invoice_id is null then s.amount else l.amount end" : "s.amount";
        String tax = byRate ? "case when l.invoice_id is null then s.tax else l.tax end" : "s.tax";
        String counted = " filter (where s.status <> 'VOIDED')";
        List<String> columns = groupBy.stream().map(COLUMN::get).toList();
        StringBuilder sql = new StringBuilder("select ");
        for (int k = 0; k < columns.size(); k++) {
            sql.append(columns.get(k)).append(" as d").append(k).append(", ");
        }
        sql.append(groupBy.contains(StatisticsGrouping.SELLER) ? "max(s.seller_name)" : "null::text").append(" as seller_name, ")
                .append(groupBy.contains(StatisticsGrouping.BUYER) ? "max(s.buyer_name)" : "null::text").append(" as buyer_name, ")
                .append(columns.isEmpty() ? "1" : "grouping(" + String.join(", ", columns) + ")").append(" as totals, ")
                .append(byRate ? "count(distinct s.id)" : "count(*)").append(" as invoices, ")
                .append("coalesce(sum(").append(amount).append(")").append(counted).append(", 0.00) as amount, ")
                .append("coalesce(sum(").append(tax).append(")").append(counted).append(", 0.00) as tax ")
                .append("from (").append(scoped).append(") s");
        if (byRate) {
            sql.append(" left join invoice_line l on l.invoice_id = s.id");
        }
        if (columns.isEmpty()) {
            sql.append(" group by ()");
        } else {
            String list = String.join(", ", columns);
            // The totals row first, then the groups in the order of the groupings; MAX_ROWS + 1 groups tell that there are too many.
            sql.append(" group by grouping sets ((").append(list).append("), ())")
                    .append(" order by totals desc, ").append(String.join(" nulls first, ", columns)).append(" nulls first")
                    .append(" limit ").append(MAX_ROWS + 2);
        }
        return new Statement(sql.toString(), params);
    }

    /** A result row as the API's row; {@code totals}: the values grouped by are left out. */
    static StatisticsRow row(Row row, List<StatisticsGrouping> groupBy) {
        boolean totals = row.getInteger("totals") != 0;
        Map<StatisticsGrouping, Object> values = new EnumMap<>(StatisticsGrouping.class);
        if (!totals) {
            for (int k = 0; k < groupBy.size(); k++) {
                values.put(groupBy.get(k), row.getValue("d" + k));
            }
        }
        BigDecimal amount = row.getBigDecimal("amount");
        BigDecimal tax = row.getBigDecimal("tax");
        return new StatisticsRow(
                enumOf(InvoiceStatus.class, values.get(StatisticsGrouping.STATUS)),
                (String) values.get(StatisticsGrouping.TYPE),
                values.get(StatisticsGrouping.TAX_RATE) == null ? null : row.getBigDecimal("d" + groupBy.indexOf(StatisticsGrouping.TAX_RATE)),
                (String) values.get(StatisticsGrouping.SELLER),
                totals ? null : row.getString("seller_name"),
                (String) values.get(StatisticsGrouping.BUYER),
                totals ? null : row.getString("buyer_name"),
                (String) values.get(StatisticsGrouping.MONTH),
                enumOf(Direction.class, values.get(StatisticsGrouping.DIRECTION)),
                enumOf(InvoiceSource.class, values.get(StatisticsGrouping.SOURCE)),
                enumOf(InvoiceFilter.Role.class, values.get(StatisticsGrouping.ROLE)),
                row.getLong("invoices").intValue(), Money.of(amount), Money.of(tax), Money.of(amount.add(tax)));
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, Object value) {
        return value == null ? null : Enum.valueOf(type, value.toString().strip());
    }
}
