package cn.fapiao.report;

import cn.fapiao.common.ApiException;
import cn.fapiao.domain.Problem;
import cn.fapiao.domain.ReportPeriod;
import cn.fapiao.invoice.InvoiceFilterSql;
import cn.fapiao.invoice.api.InvoiceFilter;
import cn.fapiao.report.api.InvoiceStatistics;
import cn.fapiao.report.api.PeriodView;
import cn.fapiao.report.api.ReportPeriodInput;
import cn.fapiao.report.api.StatisticsGrouping;
import cn.fapiao.report.api.StatisticsInput;
import cn.fapiao.report.api.StatisticsRow;
import cn.fapiao.security.Caller;
import cn.fapiao.security.Role;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * Invoice statistics of the caller's organisation, computed by PostgreSQL ({@link StatisticsQuery})
 * over the invoice list's filter and cached per organisation and parameters ({@link ReportCache}).
 * The Java API the exports use: {@link #statistics} answers plain records ({@link StatisticsRow}).
 * The VAT summary is {@link VatSummaryService}.
 */
@ApplicationScoped
public class ReportService {

    /** Who runs reports: accountants, and auditors, who read everything of their organisation. */
    public static final Role[] REPORT_READERS = {Role.ACCOUNTANT, Role.AUDITOR};

    private final Pool pool;
    private final ReportCache cache;

    public ReportService(Pool pool, ReportCache cache) {
        this.pool = pool;
        this.cache = cache;
    }

    /** The parameters a statistics result depends on besides the organisation (its cache key). */
    private record StatisticsKey(ReportPeriod period, InvoiceFilter filter, List<StatisticsGrouping> groupBy) {
    }

    /** Statistics parameters checked: the period, the groupings (each once) and the filter as SQL. */
    private record Checked(ReportPeriod period, List<StatisticsGrouping> groupBy, InvoiceFilterSql.Where where) {
    }

    public Uni<InvoiceStatistics> statistics(Caller caller, StatisticsInput input) {
        caller.require(REPORT_READERS);
        Checked checked = checked(input, "input");
        ReportCache.Key key = new ReportCache.Key(caller.organisationId(), "statistics",
                new StatisticsKey(checked.period(), input.filter(), checked.groupBy()));
        return cache.get(key, () -> compute(caller.organisationId(), input.filter(), checked.where(), checked.period(), checked.groupBy()));
    }

    /**
     * Refuses what {@link #statistics} would refuse before it runs anything (a caller who does not
     * run reports, a bad period, grouping or filter), naming fields below {@code field}: for
     * parameters handed on elsewhere, as a download link of the statistics.
     */
    public void check(Caller caller, StatisticsInput input, String field) {
        caller.require(REPORT_READERS);
        checked(input, field);
    }

    private static Checked checked(StatisticsInput input, String field) {
        List<Problem> problems = new ArrayList<>();
        if (input == null) {
            throw ApiException.validation(List.of(new Problem(field, "REQUIRED", "Give the statistics' period, and their filter and groupings if any.")));
        }
        ReportPeriod period = period(input.period(), field + ".period", problems);
        List<StatisticsGrouping> groupBy = groupings(input.groupBy(), field + ".groupBy", problems);
        InvoiceFilterSql.Where where = InvoiceFilterSql.where(input.filter(), field + ".filter", problems);
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        return new Checked(period, groupBy, where);
    }

    private Uni<InvoiceStatistics> compute(long organisationId, InvoiceFilter filter, InvoiceFilterSql.Where where, ReportPeriod period,
                                           List<StatisticsGrouping> groupBy) {
        StatisticsQuery.Statement statement = StatisticsFromTotals.answers(filter, groupBy)
                ? StatisticsFromTotals.of(filter, where, period, groupBy)
                : StatisticsQuery.of(where, period, groupBy);
        Tuple tuple = Tuple.of(organisationId);
        statement.params().forEach(tuple::addValue);
        return pool.preparedQuery(statement.sql()).execute(tuple).map(result -> {
            StatisticsRow totals = null;
            List<StatisticsRow> rows = new ArrayList<>();
            for (Row row : result) {
                StatisticsRow parsed = StatisticsQuery.row(row, groupBy);
                if (row.getInteger("totals") != 0) {
                    totals = parsed;
                } else {
                    rows.add(parsed);
                }
            }
            if (groupBy.isEmpty()) {
                rows = List.of();
            }
            if (rows.size() > StatisticsQuery.MAX_ROWS) {
                throw ApiException.validation(List.of(new Problem("input.groupBy", "TOO_MANY_GROUPS", "These groupings make more than "
                        + StatisticsQuery.MAX_ROWS + " groups: group by fewer fields, or narrow the period or the filter.")));
            }
            return new InvoiceStatistics(new PeriodView(period.from(), period.to()), groupBy, List.copyOf(rows), totals);
        });
    }

    static ReportPeriod period(ReportPeriodInput input, String field, List<Problem> problems) {
        if (input == null) {
            problems.add(new Problem(field, "REQUIRED", "Give the period."));
            return null;
        }
        return ReportPeriod.of(input.kind() == null ? null : ReportPeriod.Kind.valueOf(input.kind().name()),
                input.year(), input.month(), input.quarter(), input.from(), input.to(), field, problems);
    }

    private static List<StatisticsGrouping> groupings(List<StatisticsGrouping> groupBy, String field, List<Problem> problems) {
        if (groupBy == null) {
            return List.of();
        }
        List<StatisticsGrouping> distinct = new ArrayList<>();
        for (int k = 0; k < groupBy.size(); k++) {
            StatisticsGrouping grouping = groupBy.get(k);
            if (grouping == null) {
                problems.add(new Problem(field + "[" + k + "]", "REQUIRED", "`groupBy` must not contain null."));
            } else if (distinct.contains(grouping)) {
                problems.add(new Problem(field + "[" + k + "]", "DUPLICATE", grouping + " is listed twice in `groupBy`."));
            } else {
                distinct.add(grouping);
            }
        }
        return List.copyOf(distinct);
    }
}
