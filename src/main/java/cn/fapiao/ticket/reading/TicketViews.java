package cn.fapiao.ticket.reading;

import cn.fapiao.security.crypto.FieldCipher;
import cn.fapiao.ticket.Ticket;
import cn.fapiao.ticket.TicketHistoryEntry;
import cn.fapiao.ticket.TicketMessage;
import cn.fapiao.ticket.TicketRepository;
import cn.fapiao.ticket.api.TicketAttachmentView;
import cn.fapiao.ticket.api.TicketHistoryView;
import cn.fapiao.ticket.api.TicketMessageView;
import cn.fapiao.ticket.api.TicketView;
import cn.fapiao.ticket.attachments.AttachmentStore;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps a ticket to what its viewer may see. The one place that decides it: a submitter's view
 * holds public messages only (internal notes are not even loaded), no history, no contact and no
 * agent names. Runs in the caller's session.
 */
@ApplicationScoped
public class TicketViews {

    /** Messages and history entries a ticket shows (the newest); QueryCost counts lists at this bound. */
    public static final int SHOWN = 200;

    private final TicketRepository tickets;
    private final AttachmentStore attachments;
    private final FieldCipher cipher;

    public TicketViews(TicketRepository tickets, AttachmentStore attachments, FieldCipher cipher) {
        this.tickets = tickets;
        this.attachments = attachments;
        this.cipher = cipher;
    }

    public Uni<TicketView> view(Ticket ticket, boolean agent) {
        Uni<List<TicketMessage>> messages = tickets.messages(ticket.id, agent, SHOWN);
        Uni<List<TicketHistoryEntry>> history = agent ? tickets.history(ticket.id, SHOWN) : Uni.createFrom().item(List.of());
        Uni<String> mergedInto = ticket.mergedIntoId == null ? Uni.createFrom().nullItem()
                : tickets.findById(ticket.mergedIntoId).map(t -> t == null ? null : t.trackingNumber);
        // One session runs one statement at a time: chained, not combined.
        return messages.chain(m -> history.chain(h -> attachments.list(ticket.id).chain(a -> mergedInto.chain(merged ->
                usernames(agent, ticket, m, h).map(names -> build(ticket, agent, m, h, a, merged, names))))));
    }

    private TicketView build(Ticket t, boolean agent, List<TicketMessage> messages, List<TicketHistoryEntry> history,
                             List<AttachmentStore.Stored> stored, String mergedInto, Map<Long, String> knownNames) {
        // Looked up by ids that may be null (no assignee, the submitter's messages): a map that allows null keys.
        Map<Long, String> names = new java.util.HashMap<>(knownNames);
        return new TicketView(String.valueOf(t.id), t.trackingNumber, t.status, t.category, t.level,
                agent ? t.proposedLevel : null, t.subject, t.description,
                agent && t.contact != null ? cipher.decrypt(t.contact, Ticket.CONTACT_COLUMN) : null,
                t.invoiceReference, Arrays.asList(t.diagnosisFindings), at(t.submittedAt), at(t.firstResponseDue), at(t.resolutionDue),
                at(t.firstRespondedAt), at(t.resolvedAt), at(t.closedAt),
                agent ? at(t.breachedAt) : null, agent ? at(t.escalatedAt) : null,
                agent ? names.get(t.assigneeId) : null, agent ? t.team : null,
                t.rating == null ? null : t.rating.intValue(), t.ratingComment, agent ? t.needsLeadReview : null, mergedInto,
                messages.stream().map(m -> new TicketMessageView(String.valueOf(m.id), m.authorKind.name(),
                        agent ? names.get(m.authorUserId) : null, m.internal, m.body, at(m.createdAt))).toList(),
                stored.stream().map(a -> new TicketAttachmentView(String.valueOf(a.id()), a.fileName(), a.mediaType(), a.sizeBytes(), at(a.createdAt()))).toList(),
                history.stream().map(h -> new TicketHistoryView(at(h.at), h.actorKind.name(), names.get(h.actorUserId), h.change.name(),
                        h.fromValue, h.toValue, h.reason)).toList());
    }

    private static Uni<Map<Long, String>> usernames(boolean agent, Ticket ticket, List<TicketMessage> messages, List<TicketHistoryEntry> history) {
        if (!agent) {
            return Uni.createFrom().item(Map.of());
        }
        Set<Long> ids = new HashSet<>();
        if (ticket.assigneeId != null) {
            ids.add(ticket.assigneeId);
        }
        messages.stream().map(m -> m.authorUserId).filter(java.util.Objects::nonNull).forEach(ids::add);
        history.stream().map(h -> h.actorUserId).filter(java.util.Objects::nonNull).forEach(ids::add);
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(s -> s.createSelectionQuery("select u.id, u.username from AppUser u where u.id in ?1", Object[].class)
                .setParameter(1, ids).getResultList()).map(rows -> {
                    Map<Long, String> names = new HashMap<>();
                    rows.forEach(r -> names.put((Long) r[0], (String) r[1]));
                    return names;
                });
    }

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
