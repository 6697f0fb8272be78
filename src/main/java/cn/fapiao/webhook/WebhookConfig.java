package cn.fapiao.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Partner webhooks ({@code fapiao.webhooks.*}, e.g. {@code FAPIAO_WEBHOOKS_MAX_ENDPOINTS}). */
@ConfigMapping(prefix = "fapiao.webhooks")
public interface WebhookConfig {

    /** Endpoints one organisation may have (active or not). */
    @WithDefault("10")
    int maxEndpoints();

    /** Plain {@code http://} endpoints: for development and tests only; production wants HTTPS. */
    @WithDefault("false")
    boolean allowHttp();

    /**
     * Address kinds an endpoint may resolve to besides public ones. Empty in production: an
     * endpoint pointing at the server's own network (an internal service, the cloud metadata
     * address) is refused. The test profile allows LOOPBACK, for its local receivers.
     */
    Optional<Set<AddressKind>> allowedAddressKinds();

    /** Connecting to an endpoint. */
    @WithDefault("5S")
    Duration connectTimeout();

    /** The whole attempt, from connecting until the answer's end. */
    @WithDefault("10S")
    Duration requestTimeout();

    /** Wait after the first failed attempt; doubles with each further failure, up to {@link #retryMax()}, with jitter. */
    @WithDefault("10S")
    Duration retryBase();

    @WithDefault("1H")
    Duration retryMax();

    /** A delivery still failing this long after its event is marked FAILED. */
    @WithDefault("24H")
    Duration giveUpAfter();

    /** How often each replica looks for due deliveries (it also wakes when events are positioned). */
    @WithDefault("1S")
    Duration pollInterval();

    /** Deliveries one replica sends at the same time. */
    @WithDefault("64")
    int maxInFlight();

    /** Attempts the delivery log shows per delivery (the newest). */
    @WithDefault("20")
    int attemptsShown();

    /** Whether this replica sends deliveries at all (endpoints and the log work either way). */
    @WithDefault("true")
    boolean workerEnabled();
}
