package cn.fapiao.ticket.attachments;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

@Name("TicketAttachmentContent")
@Description("A ticket's attachment with its content.")
public record AttachmentContent(
        @NonNull @Id String id,
        @NonNull String fileName,
        @NonNull String mediaType,
        @NonNull int sizeBytes,
        @NonNull @Description("The content, base64.") String contentBase64) {
}
