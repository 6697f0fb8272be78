package cn.fapiao.ticket.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;

@Description("A file attached to a ticket; its content comes from ticketAttachment.")
public record TicketAttachmentView(
        @NonNull @Id String id,
        @NonNull String fileName,
        @NonNull @Description("image/png, image/jpeg or application/pdf: what the content is, whatever the name says.") String mediaType,
        @NonNull int sizeBytes,
        @NonNull OffsetDateTime createdAt) {
}
