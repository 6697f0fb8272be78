package cn.fapiao.webhook.api;

import cn.fapiao.webhook.WebhookEventKind;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;
import java.util.List;

@Name("WebhookEndpoint")
@Description("An HTTPS endpoint of a partner system that receives the organisation's events, signed with its secret (never shown again after registration or rotation).")
public record WebhookEndpointView(
        @Id @NonNull String id,
        @NonNull String url,
        String description,
        @NonNull @Description("The events it receives.") List<@NonNull WebhookEventKind> eventKinds,
        @NonNull @Description("Disabled endpoints receive nothing; their waiting deliveries resume when enabled again.") boolean active,
        @NonNull OffsetDateTime createdAt,
        @NonNull @Description("The admin who registered it.") String createdBy) {
}
