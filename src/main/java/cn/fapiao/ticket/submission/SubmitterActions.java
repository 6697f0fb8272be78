package cn.fapiao.ticket.submission;

import cn.fapiao.common.ApiException;
import cn.fapiao.common.ErrorCode;
import cn.fapiao.domain.Problem;
import cn.fapiao.domain.TicketAction;
import cn.fapiao.domain.TicketStatus;
import cn.fapiao.domain.TicketWorkflow;
import cn.fapiao.ratelimit.RateLimiter;
import cn.fapiao.security.Caller;
import cn.fapiao.ticket.SupportConfig;
import cn.fapiao.ticket.Ticket;
import cn.fapiao.ticket.TicketEvents;
import cn.fapiao.ticket.TicketHistoryEntry;
import cn.fapiao.ticket.TicketMessage;
import cn.fapiao.ticket.TicketRepository;
import cn.fapiao.ticket.api.AddTicketAttachmentInput;
import cn.fapiao.ticket.api.AnswerTicketInput;
import cn.fapiao.ticket.api.RateTicketInput;
import cn.fapiao.ticket.api.TicketView;
import cn.fapiao.ticket.attachments.AttachmentContent;
import cn.fapiao.ticket.attachments.AttachmentStore;
import cn.fapiao.ticket.attachments.FileKind;
import cn.fapiao.ticket.reading.AccessKeys;
import cn.fapiao.ticket.reading.TicketAccess;
import cn.fapiao.ticket.reading.TicketViews;
import cn.fapiao.ticket.workflow.TicketTransitions;
import cn.fapiao.ticket.workflow.TicketWork;
import cn.fapiao.ticket.workflow.TeamLead;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * What a submitter does on their ticket, with its access key or as a user of its organisation:
 * read it, answer, rate it once, attach files. Agents opening the same ticket see it whole.
 */
@ApplicationScoped
public class SubmitterActions {

    static final int MAX_BODY = 10_000;
    static final int MAX_COMMENT = 2000;
    static final int MAX_FILE_NAME = 200;
    /** Ratings at or below this reopen the ticket for a lead's review. */
    static final int LOW_RATING = 2;

    private final TicketAccess access;
    private final TicketRepository tickets;
    private final TicketTransitions transitions;
    private final TicketViews views;
    private final TicketEvents events;
    private final AttachmentStore attachments;
    private final SupportConfig config;
    private final RateLimiter rateLimiter;
    private final TeamLead lead;

    public SubmitterActions(TicketAccess access, TicketRepository tickets, TicketTransitions transitions, TicketViews views, TicketEvents events,
                            AttachmentStore attachments, SupportConfig config, RateLimiter rateLimiter, TeamLead lead) {
        this.access = access;
        this.tickets = tickets;
        this.transitions = transitions;
        this.views = views;
        this.events = events;
        this.attachments = attachments;
        this.config = config;
        this.rateLimiter = rateLimiter;
        this.lead = lead;
    }

    public Uni<TicketView> read(Caller caller, String clientAddress, String trackingNumber, String accessKey) {
        TicketAccess.canonical(trackingNumber, "trackingNumber");
        return charge(caller, clientAddress).chain(() -> Panache.withSession(() -> access.open(caller, trackingNumber, accessKey)
                .chain(opened -> views.view(opened.ticket(), opened.agent()))));
    }

    public Uni<TicketView> answer(Caller caller, String clientAddress, AnswerTicketInput input) {
        String body = TicketWork.requiredText(input.body(), "input.body", MAX_BODY);
        return onTicket(caller, clientAddress, input.trackingNumber(), input.accessKey(), (ticket, actor, now) -> {
            Uni<Void> moved = switch (ticket.status) {
                case WAITING_ON_SUBMITTER -> transitions.apply(ticket, TicketAction.SUBMITTER_ANSWERED, actor, null, now);
                case RESOLVED, CLOSED -> transitions.apply(ticket, TicketAction.REOPEN, actor, "the submitter answered", now);
                default -> Uni.createFrom().voidItem();
            };
            return moved.chain(() -> transitions.message(ticket, actor, false, body, now));
        });
    }

    public Uni<TicketView> rate(Caller caller, String clientAddress, RateTicketInput input) {
        if (input.rating() < 1 || input.rating() > 5) {
            throw ApiException.validation(List.of(new Problem("input.rating", "OUT_OF_RANGE", "`input.rating` must be 1 to 5.")));
        }
        String comment = TicketWork.optionalText(input.comment(), "input.comment", MAX_COMMENT);
        return onTicket(caller, clientAddress, input.trackingNumber(), input.accessKey(), (ticket, actor, now) -> {
            if (actor.kind() == TicketMessage.Actor.AGENT) {
                // The desk does not grade itself: the statistics count the submitters' ratings only.
                return Uni.createFrom().failure(new ApiException(ErrorCode.TICKET_RATING_NOT_ALLOWED, "input.rating", "Only the submitter rates a ticket."));
            }
            if (ticket.rating != null || (ticket.status != TicketStatus.RESOLVED && ticket.status != TicketStatus.CLOSED)) {
                return Uni.createFrom().failure(new ApiException(ErrorCode.TICKET_RATING_NOT_ALLOWED, "input.rating",
                        ticket.rating != null ? "This ticket has been rated already." : "A ticket is rated once it is resolved."));
            }
            ticket.rating = (short) input.rating();
            ticket.ratingComment = comment;
            ticket.ratedAt = now;
            Uni<Void> rated = transitions.history(ticket, actor, TicketHistoryEntry.Change.RATED, null, String.valueOf(input.rating()), comment, now)
                    .chain(() -> events.record(ticket, "rated", ticket.status, ticket.status, now, true));
            if (input.rating() > LOW_RATING) {
                return rated;
            }
            return rated.chain(() -> lowRating(ticket, actor, now));
        });
    }

    /** A low rating puts the ticket before the team lead, reopened when still within the reopen window. */
    private Uni<Void> lowRating(Ticket ticket, TicketTransitions.Actor actor, Instant now) {
        ticket.needsLeadReview = true;
        ticket.team = config.escalationTeam();
        Uni<Void> reopened = reopenIfPossible(ticket, actor, now);
        return lead.id().invoke(leadId -> {
                    if (leadId != null) {
                        ticket.assigneeId = leadId;
                    }
                })
                .chain(() -> transitions.history(ticket, TicketTransitions.Actor.SYSTEM, TicketHistoryEntry.Change.LEAD_REVIEW, null,
                        config.escalationTeam(), "low rating", now))
                .chain(() -> reopened);
    }

    private Uni<Void> reopenIfPossible(Ticket ticket, TicketTransitions.Actor actor, Instant now) {
        if (ticket.resolvedAt == null || now.isAfter(ticket.resolvedAt.plus(TicketWorkflow.REOPEN_WINDOW))) {
            return Uni.createFrom().voidItem();
        }
        return transitions.apply(ticket, TicketAction.REOPEN, actor, "low rating: a lead reviews it", now);
    }

    public Uni<TicketView> attach(Caller caller, String clientAddress, AddTicketAttachmentInput input) {
        String fileName = TicketWork.requiredText(input.fileName(), "input.fileName", MAX_FILE_NAME);
        byte[] content = decode(input.contentBase64());
        FileKind kind = FileKind.of(content).orElseThrow(() -> new ApiException(ErrorCode.ATTACHMENT_TYPE_NOT_ALLOWED, "input.contentBase64",
                "`input.contentBase64` is not a PNG, JPEG or PDF file (judged by its content, not its name)."));
        return onTicket(caller, clientAddress, input.trackingNumber(), input.accessKey(), (ticket, actor, now) -> {
            if (ticket.status == TicketStatus.CLOSED || ticket.status == TicketStatus.MERGED) {
                return Uni.createFrom().failure(new ApiException(ErrorCode.TICKET_TRANSITION_NOT_ALLOWED, "A closed ticket takes no attachments."));
            }
            return attachments.usage(ticket.id).chain(usage -> {
                if (usage.count() >= config.attachments().maxPerTicket() || usage.bytes() + content.length > config.attachments().maxTicketBytes()) {
                    return Uni.createFrom().failure(new ApiException(ErrorCode.ATTACHMENT_TOO_LARGE, "input.contentBase64",
                            "A ticket holds at most " + config.attachments().maxPerTicket() + " attachments of " + config.attachments().maxTicketBytes()
                                    + " bytes together."));
                }
                return attachments.save(ticket.id, fileName, kind.mediaType(), content, AccessKeys.hash(content), now)
                        .chain(() -> events.record(ticket, "attachment", ticket.status, ticket.status, now, true));
            });
        });
    }

    /** The content of one attachment of a ticket the caller may open. */
    public Uni<AttachmentContent> attachment(Caller caller, String clientAddress, String trackingNumber, String accessKey, String attachmentId) {
        TicketAccess.canonical(trackingNumber, "trackingNumber");
        long id;
        try {
            id = Long.parseLong(attachmentId);
        } catch (NumberFormatException e) {
            throw TicketAccess.notFound();
        }
        return charge(caller, clientAddress).chain(() -> Panache.withSession(() -> access.open(caller, trackingNumber, accessKey)
                .chain(opened -> attachments.list(opened.ticket().id).chain(list -> {
                    AttachmentStore.Stored stored = list.stream().filter(a -> a.id() == id).findFirst().orElse(null);
                    if (stored == null) {
                        return Uni.createFrom().failure(TicketAccess.notFound());
                    }
                    return attachments.content(opened.ticket().id, id).map(bytes -> new AttachmentContent(String.valueOf(id), stored.fileName(),
                            stored.mediaType(), stored.sizeBytes(), Base64.getEncoder().encodeToString(bytes)));
                }))));
    }

    private byte[] decode(String base64) {
        int max = config.attachments().maxFileBytes();
        // Checked before decoding: the text of a file too large is refused without decoding it.
        if (base64.length() > (max + 2) / 3 * 4 + 4) {
            throw new ApiException(ErrorCode.ATTACHMENT_TOO_LARGE, "input.contentBase64", "A file may hold at most " + max + " bytes.");
        }
        byte[] content;
        try {
            content = Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation(List.of(new Problem("input.contentBase64", "INVALID_FORMAT", "`input.contentBase64` is not base64.")));
        }
        if (content.length > max) {
            throw new ApiException(ErrorCode.ATTACHMENT_TOO_LARGE, "input.contentBase64", "A file may hold at most " + max + " bytes.");
        }
        if (content.length == 0) {
            throw ApiException.validation(List.of(new Problem("input.contentBase64", "REQUIRED", "`input.contentBase64` is empty.")));
        }
        return content;
    }

    @FunctionalInterface
    private interface Change {
        Uni<Void> apply(Ticket ticket, TicketTransitions.Actor actor, Instant now);
    }

    private Uni<TicketView> onTicket(Caller caller, String clientAddress, String trackingNumber, String accessKey, Change change) {
        TicketAccess.canonical(trackingNumber, "input.trackingNumber");
        return charge(caller, clientAddress).chain(() -> Panache.withTransaction(() -> access.open(caller, trackingNumber, accessKey)
                .chain(opened -> tickets.lock(opened.ticket().id).chain(ticket -> {
                    TicketTransitions.Actor actor = opened.agent()
                            ? new TicketTransitions.Actor(TicketMessage.Actor.AGENT, caller.userId())
                            : new TicketTransitions.Actor(TicketMessage.Actor.SUBMITTER, caller.isAuthenticated() ? caller.userId() : null);
                    return change.apply(ticket, actor, Instant.now()).chain(() -> views.view(ticket, opened.agent()));
                }))));
    }

    /** Anonymous callers pay per address for every ticket opened with a key: trying keys is slow. */
    private Uni<Void> charge(Caller caller, String clientAddress) {
        return caller.isAuthenticated() ? Uni.createFrom().voidItem() : rateLimiter.chargeTicketKey(clientAddress);
    }
}
