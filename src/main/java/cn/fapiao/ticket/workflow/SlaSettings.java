package cn.fapiao.ticket.workflow;

import cn.fapiao.domain.SlaClock;
import cn.fapiao.domain.TicketLevel;
import cn.fapiao.domain.WorkingCalendar;
import cn.fapiao.event.EventFeed;
import cn.fapiao.ticket.SupportConfig;
import cn.fapiao.ticket.calendar.SupportCalendar;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The SLA targets (configuration) and the working-day calendar (table {@code support_calendar_day}),
 * read again every {@link #CALENDAR_TTL} so that a calendar edited in the database reaches every
 * replica without a restart, and at once after a change through the API (SupportCalendar), here
 * directly and on the other replicas through the event outbox.
 */
@ApplicationScoped
public class SlaSettings {

    static final Duration CALENDAR_TTL = Duration.ofMinutes(10);

    private final Pool pool;
    private final SupportConfig config;
    private final EventFeed feed;
    private volatile WorkingCalendar calendar;
    private volatile Instant calendarRead = Instant.EPOCH;
    /** Bumped by {@link #forget()}: a read that began before a change must not be kept as current. */
    private final AtomicLong generation = new AtomicLong();

    public SlaSettings(Pool pool, SupportConfig config, EventFeed feed) {
        this.pool = pool;
        this.config = config;
        this.feed = feed;
    }

    void register(@Observes StartupEvent start) {
        // A calendar changed on any replica reaches this one through the outbox, not after the TTL.
        feed.watch(event -> {
            if (SupportCalendar.EVENT_KIND.equals(event.kind())) {
                forget();
            }
            return Uni.createFrom().voidItem();
        });
    }

    /** The next {@link #calendar()} reads the table again (after a change of the calendar, here or on another replica). */
    public void forget() {
        generation.incrementAndGet();
        calendarRead = Instant.EPOCH;
    }

    public Uni<WorkingCalendar> calendar() {
        if (calendar != null && Instant.now().isBefore(calendarRead.plus(CALENDAR_TTL))) {
            return Uni.createFrom().item(calendar);
        }
        long readingFor = generation.get();
        return pool.query("select day, working from support_calendar_day").execute().map(rows -> {
            Set<LocalDate> holidays = new HashSet<>();
            Set<LocalDate> makeUp = new HashSet<>();
            for (Row row : rows) {
                (row.getBoolean("working") ? makeUp : holidays).add(row.getLocalDate("day"));
            }
            WorkingCalendar read = new WorkingCalendar(holidays, makeUp);
            if (generation.get() == readingFor) {
                calendar = read;
                calendarRead = Instant.now();
            }
            return read;
        });
    }

    public Uni<SlaClock.Due> due(TicketLevel level, Instant submittedAt, Duration paused) {
        return calendar().map(days -> SlaClock.due(level, submittedAt, paused, config.sla().targets(), days));
    }
}
