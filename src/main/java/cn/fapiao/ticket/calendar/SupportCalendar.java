package cn.fapiao.ticket.calendar;

import cn.fapiao.common.ApiException;
import cn.fapiao.common.ErrorCode;
import cn.fapiao.domain.Problem;
import cn.fapiao.security.Caller;
import cn.fapiao.security.Role;
import cn.fapiao.ticket.DeskAccess;
import cn.fapiao.ticket.api.SupportCalendarDay;
import cn.fapiao.ticket.api.SupportCalendarDayInput;
import cn.fapiao.ticket.api.SupportCalendarDayKind;
import cn.fapiao.ticket.workflow.SlaSettings;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The working-day calendar of the feedback desk's SLA clocks (table {@code support_calendar_day})
 * as data its organisation keeps: holidays and make-up working days, year by year, as the State
 * Council announces them. The desk's agents read it; the desk organisation's ADMIN changes it
 * (an agent answers tickets against the clock, so does not move the clock). A change reaches the
 * SLA arithmetic at once: here through {@link SlaSettings#forget()}, on every other replica through
 * an outbox event of kind {@value #EVENT_KIND} (no organisation sees it; it only evicts).
 */
@ApplicationScoped
public class SupportCalendar {

    public static final String EVENT_KIND = "support.calendar";
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2099;
    static final int MAX_NAME = 100;

    private static final String YEAR = "select day, working, name from support_calendar_day where day >= $1 and day < $2 order by day";
    private static final String UPSERT = "insert into support_calendar_day (day, working, name) values ($1, $2, $3) "
            + "on conflict (day) do update set working = excluded.working, name = excluded.name";
    private static final String DELETE = "delete from support_calendar_day where day = $1 returning day, working, name";
    private static final String EVENT = "insert into event_outbox (kind, subject_id, organisation_ids, data) values ($1, $2, '{}', cast($3::text as jsonb))";

    private final Pool pool;
    private final DeskAccess desk;
    private final SlaSettings sla;

    public SupportCalendar(Pool pool, DeskAccess desk, SlaSettings sla) {
        this.pool = pool;
        this.desk = desk;
        this.sla = sla;
    }

    public Uni<List<SupportCalendarDay>> year(Caller caller, int year) {
        return desk.requireDeskRole(caller, Role.SUPPORT_AGENT, Role.ADMIN)
                .chain(member -> {
                    if (year < FIRST_YEAR || year > LAST_YEAR) {
                        throw new ApiException(ErrorCode.VALIDATION_FAILED, "year", "`year` is from " + FIRST_YEAR + " to " + LAST_YEAR + ".");
                    }
                    LocalDate first = LocalDate.of(year, 1, 1);
                    return pool.preparedQuery(YEAR).execute(Tuple.of(first, first.plusYears(1)));
                })
                .map(rows -> {
                    List<SupportCalendarDay> days = new ArrayList<>();
                    for (Row row : rows) {
                        days.add(view(row));
                    }
                    return days;
                });
    }

    /** Makes the day a holiday or a make-up working day (replacing what the calendar said of it). */
    public Uni<SupportCalendarDay> set(Caller caller, SupportCalendarDayInput input) {
        // Who asks comes first: a caller who may not change the calendar learns nothing of its rules.
        return desk.requireDeskRole(caller, Role.ADMIN).chain(admin -> store(input));
    }

    private Uni<SupportCalendarDay> store(SupportCalendarDayInput input) {
        List<Problem> problems = new ArrayList<>();
        inRange(problems, "input.day", input.day());
        if (input.kind() == SupportCalendarDayKind.MAKE_UP_WORKING_DAY && input.day() != null && !weekend(input.day())) {
            problems.add(new Problem("input.day", "NOT_A_WEEKEND_DAY",
                    "A make-up working day is a Saturday or Sunday; Monday to Friday are working days already."));
        }
        String name = input.name() == null ? "" : input.name().strip();
        if (name.isEmpty()) {
            problems.add(new Problem("input.name", "REQUIRED", "`input.name` must not be empty."));
        } else if (name.length() > MAX_NAME) {
            problems.add(new Problem("input.name", "TOO_LONG", "`input.name` holds at most " + MAX_NAME + " characters."));
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        boolean working = input.kind() == SupportCalendarDayKind.MAKE_UP_WORKING_DAY;
        return pool.withTransaction(connection -> connection.preparedQuery(UPSERT).execute(Tuple.of(input.day(), working, name))
                        .chain(done -> announce(connection, input.day(), "set")))
                .invoke(sla::forget)
                .map(done -> new SupportCalendarDay(input.day(), input.kind(), name));
    }

    /** Takes the day out of the calendar: it is an ordinary day again. */
    public Uni<SupportCalendarDay> remove(Caller caller, LocalDate day) {
        return desk.requireDeskRole(caller, Role.ADMIN).chain(admin -> {
            List<Problem> problems = new ArrayList<>();
            inRange(problems, "day", day);
            if (!problems.isEmpty()) {
                throw ApiException.validation(problems);
            }
            return pool.withTransaction(connection -> connection.preparedQuery(DELETE).execute(Tuple.of(day))
                        .chain(rows -> {
                            if (rows.size() == 0) {
                                return Uni.createFrom().<SupportCalendarDay>failure(new ApiException(ErrorCode.CALENDAR_DAY_NOT_FOUND, "day",
                                        "The calendar has no entry for " + day + "."));
                            }
                            SupportCalendarDay removed = view(rows.iterator().next());
                            return announce(connection, day, "removed").replaceWith(removed);
                        }))
                    .invoke(sla::forget);
        });
    }

    private static Uni<RowSet<Row>> announce(SqlConnection connection, LocalDate day, String change) {
        JsonObject data = new JsonObject().put("day", day.toString()).put("change", change);
        return connection.preparedQuery(EVENT).execute(Tuple.of(EVENT_KIND, day.toEpochDay(), data.encode()));
    }

    private static void inRange(List<Problem> problems, String field, LocalDate day) {
        if (day == null) {
            problems.add(new Problem(field, "REQUIRED", "`" + field + "` must be given."));
        } else if (day.getYear() < FIRST_YEAR || day.getYear() > LAST_YEAR) {
            problems.add(new Problem(field, "OUT_OF_RANGE", "`" + field + "` is a day of the years " + FIRST_YEAR + " to " + LAST_YEAR + "."));
        }
    }

    private static boolean weekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static SupportCalendarDay view(Row row) {
        return new SupportCalendarDay(row.getLocalDate("day"),
                row.getBoolean("working") ? SupportCalendarDayKind.MAKE_UP_WORKING_DAY : SupportCalendarDayKind.HOLIDAY, row.getString("name"));
    }
}
