package cn.fapiao.webhook.api;

import org.eclipse.microprofile.graphql.NonNull;

public record WebhookDeliveryEdge(@NonNull String cursor, @NonNull WebhookDeliveryView node) {
}
