package cn.fapiao.webhook.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("An endpoint with its signing secret: the only time the secret is shown. Store it in the partner system now.")
public record RegisteredWebhookEndpoint(
        @NonNull WebhookEndpointView endpoint,
        @NonNull @Description("The key of the HMAC-SHA256 signature of every delivery (see the README: Partner webhooks).") String secret) {
}
