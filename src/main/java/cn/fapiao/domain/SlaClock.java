package cn.fapiao.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

/**
 * The SLA arithmetic of a feedback ticket: when its first response and its resolution are due,
 * and whether it is late. A first-response target is wall-clock time (URGENT 15 minutes means
 * at night too); a resolution target is working days in Asia/Shanghai (the same time of day on
 * the n-th working day after submission). Time spent waiting on the submitter does not count:
 * both due times move on by the time waited.
 */
public final class SlaClock {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** One level's targets: the first response within a duration, the resolution within working days (none when null). */
    public record Target(Duration firstResponse, Integer resolutionWorkingDays) {
    }

    /** The due times; {@code resolution} is null when the level sets no resolution target. */
    public record Due(Instant firstResponse, Instant resolution) {
    }

    private SlaClock() {
    }

    /**
     * The due times of a ticket submitted at {@code submittedAt}, on {@code level}, that has waited
     * on its submitter for {@code paused} in total so far.
     */
    public static Due due(TicketLevel level, Instant submittedAt, Duration paused, Map<TicketLevel, Target> targets, WorkingCalendar calendar) {
        Target target = targets.get(level);
        Instant firstResponse = submittedAt.plus(target.firstResponse()).plus(paused);
        Instant resolution = null;
        if (target.resolutionWorkingDays() != null) {
            ZonedDateTime local = submittedAt.atZone(SHANGHAI);
            ZonedDateTime dueDay = calendar.plusWorkingDays(local.toLocalDate(), target.resolutionWorkingDays())
                    .atTime(local.toLocalTime()).atZone(SHANGHAI);
            resolution = dueDay.toInstant().plus(paused);
        }
        return new Due(firstResponse, resolution);
    }

    /**
     * Whether the ticket is late at {@code now}: its first response is missing after its due time,
     * or its resolution is. A ticket waiting on its submitter is never late while it waits
     * ({@code waitingSince} not null): its clock stands still.
     */
    public static boolean breached(Due due, Instant firstRespondedAt, Instant resolvedAt, Instant waitingSince, Instant now) {
        if (waitingSince != null) {
            return false;
        }
        boolean responseLate = firstRespondedAt == null ? now.isAfter(due.firstResponse()) : firstRespondedAt.isAfter(due.firstResponse());
        boolean resolutionLate = due.resolution() != null
                && (resolvedAt == null ? now.isAfter(due.resolution()) : resolvedAt.isAfter(due.resolution()));
        return responseLate || resolutionLate;
    }
}
