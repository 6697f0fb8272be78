package cn.fapiao.ticket.submission;

import cn.fapiao.common.ApiException;
import cn.fapiao.domain.Problem;
import cn.fapiao.domain.SlaClock;
import cn.fapiao.domain.TicketLevel;
import cn.fapiao.domain.TicketLevelProposal;
import cn.fapiao.domain.TicketStatus;
import cn.fapiao.ratelimit.RateLimiter;
import cn.fapiao.security.Caller;
import cn.fapiao.security.crypto.FieldCipher;
import cn.fapiao.ticket.Ticket;
import cn.fapiao.ticket.TicketEvents;
import cn.fapiao.ticket.TicketHistoryEntry;
import cn.fapiao.ticket.TicketMessage;
import cn.fapiao.ticket.TicketRepository;
import cn.fapiao.ticket.api.SubmitFeedbackInput;
import cn.fapiao.ticket.api.SubmittedFeedback;
import cn.fapiao.ticket.reading.AccessKeys;
import cn.fapiao.ticket.reading.TicketViews;
import cn.fapiao.ticket.workflow.SlaSettings;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** {@code submitFeedback}: anyone, logged in or not, opens a ticket and gets its tracking number (and, anonymously, its key). */
@ApplicationScoped
public class FeedbackSubmission {

    static final int MAX_SUBJECT = 200;
    static final int MAX_DESCRIPTION = 10_000;
    static final int MAX_CONTACT = 200;
    static final int MAX_INVOICE_REFERENCE = 64;
    static final int MAX_FINDINGS = 30;
    private static final Pattern FINDING = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    private final TicketRepository tickets;
    private final TrackingNumbers numbers;
    private final SlaSettings sla;
    private final TicketEvents events;
    private final TicketViews views;
    private final FieldCipher cipher;
    private final RateLimiter rateLimiter;

    public FeedbackSubmission(TicketRepository tickets, TrackingNumbers numbers, SlaSettings sla, TicketEvents events, TicketViews views,
                              FieldCipher cipher, RateLimiter rateLimiter) {
        this.tickets = tickets;
        this.numbers = numbers;
        this.sla = sla;
        this.events = events;
        this.views = views;
        this.cipher = cipher;
        this.rateLimiter = rateLimiter;
    }

    public Uni<SubmittedFeedback> submit(Caller caller, String clientAddress, SubmitFeedbackInput input) {
        UUID suggestion = validate(input);
        boolean anonymous = !caller.isAuthenticated() || caller.organisationId() == null;
        Uni<Void> charged = anonymous ? rateLimiter.chargeAnonymousFeedback(clientAddress) : rateLimiter.chargeExpensive(caller.userId(), clientAddress);
        Instant now = Instant.now();
        TicketLevel level = TicketLevelProposal.propose(input.category(), input.subject(), input.description());
        String key = anonymous ? AccessKeys.newKey() : null;
        return charged.chain(() -> sla.due(level, now, Duration.ZERO)).chain(due -> Panache.withTransaction(() ->
                numbers.next(LocalDate.ofInstant(now, SlaClock.SHANGHAI)).chain(number -> {
                    Ticket ticket = newTicket(caller, anonymous, input, level, due, now, number.text(), key, suggestion);
                    return tickets.persist(ticket).chain(tickets::flush)
                            .chain(() -> tickets.add(history(ticket, now, caller, anonymous)))
                            .chain(() -> linkSuggestion(suggestion, ticket.id))
                            .chain(() -> events.record(ticket, "created", null, TicketStatus.NEW, now, true))
                            .chain(() -> views.view(ticket, false))
                            .map(view -> new SubmittedFeedback(ticket.trackingNumber, key, view));
                })));
    }

    private Ticket newTicket(Caller caller, boolean anonymous, SubmitFeedbackInput input, TicketLevel level, SlaClock.Due due, Instant now,
                             String number, String key, UUID suggestion) {
        Ticket t = new Ticket();
        t.trackingNumber = number;
        t.organisationId = anonymous ? null : caller.organisationId();
        t.submittedBy = anonymous ? null : caller.userId();
        t.accessKeyHash = key == null ? null : AccessKeys.hash(key);
        t.category = input.category();
        t.subject = input.subject().strip();
        t.description = input.description().strip();
        t.contact = blank(input.contact()) ? null : cipher.encrypt(input.contact().strip(), Ticket.CONTACT_COLUMN);
        t.invoiceReference = blank(input.invoiceReference()) ? null : input.invoiceReference().strip();
        t.diagnosisFindings = input.diagnosisFindings() == null ? new String[0]
                : input.diagnosisFindings().stream().distinct().toArray(String[]::new);
        t.level = level;
        t.proposedLevel = level;
        t.status = TicketStatus.NEW;
        t.submittedAt = now;
        t.firstResponseDue = due.firstResponse();
        t.resolutionDue = due.resolution();
        t.suggestionId = suggestion;
        return t;
    }

    private static TicketHistoryEntry history(Ticket ticket, Instant now, Caller caller, boolean anonymous) {
        TicketHistoryEntry entry = new TicketHistoryEntry();
        entry.ticketId = ticket.id;
        entry.at = now;
        entry.actorKind = TicketMessage.Actor.SUBMITTER;
        entry.actorUserId = anonymous ? null : caller.userId();
        entry.change = TicketHistoryEntry.Change.SUBMITTED;
        entry.toValue = TicketStatus.NEW.name();
        entry.reason = "level " + ticket.level + " proposed from category " + ticket.category;
        return entry;
    }

    /** Marks the suggestions shown before as followed by a ticket (only once: a second ticket does not take it over). */
    private Uni<Void> linkSuggestion(UUID suggestion, long ticketId) {
        if (suggestion == null) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("update kb_suggestion set ticket_id = ?1 where id = ?2 and ticket_id is null")
                .setParameter(1, ticketId).setParameter(2, suggestion).executeUpdate()).replaceWithVoid();
    }

    private static UUID validate(SubmitFeedbackInput input) {
        List<Problem> problems = new ArrayList<>();
        text(problems, "input.subject", input.subject(), true, MAX_SUBJECT);
        text(problems, "input.description", input.description(), true, MAX_DESCRIPTION);
        text(problems, "input.contact", input.contact(), false, MAX_CONTACT);
        text(problems, "input.invoiceReference", input.invoiceReference(), false, MAX_INVOICE_REFERENCE);
        if (input.diagnosisFindings() != null) {
            if (input.diagnosisFindings().size() > MAX_FINDINGS) {
                problems.add(new Problem("input.diagnosisFindings", "TOO_MANY", "`input.diagnosisFindings` holds at most " + MAX_FINDINGS + " codes."));
            } else {
                for (int i = 0; i < input.diagnosisFindings().size(); i++) {
                    if (!FINDING.matcher(input.diagnosisFindings().get(i)).matches()) {
                        problems.add(new Problem("input.diagnosisFindings[" + i + "]", "INVALID_FORMAT",
                                "`input.diagnosisFindings[" + i + "]` is not a finding code of diagnoseInvoice (like NO_EXPLANATION)."));
                    }
                }
            }
        }
        UUID suggestion = null;
        if (input.suggestionId() != null) {
            try {
                suggestion = UUID.fromString(input.suggestionId());
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("input.suggestionId", "INVALID_FORMAT", "`input.suggestionId` is not a suggestionId of suggestArticles."));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        return suggestion;
    }

    static void text(List<Problem> problems, String field, String value, boolean required, int max) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(new Problem(field, "REQUIRED", "`" + field + "` must not be empty."));
            }
        } else if (value.strip().length() > max) {
            problems.add(new Problem(field, "TOO_LONG", "`" + field + "` holds at most " + max + " characters."));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
