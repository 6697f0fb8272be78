package cn.fapiao.webhook.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;

@Name("WebhookAttempt")
@Description("One attempt to send a delivery.")
public record WebhookAttemptView(
        @NonNull OffsetDateTime startedAt,
        @NonNull @Description("From connecting until the answer's end, in milliseconds.") int durationMs,
        @Description("The endpoint's HTTP status; none when no answer came.") Integer statusCode,
        @Description("Why it failed without an answer, e.g. a timeout or a refused connection.") String error,
        @NonNull @Description("Sent by replayWebhookDelivery.") boolean replay) {
}
