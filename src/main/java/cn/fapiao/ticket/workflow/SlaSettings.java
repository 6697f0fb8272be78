package cn.fapiao.ticket.workflow;

import cn.fapiao.domain.SlaClock;
import cn.fapiao.domain.TicketLevel;
import cn.fapiao.domain.WorkingCalendar;
import cn.fapiao.ticket.SupportConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * The SLA targets (configuration) and the working-day calendar (table {@code support_calendar_day}),
 * read again every {@link #CALENDAR_TTL} so that a calendar edited in the database reaches every
 * replica without a restart.
 */
@ApplicationScoped
public class SlaSettings {

    static final Duration CALENDAR_TTL = Duration.ofMinutes(10);

    private final Pool pool;
    private final SupportConfig config;
    private volatile WorkingCalendar calendar;
    private volatile Instant calendarRead = Instant.EPOCH;

    public SlaSettings(Pool pool, SupportConfig config) {
        this.pool = pool;
        this.config = config;
    }

    public Uni<WorkingCalendar> calendar() {
        if (calendar != null && Instant.now().isBefore(calendarRead.plus(CALENDAR_TTL))) {
            return Uni.createFrom().item(calendar);
        }
        return pool.query("select day, working from support_calendar_day").execute().map(rows -> {
            Set<LocalDate> holidays = new HashSet<>();
            Set<LocalDate> makeUp = new HashSet<>();
            for (Row row : rows) {
                (row.getBoolean("working") ? makeUp : holidays).add(row.getLocalDate("day"));
            }
            WorkingCalendar read = new WorkingCalendar(holidays, makeUp);
            calendar = read;
            calendarRead = Instant.now();
            return read;
        });
    }

    public Uni<SlaClock.Due> due(TicketLevel level, Instant submittedAt, Duration paused) {
        return calendar().map(days -> SlaClock.due(level, submittedAt, paused, config.sla().targets(), days));
    }
}
