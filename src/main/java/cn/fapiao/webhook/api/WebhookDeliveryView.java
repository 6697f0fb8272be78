package cn.fapiao.webhook.api;

import cn.fapiao.webhook.WebhookEventKind;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;
import java.util.List;

@Name("WebhookDelivery")
@Description("One event sent, or to be sent, to one endpoint. Its id is the Fapiao-Delivery header: the same in every attempt and replay.")
public record WebhookDeliveryView(
        @Id @NonNull String id,
        @Id @NonNull String endpointId,
        @Id @NonNull @Description("The event id of the payload (the `eventId` subscriptions carry too): increases in commit order.") String eventId,
        @NonNull WebhookEventKind kind,
        @Id @NonNull @Description("The invoice the event is about.") String subjectId,
        @NonNull WebhookDeliveryStatus status,
        @NonNull @Description("Attempts so far, replays included.") int attemptCount,
        @Description("When the next attempt is due; only while PENDING.") OffsetDateTime nextAttemptAt,
        @Description("The last HTTP status the endpoint answered.") Integer lastStatusCode,
        @NonNull OffsetDateTime createdAt,
        OffsetDateTime deliveredAt,
        @NonNull @Description("The newest attempts, newest first (at most 20 by default).") List<@NonNull WebhookAttemptView> attempts) {
}
