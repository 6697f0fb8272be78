package cn.fapiao.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static cn.fapiao.domain.TicketStatus.ACKNOWLEDGED;
import static cn.fapiao.domain.TicketStatus.CLOSED;
import static cn.fapiao.domain.TicketStatus.IN_PROGRESS;
import static cn.fapiao.domain.TicketStatus.MERGED;
import static cn.fapiao.domain.TicketStatus.NEW;
import static cn.fapiao.domain.TicketStatus.RESOLVED;
import static cn.fapiao.domain.TicketStatus.WAITING_ON_SUBMITTER;

/**
 * The feedback ticket workflow as a table: NEW → ACKNOWLEDGED → IN_PROGRESS ⇄ WAITING_ON_SUBMITTER →
 * RESOLVED → CLOSED, reopening within {@link #REOPEN_WINDOW} of the resolution, merging into
 * another ticket from anything not closed. Anything not in the table is refused.
 */
public final class TicketWorkflow {

    /** How long after its resolution a ticket may be reopened, and after which it closes by itself. */
    public static final Duration REOPEN_WINDOW = Duration.ofDays(7);

    private static final Map<TicketAction, Move> MOVES = new EnumMap<>(TicketAction.class);

    static {
        MOVES.put(TicketAction.ACKNOWLEDGE, new Move(EnumSet.of(NEW), ACKNOWLEDGED));
        MOVES.put(TicketAction.START_WORK, new Move(EnumSet.of(NEW, ACKNOWLEDGED), IN_PROGRESS));
        MOVES.put(TicketAction.ASK_SUBMITTER, new Move(EnumSet.of(ACKNOWLEDGED, IN_PROGRESS), WAITING_ON_SUBMITTER));
        MOVES.put(TicketAction.SUBMITTER_ANSWERED, new Move(EnumSet.of(WAITING_ON_SUBMITTER), IN_PROGRESS));
        MOVES.put(TicketAction.RESOLVE, new Move(EnumSet.of(ACKNOWLEDGED, IN_PROGRESS, WAITING_ON_SUBMITTER), RESOLVED));
        MOVES.put(TicketAction.CLOSE, new Move(EnumSet.of(RESOLVED), CLOSED));
        MOVES.put(TicketAction.REOPEN, new Move(EnumSet.of(RESOLVED, CLOSED), IN_PROGRESS));
        MOVES.put(TicketAction.MERGE, new Move(EnumSet.of(NEW, ACKNOWLEDGED, IN_PROGRESS, WAITING_ON_SUBMITTER, RESOLVED), MERGED));
    }

    private record Move(Set<TicketStatus> from, TicketStatus to) {
    }

    /** Why a move was refused; the service reports each under its own API code. */
    public enum Refusal {
        NOT_FROM_THIS_STATUS,
        REOPEN_WINDOW_OVER
    }

    /** A move the workflow forbids. */
    public static final class Refused extends RuntimeException {
        private final Refusal refusal;

        Refused(Refusal refusal, String message) {
            super(message, null, false, false);
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    private TicketWorkflow() {
    }

    /**
     * The status after {@code action}, or {@link Refused}.
     *
     * @param resolvedAt when the ticket was last resolved (null if never); only REOPEN looks at it
     * @param now        the caller owns the clock
     */
    public static TicketStatus next(TicketStatus from, TicketAction action, Instant resolvedAt, Instant now) {
        Move move = MOVES.get(action);
        if (!move.from().contains(from)) {
            throw new Refused(Refusal.NOT_FROM_THIS_STATUS, action + " is not possible for a ticket that is " + from
                    + "; it needs one that is " + move.from() + ".");
        }
        if (action == TicketAction.REOPEN && (resolvedAt == null || now.isAfter(resolvedAt.plus(REOPEN_WINDOW)))) {
            throw new Refused(Refusal.REOPEN_WINDOW_OVER, "A ticket can be reopened only within "
                    + REOPEN_WINDOW.toDays() + " days of its resolution; submit a new one.");
        }
        return move.to();
    }

    /** Whether a RESOLVED ticket is due to close by itself. */
    public static boolean closesByItself(TicketStatus status, Instant resolvedAt, Instant now) {
        return status == RESOLVED && resolvedAt != null && !now.isBefore(resolvedAt.plus(REOPEN_WINDOW));
    }
}
