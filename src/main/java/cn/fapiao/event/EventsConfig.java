package cn.fapiao.event;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the event feed and live subscriptions ({@code fapiao.events.*}). */
@ConfigMapping(prefix = "fapiao.events")
public interface EventsConfig {

    /**
     * How often a replica looks at the outbox without being notified. Notifications make delivery
     * immediate; this only bounds the delay should one be missed.
     */
    @WithDefault("PT2S")
    Duration pollInterval();

    /** How long events are kept: the window in which a client can resume after a disconnection. */
    @WithDefault("P3D")
    Duration retention();

    /** How often a replica prunes events older than the retention (any replica may; it is idempotent). */
    @WithDefault("PT10M")
    Duration pruneInterval();

    /** At most this many missed events are replayed to a resuming subscriber; beyond it the client must reload. */
    @WithDefault("1000")
    int replayLimit();

    /** Live subscriptions one user may hold open on one replica at a time. */
    @WithDefault("25")
    int subscriptionsPerUser();

    /** Live subscriptions one replica serves at a time (memory and fan-out bound). */
    @WithDefault("5000")
    int subscriptionsPerReplica();

    /** WebSocket connections one replica accepts at a time; more are refused at the upgrade with HTTP 503. */
    @WithDefault("5000")
    int connectionsPerReplica();
}
