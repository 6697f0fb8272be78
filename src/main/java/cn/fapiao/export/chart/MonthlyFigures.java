package cn.fapiao.export.chart;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Amount and tax by month, issued and received, of one organisation: one SQL aggregate. The only
 * place the chart reads figures from, so that it can later read the report statistics instead.
 * Voided invoices drop out; red invoices count negative in their own month (domain.md §6). An
 * invoice the organisation sold to itself counts as issued only.
 */
@ApplicationScoped
public class MonthlyFigures {

    /** One month of one side. */
    public record Figure(YearMonth month, boolean issued, BigDecimal amount, BigDecimal tax) {
    }

    private static final String SIDE = "select date_trunc('month', i.issue_date)::date as month, %s as issued, i.amount, i.tax "
            + "from invoice i where %s and i.issue_date between $2 and $3 and i.status <> 'VOIDED'";
    private static final String SQL = "select month, issued, sum(amount), sum(tax) from ("
            + String.format(SIDE, "true", "i.seller_org_id = $1") + " union all "
            + String.format(SIDE, "false", "i.buyer_org_id = $1 and i.seller_org_id is distinct from $1")
            + ") f group by month, issued order by month, issued desc";

    private final Pool pool;

    public MonthlyFigures(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<Figure>> of(long organisationId, TrendPeriod period) {
        LocalDate from = period.first().atDay(1);
        LocalDate to = period.last().atEndOfMonth();
        return pool.preparedQuery(SQL).execute(Tuple.of(organisationId, from, to)).map(rows -> {
            List<Figure> figures = new ArrayList<>();
            for (Row row : rows) {
                figures.add(new Figure(YearMonth.from(row.getLocalDate(0)), row.getBoolean(1), row.getBigDecimal(2), row.getBigDecimal(3)));
            }
            return figures;
        });
    }
}
