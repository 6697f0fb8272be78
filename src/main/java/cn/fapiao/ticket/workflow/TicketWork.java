package cn.fapiao.ticket.workflow;

import cn.fapiao.common.ApiException;
import cn.fapiao.common.ErrorCode;
import cn.fapiao.domain.Problem;
import cn.fapiao.domain.TicketAction;
import cn.fapiao.domain.TicketStatus;
import cn.fapiao.security.Caller;
import cn.fapiao.security.Role;
import cn.fapiao.ticket.DeskAccess;
import cn.fapiao.ticket.SupportConfig;
import cn.fapiao.ticket.Ticket;
import cn.fapiao.ticket.TicketEvents;
import cn.fapiao.ticket.TicketHistoryEntry;
import cn.fapiao.ticket.TicketMessage;
import cn.fapiao.ticket.TicketRepository;
import cn.fapiao.ticket.api.AssignTicketInput;
import cn.fapiao.ticket.api.MergeTicketInput;
import cn.fapiao.ticket.api.MoveTicketInput;
import cn.fapiao.ticket.api.ReplyToTicketInput;
import cn.fapiao.ticket.api.SetTicketLevelInput;
import cn.fapiao.ticket.api.TicketView;
import cn.fapiao.ticket.attachments.AttachmentStore;
import cn.fapiao.ticket.reading.TicketAccess;
import cn.fapiao.ticket.reading.TicketViews;
import cn.fapiao.taxpayer.AppUser;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/** What the desk's agents do to a ticket: move, reply, assign, change the level, merge. */
@ApplicationScoped
public class TicketWork {

    static final int MAX_BODY = 10_000;
    static final int MAX_REASON = 1000;
    static final int MAX_TEAM = 64;

    private final DeskAccess desk;
    private final TicketAccess access;
    private final TicketRepository tickets;
    private final TicketTransitions transitions;
    private final TicketViews views;
    private final TicketEvents events;
    private final SlaSettings sla;
    private final SupportConfig config;
    private final AttachmentStore attachments;

    public TicketWork(DeskAccess desk, TicketAccess access, TicketRepository tickets, TicketTransitions transitions, TicketViews views,
                      TicketEvents events, SlaSettings sla, SupportConfig config, AttachmentStore attachments) {
        this.desk = desk;
        this.access = access;
        this.tickets = tickets;
        this.transitions = transitions;
        this.views = views;
        this.events = events;
        this.sla = sla;
        this.config = config;
        this.attachments = attachments;
    }

    public Uni<TicketView> move(Caller caller, MoveTicketInput input) {
        if (input.action() == TicketAction.MERGE || input.action() == TicketAction.SUBMITTER_ANSWERED) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "input.action", "`input.action` " + input.action()
                    + " is not an agent's move: merge with mergeTicket; the submitter answers with answerTicket.");
        }
        String reason = optional(input.reason(), "input.reason", MAX_REASON);
        return work(caller, input.id(), (ticket, actor) -> transitions.apply(ticket, input.action(), actor, reason, Instant.now()));
    }

    public Uni<TicketView> reply(Caller caller, ReplyToTicketInput input) {
        String body = required(input.body(), "input.body", MAX_BODY);
        boolean internal = Boolean.TRUE.equals(input.internal());
        boolean ask = Boolean.TRUE.equals(input.askSubmitter());
        if (internal && ask) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "input.askSubmitter", "`input.askSubmitter` needs a public reply: the submitter never sees an internal note.");
        }
        return work(caller, input.id(), (ticket, actor) -> {
            Instant now = Instant.now();
            if (!internal && !ticket.status.isOpen() && ticket.status != TicketStatus.RESOLVED) {
                return Uni.createFrom().failure(new ApiException(ErrorCode.TICKET_TRANSITION_NOT_ALLOWED,
                        "A ticket that is " + ticket.status + " takes no public replies; reopen it first (internal notes are always possible)."));
            }
            if (!internal && ticket.firstRespondedAt == null) {
                ticket.firstRespondedAt = now;
            }
            // A public reply to a NEW ticket acknowledges it: the submitter has been answered.
            Uni<Void> acknowledged = !internal && ticket.status == TicketStatus.NEW
                    ? transitions.apply(ticket, TicketAction.ACKNOWLEDGE, actor, "replied", now) : Uni.createFrom().voidItem();
            Uni<Void> written = acknowledged.chain(() -> transitions.message(ticket, actor, internal, body, now));
            return ask ? written.chain(() -> transitions.apply(ticket, TicketAction.ASK_SUBMITTER, actor, null, now)) : written;
        });
    }

    public Uni<TicketView> assign(Caller caller, AssignTicketInput input) {
        String team = optional(input.team(), "input.team", MAX_TEAM);
        Long assignee = input.assigneeId() == null ? null : parseUser(input.assigneeId());
        return work(caller, input.id(), (ticket, actor) -> deskAgent(assignee).chain(() -> {
            String before = describe(ticket.assigneeId, ticket.team);
            ticket.assigneeId = assignee;
            ticket.team = team;
            Instant now = Instant.now();
            return transitions.history(ticket, actor, TicketHistoryEntry.Change.ASSIGNMENT, before, describe(assignee, team), null, now)
                    .chain(() -> events.record(ticket, "assignment", ticket.status, ticket.status, now, false));
        }));
    }

    public Uni<TicketView> setLevel(Caller caller, SetTicketLevelInput input) {
        String reason = required(input.reason(), "input.reason", MAX_REASON);
        return work(caller, input.id(), (ticket, actor) -> {
            Instant now = Instant.now();
            String before = ticket.level.name();
            ticket.level = input.level();
            return sla.due(ticket.level, ticket.submittedAt, ticket.paused()).chain(due -> {
                ticket.firstResponseDue = due.firstResponse();
                ticket.resolutionDue = due.resolution();
                return transitions.history(ticket, actor, TicketHistoryEntry.Change.LEVEL, before, input.level().name(), reason, now)
                        .chain(() -> events.record(ticket, "level", ticket.status, ticket.status, now, false));
            });
        });
    }

    /** Locks both tickets in id order (two merges of the same pair cannot deadlock), moves the duplicate into the survivor. */
    public Uni<TicketView> merge(Caller caller, MergeTicketInput input) {
        long id = TicketAccess.parseId(input.id());
        long into = TicketAccess.parseId(input.intoId());
        return desk.requireAgent(caller).chain(agent -> Panache.withTransaction(() -> {
            Uni<Ticket> first = access.lockForAgent(String.valueOf(Math.min(id, into)));
            return first.chain(a -> access.lockForAgent(String.valueOf(Math.max(id, into))).chain(b -> {
                Ticket duplicate = a.id == id ? a : b;
                Ticket survivor = a.id == into ? a : b;
                if (id == into || survivor.status == TicketStatus.MERGED || survivor.status == TicketStatus.CLOSED
                        || !Objects.equals(duplicate.organisationId, survivor.organisationId)) {
                    return Uni.createFrom().failure(new ApiException(ErrorCode.TICKET_MERGE_NOT_ALLOWED, "input.intoId",
                            "These tickets cannot be merged: the survivor must be another open ticket of the same organisation (or both anonymous)."));
                }
                TicketTransitions.Actor actor = new TicketTransitions.Actor(TicketMessage.Actor.AGENT, caller.userId());
                Instant now = Instant.now();
                duplicate.mergedIntoId = survivor.id;
                return transitions.apply(duplicate, TicketAction.MERGE, actor, "merged into " + survivor.trackingNumber, now)
                        .chain(() -> transitions.history(duplicate, actor, TicketHistoryEntry.Change.MERGED, duplicate.trackingNumber, survivor.trackingNumber, null, now))
                        .chain(() -> transitions.history(survivor, actor, TicketHistoryEntry.Change.MERGED, duplicate.trackingNumber, survivor.trackingNumber, null, now))
                        .chain(() -> attachments.move(duplicate.id, survivor.id))
                        .chain(() -> transitions.message(survivor, TicketTransitions.Actor.SYSTEM, true,
                                "Merged " + duplicate.trackingNumber + " into this ticket: " + duplicate.subject + "\n" + duplicate.description, now))
                        .chain(() -> views.view(survivor, true));
            }));
        }));
    }

    private Uni<TicketView> work(Caller caller, String id, Change change) {
        return desk.requireAgent(caller).chain(agent -> Panache.withTransaction(() -> access.lockForAgent(id).chain(ticket ->
                change.apply(ticket, new TicketTransitions.Actor(TicketMessage.Actor.AGENT, caller.userId()))
                        .chain(() -> views.view(ticket, true)))));
    }

    @FunctionalInterface
    private interface Change {
        Uni<Void> apply(Ticket ticket, TicketTransitions.Actor actor);
    }

    /** The assignee must be an active SUPPORT_AGENT of the desk's organisation. */
    private Uni<Void> deskAgent(Long userId) {
        if (userId == null) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(s -> s.find(AppUser.class, userId)).chain(user -> {
            if (user == null || !user.active || !user.roleSet().contains(Role.SUPPORT_AGENT)) {
                return Uni.createFrom().failure(notAnAgent());
            }
            return desk.isAgent(new Caller(user.id, user.username, user.organisationId, EnumSet.copyOf(user.roleSet())))
                    .invoke(isAgent -> {
                        if (!isAgent) {
                            throw notAnAgent();
                        }
                    }).replaceWithVoid();
        });
    }

    private static ApiException notAnAgent() {
        return new ApiException(ErrorCode.VALIDATION_FAILED, "input.assigneeId", "`input.assigneeId` is not an active agent of the feedback desk.");
    }

    private static long parseUser(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw notAnAgent();
        }
    }

    private static String describe(Long assignee, String team) {
        return (assignee == null ? "-" : "user " + assignee) + " / " + (team == null ? "-" : team);
    }

    static String required(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw ApiException.validation(List.of(new Problem(field, "REQUIRED", "`" + field + "` must not be empty.")));
        }
        return optional(value, field, max);
    }

    static String optional(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > max) {
            throw ApiException.validation(List.of(new Problem(field, "TOO_LONG", "`" + field + "` holds at most " + max + " characters.")));
        }
        return value.strip();
    }

    /** For the submitters' side: the same text rules. */
    public static String requiredText(String value, String field, int max) {
        return required(value, field, max);
    }

    public static String optionalText(String value, String field, int max) {
        return optional(value, field, max);
    }

}
