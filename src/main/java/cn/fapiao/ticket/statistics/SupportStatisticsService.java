package cn.fapiao.ticket.statistics;

import cn.fapiao.common.ApiException;
import cn.fapiao.domain.Problem;
import cn.fapiao.domain.SlaClock;
import cn.fapiao.security.Caller;
import cn.fapiao.ticket.DeskAccess;
import cn.fapiao.ticket.api.CountByKey;
import cn.fapiao.ticket.api.SupportPeriod;
import cn.fapiao.ticket.api.SupportStatistics;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** {@code supportStatistics}: the desk's figures, aggregated in PostgreSQL (one statement for tickets, one for suggestions). */
@ApplicationScoped
public class SupportStatisticsService {

    static final int MAX_DAYS = 366;

    private static final String GROUPS = """
            select grouping(status) as gs, grouping(category) as gc, grouping(level) as gl, status, category, level, count(*) as n
            from support_ticket where submitted_at >= $1 and submitted_at < $2
            group by grouping sets ((status), (category), (level), ())""";
    private static final String FIGURES = """
            select
              count(*) filter (where first_responded_at is not null or first_response_due < now()) as measured,
              count(*) filter (where first_responded_at is not null and first_responded_at <= first_response_due
                                 and (resolution_due is null or coalesce(resolved_at, now()) <= resolution_due)) as met,
              percentile_cont(0.5) within group (order by extract(epoch from first_responded_at - submitted_at))
                  filter (where first_responded_at is not null) as first_response_seconds,
              percentile_cont(0.5) within group (order by extract(epoch from resolved_at - submitted_at))
                  filter (where resolved_at is not null) as resolution_seconds,
              avg(rating)::float8 as rating, count(rating) as rated
            from support_ticket where submitted_at >= $1 and submitted_at < $2 and status <> 'MERGED'""";
    private static final String SUGGESTIONS = """
            select count(*) as shown, count(*) filter (where ticket_id is null) as deflected
            from kb_suggestion where shown_at >= $1 and shown_at < $2""";

    private final Pool pool;
    private final DeskAccess desk;

    public SupportStatisticsService(Pool pool, DeskAccess desk) {
        this.pool = pool;
        this.desk = desk;
    }

    public Uni<SupportStatistics> statistics(Caller caller, SupportPeriod period) {
        if (period.to().isBefore(period.from()) || ChronoUnit.DAYS.between(period.from(), period.to()) >= MAX_DAYS) {
            throw ApiException.validation(List.of(new Problem("period", "OUT_OF_RANGE",
                    "`period` must run forwards, " + MAX_DAYS + " days at most.")));
        }
        OffsetDateTime from = period.from().atStartOfDay(SlaClock.SHANGHAI).toOffsetDateTime();
        OffsetDateTime to = period.to().plusDays(1).atStartOfDay(SlaClock.SHANGHAI).toOffsetDateTime();
        Tuple range = Tuple.of(from, to);
        return desk.requireAgent(caller).chain(agent -> pool.preparedQuery(GROUPS).execute(range)
                .chain(groups -> pool.preparedQuery(FIGURES).execute(range)
                        .chain(figures -> pool.preparedQuery(SUGGESTIONS).execute(range)
                                .map(suggestions -> build(period, groups, figures.iterator().next(), suggestions.iterator().next())))));
    }

    private static SupportStatistics build(SupportPeriod period, RowSet<Row> groups, Row figures, Row suggestions) {
        List<CountByKey> byStatus = new ArrayList<>();
        List<CountByKey> byCategory = new ArrayList<>();
        List<CountByKey> byLevel = new ArrayList<>();
        int total = 0;
        for (Row row : groups) {
            int n = row.getLong("n").intValue();
            if (row.getInteger("gs") == 0) {
                byStatus.add(new CountByKey(row.getString("status"), n));
            } else if (row.getInteger("gc") == 0) {
                byCategory.add(new CountByKey(row.getString("category"), n));
            } else if (row.getInteger("gl") == 0) {
                byLevel.add(new CountByKey(row.getString("level"), n));
            } else {
                total = n;
            }
        }
        byStatus.sort(java.util.Comparator.comparing(CountByKey::key));
        byCategory.sort(java.util.Comparator.comparing(CountByKey::key));
        byLevel.sort(java.util.Comparator.comparing(CountByKey::key));
        long measured = figures.getLong("measured");
        long shown = suggestions.getLong("shown");
        Double firstResponse = figures.getDouble("first_response_seconds");
        Double resolution = figures.getDouble("resolution_seconds");
        return new SupportStatistics(period.from(), period.to(), total, byStatus, byCategory, byLevel,
                measured == 0 ? null : round(100.0 * figures.getLong("met") / measured),
                firstResponse == null ? null : round(firstResponse / 60), resolution == null ? null : round(resolution / 3600),
                figures.getDouble("rating") == null ? null : round(figures.getDouble("rating")), figures.getLong("rated").intValue(),
                (int) shown, shown == 0 ? null : round(100.0 * suggestions.getLong("deflected") / shown));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
