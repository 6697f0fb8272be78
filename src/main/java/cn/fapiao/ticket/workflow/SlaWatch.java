package cn.fapiao.ticket.workflow;

import cn.fapiao.domain.SlaClock;
import cn.fapiao.domain.TicketAction;
import cn.fapiao.domain.TicketWorkflow;
import cn.fapiao.ticket.SupportConfig;
import cn.fapiao.ticket.Ticket;
import cn.fapiao.ticket.TicketEvents;
import cn.fapiao.ticket.TicketHistoryEntry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;

/**
 * The desk's clock: every {@code fapiao.support.watch-every} each replica looks for late tickets
 * (flags the breach, raises the level, hands the ticket to the team lead) and for tickets resolved
 * {@link TicketWorkflow#REOPEN_WINDOW} ago (closes them). With several replicas on one database
 * each ticket is handled once: the rows are taken {@code for update skip locked}, so a second
 * replica passes over what the first holds, and once the first commits the ticket no longer
 * matches (escalated, or closed).
 */
@ApplicationScoped
public class SlaWatch {

    private static final Logger LOG = Logger.getLogger(SlaWatch.class);
    /** Tickets per transaction; the next run takes the rest. */
    static final int BATCH = 100;

    private static final String LATE = """
            select * from support_ticket
            where escalated_at is null and status in ('NEW', 'ACKNOWLEDGED', 'IN_PROGRESS')
              and ((first_responded_at is null and first_response_due < ?1)
                or (resolved_at is null and resolution_due < ?1))
            order by first_response_due, id limit ?2
            for update skip locked""";
    private static final String TO_CLOSE = """
            select * from support_ticket where status = 'RESOLVED' and resolved_at <= ?1
            order by resolved_at, id limit ?2
            for update skip locked""";

    private final TicketTransitions transitions;
    private final TicketEvents events;
    private final SupportConfig config;
    private final TeamLead lead;

    public SlaWatch(TicketTransitions transitions, TicketEvents events, SupportConfig config, TeamLead lead) {
        this.transitions = transitions;
        this.events = events;
        this.config = config;
        this.lead = lead;
    }

    @Scheduled(every = "${fapiao.support.watch-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, delayed = "10s")
    Uni<Void> watch() {
        Instant now = Instant.now();
        return escalate(now).chain(() -> closeResolved(now)).replaceWithVoid()
                .onFailure().invoke(e -> LOG.warn("The SLA watch failed; the next run tries again", e))
                .onFailure().recoverWithNull();
    }

    /** Flags and escalates the tickets late at {@code now}; answers how many this run escalated. */
    public Uni<Integer> escalate(Instant now) {
        return lead.id().chain(leadId -> Panache.withTransaction(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery(LATE, Ticket.class).setParameter(1, now).setParameter(2, BATCH).getResultList())
                .chain(late -> each(late, ticket -> escalate(ticket, leadId, now)))));
    }

    private Uni<Boolean> escalate(Ticket ticket, Long leadId, Instant now) {
        // The query found it late; the domain rule has the last word (a ticket waiting on its submitter is never late).
        if (!SlaClock.breached(ticket.due(), ticket.firstRespondedAt, ticket.resolvedAt, ticket.waitingSince, now)) {
            return Uni.createFrom().item(false);
        }
        String before = ticket.level.name();
        ticket.breachedAt = now;
        ticket.escalatedAt = now;
        ticket.level = ticket.level.raised();
        ticket.team = config.escalationTeam();
        if (leadId != null) {
            ticket.assigneeId = leadId;
        }
        String late = ticket.firstRespondedAt == null && now.isAfter(ticket.firstResponseDue) ? "first response late" : "resolution late";
        return transitions.history(ticket, TicketTransitions.Actor.SYSTEM, TicketHistoryEntry.Change.BREACHED, null, null, late, now)
                .chain(() -> transitions.history(ticket, TicketTransitions.Actor.SYSTEM, TicketHistoryEntry.Change.ESCALATED, before,
                        ticket.level.name(), "to " + config.escalationTeam(), now))
                .chain(() -> events.record(ticket, "escalated", ticket.status, ticket.status, now, false))
                .replaceWith(true);
    }

    /** Closes the tickets resolved a reopen window before {@code now}; answers how many. */
    public Uni<Integer> closeResolved(Instant now) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery(TO_CLOSE, Ticket.class).setParameter(1, now.minus(TicketWorkflow.REOPEN_WINDOW))
                        .setParameter(2, BATCH).getResultList())
                .chain(resolved -> each(resolved, ticket -> transitions.apply(ticket, TicketAction.CLOSE, TicketTransitions.Actor.SYSTEM,
                        "closed " + TicketWorkflow.REOPEN_WINDOW.toDays() + " days after resolution", now).replaceWith(true))));
    }

    /** One ticket after the other (one session runs one statement at a time); counts those done. */
    private static Uni<Integer> each(List<Ticket> tickets, java.util.function.Function<Ticket, Uni<Boolean>> action) {
        return Multi.createFrom().iterable(tickets).onItem().transformToUniAndConcatenate(ticket -> action.apply(ticket)).collect().asList()
                .map(done -> (int) done.stream().filter(Boolean::booleanValue).count());
    }
}
