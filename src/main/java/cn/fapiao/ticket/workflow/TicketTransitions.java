package cn.fapiao.ticket.workflow;

import cn.fapiao.common.ApiException;
import cn.fapiao.common.ErrorCode;
import cn.fapiao.domain.TicketAction;
import cn.fapiao.domain.TicketStatus;
import cn.fapiao.domain.TicketWorkflow;
import cn.fapiao.ticket.Ticket;
import cn.fapiao.ticket.TicketEvents;
import cn.fapiao.ticket.TicketHistoryEntry;
import cn.fapiao.ticket.TicketMessage;
import cn.fapiao.ticket.TicketRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;

/**
 * Applies a workflow move to a loaded (locked) ticket: the status from {@link TicketWorkflow}, the
 * SLA clock paused while it waits on the submitter and moved on by the time waited when it runs
 * again, the resolution and closing times, a history entry and the event. Every status change of
 * every path goes through here.
 */
@ApplicationScoped
public class TicketTransitions {

    private final TicketRepository tickets;
    private final SlaSettings sla;
    private final TicketEvents events;

    public TicketTransitions(TicketRepository tickets, SlaSettings sla, TicketEvents events) {
        this.tickets = tickets;
        this.sla = sla;
        this.events = events;
    }

    /** Who acts: the kind and the user (null for anonymous submitters and the system). */
    public record Actor(TicketMessage.Actor kind, Long userId) {
        public static final Actor SYSTEM = new Actor(TicketMessage.Actor.SYSTEM, null);
    }

    public Uni<Void> apply(Ticket ticket, TicketAction action, Actor actor, String reason, Instant now) {
        TicketStatus from = ticket.status;
        TicketStatus to;
        try {
            to = TicketWorkflow.next(from, action, ticket.resolvedAt, now);
        } catch (TicketWorkflow.Refused refused) {
            return Uni.createFrom().failure(new ApiException(refused.refusal() == TicketWorkflow.Refusal.REOPEN_WINDOW_OVER
                    ? ErrorCode.TICKET_REOPEN_WINDOW_OVER : ErrorCode.TICKET_TRANSITION_NOT_ALLOWED, refused.getMessage()));
        }
        ticket.status = to;
        Uni<Void> clock = Uni.createFrom().voidItem();
        if (from == TicketStatus.WAITING_ON_SUBMITTER && ticket.waitingSince != null) {
            ticket.pausedSeconds += Math.max(0, Duration.between(ticket.waitingSince, now).toSeconds());
            ticket.waitingSince = null;
            clock = sla.due(ticket.level, ticket.submittedAt, ticket.paused()).invoke(due -> {
                ticket.firstResponseDue = due.firstResponse();
                ticket.resolutionDue = due.resolution();
            }).replaceWithVoid();
        }
        switch (to) {
            case WAITING_ON_SUBMITTER -> ticket.waitingSince = now;
            case RESOLVED -> ticket.resolvedAt = now;
            case CLOSED -> ticket.closedAt = now;
            case IN_PROGRESS -> {
                if (action == TicketAction.REOPEN) {
                    ticket.resolvedAt = null;
                    ticket.closedAt = null;
                }
            }
            default -> {
            }
        }
        TicketStatus target = to;
        return clock.chain(() -> history(ticket, actor, TicketHistoryEntry.Change.STATUS, from.name(), target.name(), reason, now))
                .chain(() -> events.record(ticket, "status", from, target, now, true));
    }

    /** A history entry of any change. */
    public Uni<Void> history(Ticket ticket, Actor actor, TicketHistoryEntry.Change change, String from, String to, String reason, Instant now) {
        TicketHistoryEntry entry = new TicketHistoryEntry();
        entry.ticketId = ticket.id;
        entry.at = now;
        entry.actorKind = actor.kind();
        entry.actorUserId = actor.userId();
        entry.change = change;
        entry.fromValue = from;
        entry.toValue = to;
        entry.reason = reason;
        return tickets.add(entry);
    }

    /** A message on the ticket, with its event (an internal note's event says only that something non-public happened). */
    public Uni<Void> message(Ticket ticket, Actor actor, boolean internal, String body, Instant now) {
        TicketMessage message = new TicketMessage();
        message.ticketId = ticket.id;
        message.authorKind = actor.kind();
        message.authorUserId = actor.userId();
        message.internal = internal;
        message.body = body;
        message.createdAt = now;
        return tickets.add(message).chain(() -> events.record(ticket, internal ? "note" : "reply", ticket.status, ticket.status, now, !internal));
    }
}
