package cn.fapiao.ticket.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("AddTicketAttachmentInput")
@Description("A file for a ticket: PNG, JPEG or PDF, recognised by content. GraphQL carries no files, so the content comes as base64 (a file up to 512 KiB by default: fapiao.support.attachments.max-file-bytes; its base64 fits the 1 MB request limit).")
public record AddTicketAttachmentInput(
        @NonNull String trackingNumber,
        String accessKey,
        @NonNull @Description("The file's name, up to 200 characters; only shown, never trusted for the type.") String fileName,
        @NonNull @Description("The file's content, base64 (standard alphabet, padding optional).") String contentBase64) {
}
