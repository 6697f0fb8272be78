package cn.fapiao.ticket.attachments;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/** Attachments in PostgreSQL ({@code support_ticket_attachment.content}, bytea). */
@ApplicationScoped
public class DatabaseAttachmentStore implements AttachmentStore {

    @Override
    public Uni<Stored> save(long ticketId, String fileName, String mediaType, byte[] content, byte[] sha256, Instant at) {
        TicketAttachment row = new TicketAttachment();
        row.ticketId = ticketId;
        row.fileName = fileName;
        row.mediaType = mediaType;
        row.sizeBytes = content.length;
        row.sha256 = sha256;
        row.content = content;
        row.createdAt = at;
        return Panache.getSession().chain(s -> s.persist(row).chain(s::flush))
                .map(done -> new Stored(row.id, row.fileName, row.mediaType, row.sizeBytes, row.createdAt));
    }

    @Override
    public Uni<List<Stored>> list(long ticketId) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "select a.id, a.fileName, a.mediaType, a.sizeBytes, a.createdAt from TicketAttachment a where a.ticketId = ?1 order by a.id", Object[].class)
                .setParameter(1, ticketId).getResultList())
                .map(rows -> rows.stream().map(r -> new Stored((Long) r[0], (String) r[1], (String) r[2], (Integer) r[3], (Instant) r[4])).toList());
    }

    @Override
    public Uni<Usage> usage(long ticketId) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "select count(a), coalesce(sum(a.sizeBytes), 0) from TicketAttachment a where a.ticketId = ?1", Object[].class)
                .setParameter(1, ticketId).getSingleResult())
                .map(r -> new Usage(((Number) r[0]).longValue(), ((Number) r[1]).longValue()));
    }

    @Override
    public Uni<byte[]> content(long ticketId, long attachmentId) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "select a.content from TicketAttachment a where a.ticketId = ?1 and a.id = ?2", byte[].class)
                .setParameter(1, ticketId).setParameter(2, attachmentId).getSingleResultOrNull());
    }

    @Override
    public Uni<Void> move(long fromTicketId, long toTicketId) {
        return Panache.getSession().chain(s -> s.createMutationQuery("update TicketAttachment a set a.ticketId = ?2 where a.ticketId = ?1")
                .setParameter(1, fromTicketId).setParameter(2, toTicketId).executeUpdate()).replaceWithVoid();
    }
}
