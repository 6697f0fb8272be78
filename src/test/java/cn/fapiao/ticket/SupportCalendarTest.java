package cn.fapiao.ticket;

import cn.fapiao.domain.SlaClock;
import cn.fapiao.domain.TicketLevel;
import cn.fapiao.domain.WorkingCalendar;
import cn.fapiao.support.Eventually;
import cn.fapiao.support.GraphQL;
import cn.fapiao.support.Tickets;
import cn.fapiao.support.Tokens;
import cn.fapiao.ticket.workflow.SlaSettings;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The desk's holiday calendar as data: its admins keep it (audited), its agents read it, nobody of
 * another organisation touches it, bad days are refused naming the field, and the SLA due times
 * count a change at once, on this replica and, through the outbox, on the others.
 */
@QuarkusTest
class SupportCalendarTest {

    private static final String ADMIN = "a-admin";
    private static final String AGENT = "a-support_agent";
    /** Monday 3 March 2031, 10:00 in Shanghai: a year no other test or migration puts days in. */
    private static final Instant MONDAY = Instant.parse("2031-03-03T02:00:00Z");

    @Inject
    SlaSettings sla;

    @Inject
    Pool database;

    @Test
    void theDesksAdminKeepsTheCalendarAndTheDueTimesFollowAtOnce() {
        try {
            keepTheCalendar();
        } finally {
            database.query("delete from support_calendar_day where day in ('2031-03-05', '2031-03-08')").execute().await().atMost(Duration.ofSeconds(10));
            sla.forget();
        }
    }

    private void keepTheCalendar() {
        // Five working days from Monday 3 March: Monday 10 March.
        assertEquals(LocalDate.of(2031, 3, 10), complexResolutionDay());
        // Wednesday becomes a holiday (after the calendar was read and cached): Tuesday 11 March.
        JsonPath set = day(ADMIN, "2031-03-05", "HOLIDAY", "  测试假日 ");
        assertEquals(Map.of("day", "2031-03-05", "kind", "HOLIDAY", "name", "测试假日"), set.get("data.setSupportCalendarDay"), set::prettify);
        assertEquals(LocalDate.of(2031, 3, 11), complexResolutionDay());
        // Saturday 8 March is worked to make up for it: back to Monday 10 March (Tue, Thu, Fri, Sat, Mon).
        day(ADMIN, "2031-03-08", "MAKE_UP_WORKING_DAY", "测试调休");
        assertEquals(LocalDate.of(2031, 3, 10), complexResolutionDay());
        // The agents see the year as it is now.
        JsonPath year = GraphQL.postAs(Tokens.of(AGENT), "supportCalendar", "year", 2031);
        assertEquals(List.of(Map.of("day", "2031-03-05", "kind", "HOLIDAY", "name", "测试假日"),
                Map.of("day", "2031-03-08", "kind", "MAKE_UP_WORKING_DAY", "name", "测试调休")), year.getList("data.supportCalendar"), year::prettify);
        // Setting a day again replaces it; removing answers what was removed, and the days count as before.
        assertEquals("HOLIDAY", day(ADMIN, "2031-03-08", "HOLIDAY", "改为假日").get("data.setSupportCalendarDay.kind"));
        assertEquals(LocalDate.of(2031, 3, 11), complexResolutionDay());
        assertEquals("改为假日", remove(ADMIN, "2031-03-08").get("data.removeSupportCalendarDay.name"));
        assertEquals("2031-03-05", remove(ADMIN, "2031-03-05").get("data.removeSupportCalendarDay.day"));
        assertEquals(LocalDate.of(2031, 3, 10), complexResolutionDay());
        assertEquals(List.of(), GraphQL.postAs(Tokens.of(ADMIN), "supportCalendar", "year", 2031).getList("data.supportCalendar"));
        JsonPath again = remove(ADMIN, "2031-03-05");
        assertEquals("CALENDAR_DAY_NOT_FOUND", again.get("errors[0].extensions.code"), again::prettify);
        assertEquals("day", again.get("errors[0].extensions.field"));

        // Every change is in the desk organisation's audit log, with the day.
        JsonPath audit = GraphQL.postAs(Tokens.of(ADMIN), "auditLog", "first", 50, "operation", "setSupportCalendarDay");
        List<String> targets = audit.getList("data.auditLog.edges.node.target");
        assertTrue(targets.contains("2031-03-05 HOLIDAY") && targets.contains("2031-03-08 MAKE_UP_WORKING_DAY"), audit::prettify);
        JsonPath removals = GraphQL.postAs(Tokens.of(ADMIN), "auditLog", "first", 50, "operation", "removeSupportCalendarDay");
        assertTrue(removals.getList("data.auditLog.edges.node.outcome").contains("FAILURE"), removals::prettify);
    }

    @Test
    void aNewTicketIsDueAfterTheHolidaySetToday() {
        WorkingCalendar before = sla.calendar().await().atMost(Duration.ofSeconds(10));
        LocalDate today = LocalDate.now(SlaClock.SHANGHAI);
        LocalDate firstWorkingDay = before.plusWorkingDays(today, 1);
        day(ADMIN, firstWorkingDay.toString(), "HOLIDAY", "临时假日");
        try {
            // A policy question is proposed COMPLEX: resolved within 5 working days, now one later.
            Tickets.Submitted ticket = Tickets.anonymous(Tickets.input("POLICY_QUESTION", "专票政策", "小规模纳税人能否开具专票？"));
            assertEquals("COMPLEX", ticket.body().get("data.submitFeedback.ticket.level"));
            LocalDate submitted = OffsetDateTime.parse(ticket.body().getString("data.submitFeedback.ticket.submittedAt"))
                    .atZoneSameInstant(SlaClock.SHANGHAI).toLocalDate();
            LocalDate due = OffsetDateTime.parse(ticket.body().getString("data.submitFeedback.ticket.resolutionDue"))
                    .atZoneSameInstant(SlaClock.SHANGHAI).toLocalDate();
            assumeTrue(submitted.equals(today), "submitted after midnight in Shanghai: the holiday set is no longer the next working day");
            // The holiday was the first of the five working days: the sixth of the calendar as it was.
            assertEquals(before.plusWorkingDays(today, 6), due, ticket.body()::prettify);
        } finally {
            remove(ADMIN, firstWorkingDay.toString());
        }
    }

    @Test
    void aChangeMadeOnAnotherReplicaArrivesThroughTheOutbox() {
        assertEquals(LocalDate.of(2031, 3, 10), complexResolutionDay());
        // Another replica's SupportCalendar: the row and its event in one transaction, nothing said to this one.
        database.withTransaction(connection -> connection
                .preparedQuery("insert into support_calendar_day (day, working, name) values ('2031-03-04', false, '别处设的假日')").execute()
                .chain(() -> connection.preparedQuery("insert into event_outbox (kind, subject_id, organisation_ids, data) values ($1, $2, '{}', '{}'::jsonb)")
                        .execute(Tuple.of("support.calendar", LocalDate.of(2031, 3, 4).toEpochDay()))))
                .await().atMost(Duration.ofSeconds(10));
        try {
            Eventually.within(Duration.ofSeconds(10), this::complexResolutionDay, LocalDate.of(2031, 3, 11)::equals,
                    "the calendar changed on another replica reaches the SLA arithmetic here");
        } finally {
            remove(ADMIN, "2031-03-04");
        }
    }

    @Test
    void onlyTheDesksAdminChangesItsCalendar() {
        for (String stranger : List.of("b-admin", "c-admin", AGENT, "a-accountant")) {
            assertEquals("FORBIDDEN", day(stranger, "2031-05-06", "HOLIDAY", "不该有").get("errors[0].extensions.code"), stranger);
            assertEquals("FORBIDDEN", remove(stranger, "2025-01-28").get("errors[0].extensions.code"), stranger);
        }
        // Another organisation's admin and agents do not even read it.
        for (String stranger : List.of("b-admin", "b-support_agent", "a-issuer")) {
            JsonPath body = GraphQL.postAs(Tokens.of(stranger), "supportCalendar", "year", 2025);
            assertEquals("FORBIDDEN", body.get("errors[0].extensions.code"), stranger);
        }
        assertEquals("UNAUTHENTICATED", GraphQL.post("setSupportCalendarDay", "input", Map.of("day", "2031-05-06", "kind", "HOLIDAY", "name", "x"))
                .get("errors[0].extensions.code"));
        // Nothing changed: 2031 is still empty, and 2025's Spring Festival (loaded by V30) is still there.
        assertEquals(List.of(), GraphQL.postAs(Tokens.of(ADMIN), "supportCalendar", "year", 2031).getList("data.supportCalendar"));
        List<Map<String, Object>> year2025 = GraphQL.postAs(Tokens.of(ADMIN), "supportCalendar", "year", 2025).getList("data.supportCalendar");
        assertTrue(year2025.contains(Map.of("day", "2025-01-28", "kind", "HOLIDAY", "name", "春节")), String.valueOf(year2025));
        assertTrue(year2025.contains(Map.of("day", "2025-01-26", "kind", "MAKE_UP_WORKING_DAY", "name", "春节调休")), String.valueOf(year2025));
    }

    @Test
    void badDaysAreRefusedNamingTheField() {
        expectInvalid(GraphQL.postAs(Tokens.of(ADMIN), "supportCalendar", "year", 1999), "year");
        expectInvalid(GraphQL.postAs(Tokens.of(ADMIN), "supportCalendar", "year", 2100), "year");
        expectInvalid(GraphQL.postAs(Tokens.of(ADMIN), "supportCalendar", "year", Integer.MIN_VALUE), "year");
        expectInvalid(day(ADMIN, "1999-12-31", "HOLIDAY", "太早"), "input.day");
        expectInvalid(day(ADMIN, "2100-01-01", "HOLIDAY", "太晚"), "input.day");
        expectInvalid(remove(ADMIN, "2100-01-01"), "day");
        // A make-up working day is a weekend day: Wednesday is a working day already.
        JsonPath weekday = day(ADMIN, "2031-03-05", "MAKE_UP_WORKING_DAY", "周三调休");
        expectInvalid(weekday, "input.day");
        assertEquals("NOT_A_WEEKEND_DAY", weekday.get("errors[0].extensions.problems[0].code"), weekday::prettify);
        expectInvalid(day(ADMIN, "2031-03-05", "HOLIDAY", "   "), "input.name");
        expectInvalid(day(ADMIN, "2031-03-05", "HOLIDAY", "节".repeat(101)), "input.name");
        assertEquals("VALIDATION_FAILED", day(ADMIN, "2031-03-05", "HOLIDAY", "a\u0000b").get("errors[0].extensions.code"));
        // Dates that do not exist never reach the calendar.
        assertEquals("VALIDATION_FAILED", day(ADMIN, "2031-02-30", "HOLIDAY", "x").get("errors[0].extensions.code"));
        assertEquals("VALIDATION_FAILED", remove(ADMIN, "2031-13-01").get("errors[0].extensions.code"));
        assertEquals(List.of(), GraphQL.postAs(Tokens.of(ADMIN), "supportCalendar", "year", 2031).getList("data.supportCalendar"));
    }

    private LocalDate complexResolutionDay() {
        SlaClock.Due due = sla.due(TicketLevel.COMPLEX, MONDAY, Duration.ZERO).await().atMost(Duration.ofSeconds(10));
        assertNotNull(due.resolution());
        return due.resolution().atZone(SlaClock.SHANGHAI).toLocalDate();
    }

    private static JsonPath day(String username, String day, String kind, String name) {
        return GraphQL.postAs(Tokens.of(username), "setSupportCalendarDay", "input", Map.of("day", day, "kind", kind, "name", name));
    }

    private static JsonPath remove(String username, String day) {
        return GraphQL.postAs(Tokens.of(username), "removeSupportCalendarDay", "day", day);
    }

    private static void expectInvalid(JsonPath body, String field) {
        assertEquals("VALIDATION_FAILED", body.get("errors[0].extensions.code"), body::prettify);
        String named = body.get("errors[0].extensions.field");
        List<String> problems = body.getList("errors[0].extensions.problems.field");
        assertTrue(field.equals(named) || (problems != null && problems.contains(field)), body::prettify);
    }
}
