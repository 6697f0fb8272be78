package cn.fapiao.webhook;

import cn.fapiao.event.EventChannel;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends due deliveries from every replica: wakes every {@code poll-interval}, when events are
 * positioned ({@code events:} on the event channel, which is when their deliveries appear) and when
 * one of its own attempts ends (the next event of that invoice may now be due). One claim query
 * runs at a time per replica; up to {@code max-in-flight} deliveries are sent at once, none of
 * them blocking a thread.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    private final DeliveryQueue queue;
    private final Deliveries deliveries;
    private final WebhookConfig config;
    private final Vertx vertx;
    private final EventChannel events;
    private final AtomicBoolean claiming = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean stopped;
    private long timer = -1;

    public DeliveryWorker(DeliveryQueue queue, Deliveries deliveries, WebhookConfig config, Vertx vertx, EventChannel events) {
        this.queue = queue;
        this.deliveries = deliveries;
        this.config = config;
        this.vertx = vertx;
        this.events = events;
    }

    void start(@Observes StartupEvent start) {
        if (!config.workerEnabled()) {
            return;
        }
        // The payload is the highest position just given; its deliveries were made in the same transaction.
        events.on("events", highest -> wake());
        timer = vertx.setPeriodic(config.pollInterval().toMillis(), id -> wake());
    }

    void stop(@Observes ShutdownEvent stop) {
        stopped = true;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Looks for due deliveries now, or right after the claim already running. */
    public void wake() {
        if (stopped) {
            return;
        }
        if (!claiming.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        again.set(false);
        int room = config.maxInFlight() - inFlight.get();
        if (room <= 0) {
            claiming.set(false);
            return;
        }
        queue.claim(room, deliveries.lease()).subscribe().with(claimed -> {
            for (ClaimedDelivery delivery : claimed) {
                inFlight.incrementAndGet();
                deliveries.deliver(delivery).subscribe().with(
                        status -> finished(),
                        failure -> {
                            // The claim stays until its lease ends; the delivery is then taken again.
                            LOG.warnf(failure, "Could not record webhook delivery %d", delivery.id());
                            finished();
                        });
            }
            claiming.set(false);
            if (claimed.size() == room || again.get()) {
                wake();
            }
        }, failure -> {
            LOG.warnf(failure, "Could not claim webhook deliveries");
            claiming.set(false);
        });
    }

    private void finished() {
        inFlight.decrementAndGet();
        wake();
    }
}
