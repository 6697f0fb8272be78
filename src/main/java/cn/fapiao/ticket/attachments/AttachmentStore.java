package cn.fapiao.ticket.attachments;

import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.List;

/**
 * Where attachment content lives. PostgreSQL by default ({@link DatabaseAttachmentStore}); an object
 * store can implement this later. Calls run inside the caller's Panache transaction.
 */
public interface AttachmentStore {

    /** What the ticket shows of an attachment. */
    record Stored(long id, String fileName, String mediaType, int sizeBytes, Instant createdAt) {
    }

    /** How many attachments a ticket holds and their bytes together. */
    record Usage(long count, long bytes) {
    }

    Uni<Stored> save(long ticketId, String fileName, String mediaType, byte[] content, byte[] sha256, Instant at);

    Uni<List<Stored>> list(long ticketId);

    Uni<Usage> usage(long ticketId);

    /** The content of one attachment of this ticket; null when the ticket has no such attachment. */
    Uni<byte[]> content(long ticketId, long attachmentId);

    /** Moves a merged ticket's attachments to the surviving ticket. */
    Uni<Void> move(long fromTicketId, long toTicketId);
}
