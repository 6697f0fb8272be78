package cn.fapiao.export.link.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;

@Description("A short-lived link to download one file. Whoever holds the link may download it until it expires: hand it only to the browser that asked for it.")
public record DownloadLink(
        @NonNull @Description("The absolute URL: `GET` it (no token needed; a bearer token sent with it must be of the same organisation).") String url,
        @NonNull @Description("The same without scheme and host: `/downloads/<token>`.") String path,
        @NonNull @Description("The name the file is saved under.") String fileName,
        @NonNull @Description("When the link stops working.") OffsetDateTime expiresAt,
        @NonNull DownloadKind kind,
        @NonNull DownloadFormat format) {
}
