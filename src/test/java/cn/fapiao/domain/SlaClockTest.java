package cn.fapiao.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlaClockTest {

    /** 2025's National Day week: Oct 1-8 off, Sunday Sep 28 and Saturday Oct 11 worked (as the State Council announced). */
    private static final WorkingCalendar CHINA_2025 = new WorkingCalendar(
            Set.of(LocalDate.parse("2025-10-01"), LocalDate.parse("2025-10-02"), LocalDate.parse("2025-10-03"), LocalDate.parse("2025-10-04"),
                    LocalDate.parse("2025-10-05"), LocalDate.parse("2025-10-06"), LocalDate.parse("2025-10-07"), LocalDate.parse("2025-10-08")),
            Set.of(LocalDate.parse("2025-09-28"), LocalDate.parse("2025-10-11")));

    private static final Map<TicketLevel, SlaClock.Target> TARGETS = new EnumMap<>(Map.of(
            TicketLevel.URGENT, new SlaClock.Target(Duration.ofMinutes(15), null),
            TicketLevel.NORMAL, new SlaClock.Target(Duration.ofHours(24), null),
            TicketLevel.COMPLEX, new SlaClock.Target(Duration.ofHours(24), 5)));

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
            "2026-11-30, 5, 2026-12-07", // Monday: the next Monday
            "2026-12-04, 1, 2026-12-07", // Friday: over the weekend
            "2026-12-05, 1, 2026-12-07", // Saturday
            "2025-09-26, 1, 2025-09-28", // Friday before the make-up Sunday: the Sunday is worked
            "2025-09-30, 1, 2025-10-09", // the day before the holiday week
            "2025-09-30, 2, 2025-10-10",
            "2025-09-30, 3, 2025-10-11", // the make-up Saturday
            "2025-09-30, 5, 2025-10-14"})
    void workingDays(String from, int days, String expected) {
        assertEquals(LocalDate.parse(expected), CHINA_2025.plusWorkingDays(LocalDate.parse(from), days));
    }

    @Test
    void weekendsOnlyByDefault() {
        assertTrue(WorkingCalendar.WEEKENDS_ONLY.isWorkingDay(LocalDate.parse("2025-10-01")));
        assertFalse(WorkingCalendar.WEEKENDS_ONLY.isWorkingDay(LocalDate.parse("2025-09-28")));
    }

    @Test
    void dueTimesPerLevel() {
        Instant at = ZonedDateTime.parse("2025-09-30T16:30:00+08:00[Asia/Shanghai]").toInstant();
        SlaClock.Due urgent = SlaClock.due(TicketLevel.URGENT, at, Duration.ZERO, TARGETS, CHINA_2025);
        assertEquals(at.plus(Duration.ofMinutes(15)), urgent.firstResponse());
        assertNull(urgent.resolution());
        SlaClock.Due complex = SlaClock.due(TicketLevel.COMPLEX, at, Duration.ZERO, TARGETS, CHINA_2025);
        assertEquals(at.plus(Duration.ofHours(24)), complex.firstResponse(), "first response is wall-clock time, holidays too");
        assertEquals(ZonedDateTime.parse("2025-10-14T16:30:00+08:00[Asia/Shanghai]").toInstant(), complex.resolution());
    }

    @Test
    void waitingMovesTheDueTimesOn() {
        Instant at = Instant.parse("2026-11-30T02:00:00Z");
        SlaClock.Due paused = SlaClock.due(TicketLevel.COMPLEX, at, Duration.ofHours(3), TARGETS, WorkingCalendar.WEEKENDS_ONLY);
        SlaClock.Due running = SlaClock.due(TicketLevel.COMPLEX, at, Duration.ZERO, TARGETS, WorkingCalendar.WEEKENDS_ONLY);
        assertEquals(Duration.ofHours(3), Duration.between(running.firstResponse(), paused.firstResponse()));
        assertEquals(Duration.ofHours(3), Duration.between(running.resolution(), paused.resolution()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "no response yet and past due, , , , true",
            "no response yet within due, , , , false",
            "responded in time, 2026-11-30T02:10:00Z, , , false",
            "responded late, 2026-11-30T02:20:00Z, , , true",
            "waiting on the submitter, , , 2026-11-30T02:05:00Z, false"})
    void breach(String what, String respondedAt, String resolvedAt, String waitingSince, boolean late) {
        Instant at = Instant.parse("2026-11-30T02:00:00Z");
        SlaClock.Due due = SlaClock.due(TicketLevel.URGENT, at, Duration.ZERO, TARGETS, WorkingCalendar.WEEKENDS_ONLY);
        Instant now = what.contains("within") ? at.plusSeconds(600) : at.plusSeconds(3600);
        assertEquals(late, SlaClock.breached(due, instant(respondedAt), instant(resolvedAt), instant(waitingSince), now), what);
    }

    @Test
    void lateResolution() {
        Instant at = Instant.parse("2026-11-30T02:00:00Z");
        SlaClock.Due due = SlaClock.due(TicketLevel.COMPLEX, at, Duration.ZERO, TARGETS, WorkingCalendar.WEEKENDS_ONLY);
        assertTrue(SlaClock.breached(due, at.plusSeconds(60), null, null, at.plus(Duration.ofDays(8))));
        assertFalse(SlaClock.breached(due, at.plusSeconds(60), at.plus(Duration.ofDays(2)), null, at.plus(Duration.ofDays(8))));
    }

    private static Instant instant(String text) {
        return text == null || text.isBlank() ? null : Instant.parse(text);
    }
}
