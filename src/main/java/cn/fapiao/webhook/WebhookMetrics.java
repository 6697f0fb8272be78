package cn.fapiao.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * {@code fapiao_webhook_attempts_total{outcome, replay}}: attempts by how they ended (delivered,
 * retry, failed = given up, lost = the lease ran out before the answer); and
 * {@code fapiao_webhook_delivery_lag_seconds}: from the event's transaction to the first attempt to
 * send it (a histogram, for p50/p99 in Prometheus).
 */
@ApplicationScoped
public class WebhookMetrics {

    private final MeterRegistry registry;
    private final Timer lag;

    public WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.lag = Timer.builder("fapiao.webhook.delivery.lag")
                .description("From the event's transaction to the first attempt to send it to an endpoint")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry);
    }

    public void attempt(String outcome, boolean replay) {
        Counter.builder("fapiao.webhook.attempts").description("Webhook delivery attempts by outcome")
                .tag("outcome", outcome).tag("replay", Boolean.toString(replay))
                .register(registry).increment();
    }

    /** The event's transaction began at {@code eventCreatedAt}: the lag includes positioning it after commit. */
    public void firstSend(OffsetDateTime eventCreatedAt, OffsetDateTime sentAt) {
        Duration elapsed = Duration.between(eventCreatedAt, sentAt);
        lag.record(elapsed.isNegative() ? Duration.ZERO : elapsed);
    }
}
