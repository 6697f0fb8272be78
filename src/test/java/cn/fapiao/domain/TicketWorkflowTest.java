package cn.fapiao.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every status against every action: the allowed ones move to their status, every other is refused. */
class TicketWorkflowTest {

    private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");
    private static final Instant RESOLVED_YESTERDAY = NOW.minus(Duration.ofDays(1));

    /** The whole table: (from, action) → to; a pair not listed is refused. */
    private static final Map<TicketStatus, Map<TicketAction, TicketStatus>> ALLOWED = new EnumMap<>(TicketStatus.class);

    static {
        allow(TicketStatus.NEW, TicketAction.ACKNOWLEDGE, TicketStatus.ACKNOWLEDGED);
        allow(TicketStatus.NEW, TicketAction.START_WORK, TicketStatus.IN_PROGRESS);
        allow(TicketStatus.NEW, TicketAction.MERGE, TicketStatus.MERGED);
        allow(TicketStatus.ACKNOWLEDGED, TicketAction.START_WORK, TicketStatus.IN_PROGRESS);
        allow(TicketStatus.ACKNOWLEDGED, TicketAction.ASK_SUBMITTER, TicketStatus.WAITING_ON_SUBMITTER);
        allow(TicketStatus.ACKNOWLEDGED, TicketAction.RESOLVE, TicketStatus.RESOLVED);
        allow(TicketStatus.ACKNOWLEDGED, TicketAction.MERGE, TicketStatus.MERGED);
        allow(TicketStatus.IN_PROGRESS, TicketAction.ASK_SUBMITTER, TicketStatus.WAITING_ON_SUBMITTER);
        allow(TicketStatus.IN_PROGRESS, TicketAction.RESOLVE, TicketStatus.RESOLVED);
        allow(TicketStatus.IN_PROGRESS, TicketAction.MERGE, TicketStatus.MERGED);
        allow(TicketStatus.WAITING_ON_SUBMITTER, TicketAction.SUBMITTER_ANSWERED, TicketStatus.IN_PROGRESS);
        allow(TicketStatus.WAITING_ON_SUBMITTER, TicketAction.RESOLVE, TicketStatus.RESOLVED);
        allow(TicketStatus.WAITING_ON_SUBMITTER, TicketAction.MERGE, TicketStatus.MERGED);
        allow(TicketStatus.RESOLVED, TicketAction.CLOSE, TicketStatus.CLOSED);
        allow(TicketStatus.RESOLVED, TicketAction.REOPEN, TicketStatus.IN_PROGRESS);
        allow(TicketStatus.RESOLVED, TicketAction.MERGE, TicketStatus.MERGED);
        allow(TicketStatus.CLOSED, TicketAction.REOPEN, TicketStatus.IN_PROGRESS);
    }

    private static void allow(TicketStatus from, TicketAction action, TicketStatus to) {
        ALLOWED.computeIfAbsent(from, s -> new EnumMap<>(TicketAction.class)).put(action, to);
    }

    @Test
    void everyStatusAgainstEveryAction() {
        int allowed = 0;
        for (TicketStatus from : TicketStatus.values()) {
            for (TicketAction action : TicketAction.values()) {
                TicketStatus expected = ALLOWED.getOrDefault(from, Map.of()).get(action);
                if (expected != null) {
                    assertEquals(expected, TicketWorkflow.next(from, action, RESOLVED_YESTERDAY, NOW), from + " " + action);
                    allowed++;
                } else {
                    TicketWorkflow.Refused refused = assertThrows(TicketWorkflow.Refused.class,
                            () -> TicketWorkflow.next(from, action, RESOLVED_YESTERDAY, NOW), from + " " + action);
                    assertEquals(TicketWorkflow.Refusal.NOT_FROM_THIS_STATUS, refused.refusal());
                }
            }
        }
        assertEquals(17, allowed);
    }

    @ParameterizedTest(name = "resolved {0} ago: reopen {1}")
    @CsvSource({"PT1H, true", "P6DT23H59M, true", "P7D, true", "P7DT1S, false", "P30D, false"})
    void reopensWithinSevenDaysOfResolution(String sinceResolution, boolean reopens) {
        Instant resolvedAt = NOW.minus(Duration.parse(sinceResolution));
        if (reopens) {
            assertEquals(TicketStatus.IN_PROGRESS, TicketWorkflow.next(TicketStatus.RESOLVED, TicketAction.REOPEN, resolvedAt, NOW));
        } else {
            TicketWorkflow.Refused refused = assertThrows(TicketWorkflow.Refused.class,
                    () -> TicketWorkflow.next(TicketStatus.CLOSED, TicketAction.REOPEN, resolvedAt, NOW));
            assertEquals(TicketWorkflow.Refusal.REOPEN_WINDOW_OVER, refused.refusal());
        }
    }

    @Test
    void aResolvedTicketClosesByItselfAfterSevenDays() {
        assertFalse(TicketWorkflow.closesByItself(TicketStatus.RESOLVED, NOW.minus(Duration.ofDays(7)).plusSeconds(1), NOW));
        assertTrue(TicketWorkflow.closesByItself(TicketStatus.RESOLVED, NOW.minus(Duration.ofDays(7)), NOW));
        assertFalse(TicketWorkflow.closesByItself(TicketStatus.IN_PROGRESS, NOW.minus(Duration.ofDays(30)), NOW));
    }
}
