package cn.fapiao.webhook;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Sends one claimed delivery and records how it went: the step every worker run repeats. */
@ApplicationScoped
public class Deliveries {

    private final DeliveryQueue queue;
    private final DeliverySender sender;
    private final WebhookMetrics metrics;
    private final WebhookConfig config;

    public Deliveries(DeliveryQueue queue, DeliverySender sender, WebhookMetrics metrics, WebhookConfig config) {
        this.queue = queue;
        this.sender = sender;
        this.metrics = metrics;
        this.config = config;
    }

    /** How long a claim holds a delivery: longer than any attempt can take. */
    public Duration lease() {
        return config.connectTimeout().plus(config.requestTimeout()).plusSeconds(30);
    }

    /** Answers the delivery's status after the attempt (null when its claim had run out meanwhile). */
    public Uni<String> deliver(ClaimedDelivery delivery) {
        return sender.send(delivery).chain(result -> {
            if (delivery.attempt() == 1) {
                metrics.firstSend(delivery.eventCreatedAt(), result.startedAt());
            }
            Duration retryIn = Backoff.after(delivery.attempt(), config.retryBase(), config.retryMax(), ThreadLocalRandom.current().nextDouble());
            return queue.record(delivery, result, retryIn, config.giveUpAfter());
        }).invoke(status -> metrics.attempt(status == null ? "lost" : switch (status) {
            case "DELIVERED" -> "delivered";
            case "FAILED" -> "failed";
            default -> "retry";
        }, false));
    }
}
