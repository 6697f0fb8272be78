package cn.fapiao.event;

import cn.fapiao.common.ApiException;
import cn.fapiao.common.ErrorCode;
import cn.fapiao.security.Caller;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Live subscriptions held open on this replica, per user and in all: each costs memory and a
 * share of every event's fan-out, so a careless client (or a stolen token) cannot open thousands.
 */
@ApplicationScoped
public class SubscriptionLimits {

    private final EventsConfig config;
    private final AtomicInteger total = new AtomicInteger();
    private final Map<String, AtomicInteger> perUser = new ConcurrentHashMap<>();

    public SubscriptionLimits(EventsConfig config, MeterRegistry metrics) {
        this.config = config;
        Gauge.builder("fapiao.subscriptions.active", total, AtomicInteger::get)
                .description("Live GraphQL subscriptions open on this replica").register(metrics);
    }

    /** Takes a place for the caller, or refuses with SUBSCRIPTION_LIMIT_REACHED; the answer gives it back, once. */
    public Runnable acquire(Caller caller) {
        String user = caller.userId() != null ? "id:" + caller.userId() : "name:" + caller.username();
        AtomicInteger mine = perUser.computeIfAbsent(user, u -> new AtomicInteger());
        if (mine.incrementAndGet() > config.subscriptionsPerUser()) {
            release(user, mine);
            throw new ApiException(ErrorCode.SUBSCRIPTION_LIMIT_REACHED, "You already hold " + config.subscriptionsPerUser()
                    + " live subscriptions on this server: close one (complete it) before opening another.");
        }
        if (total.incrementAndGet() > config.subscriptionsPerReplica()) {
            total.decrementAndGet();
            release(user, mine);
            throw new ApiException(ErrorCode.SUBSCRIPTION_LIMIT_REACHED, "This server holds as many live subscriptions as it serves: try again shortly.");
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                total.decrementAndGet();
                release(user, mine);
            }
        };
    }

    private void release(String user, AtomicInteger count) {
        if (count.decrementAndGet() <= 0) {
            perUser.remove(user, count);
        }
    }
}
