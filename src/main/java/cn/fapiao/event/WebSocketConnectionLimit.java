package cn.fapiao.event;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Caps the WebSocket connections one replica holds ({@code fapiao.events.connections-per-replica}):
 * an upgrade beyond it is refused with HTTP 503 and {@code Retry-After}, so that a flood of idle
 * sockets cannot exhaust the replica. (Subscriptions per user are capped by {@link SubscriptionLimits}:
 * a socket says who it is only in its first message.)
 */
@ApplicationScoped
public class WebSocketConnectionLimit {

    private final EventsConfig config;
    private final AtomicInteger open = new AtomicInteger();

    public WebSocketConnectionLimit(EventsConfig config, MeterRegistry metrics) {
        this.config = config;
        Gauge.builder("fapiao.websocket.connections", open, AtomicInteger::get)
                .description("WebSocket connections open on this replica").register(metrics);
    }

    void install(@Observes Router router) {
        // Before SmallRye GraphQL's handler of the same path, which takes the upgrade.
        router.route("/graphql").order(-100).handler(context -> {
            if (!context.request().headers().contains(HttpHeaders.UPGRADE, HttpHeaders.WEBSOCKET, true)) {
                context.next();
                return;
            }
            if (open.incrementAndGet() > config.connectionsPerReplica()) {
                open.decrementAndGet();
                context.response().setStatusCode(503).putHeader("Retry-After", "5")
                        .putHeader("Content-Type", "text/plain; charset=utf-8")
                        .end("This server holds as many WebSocket connections as it serves: try another replica or again shortly.");
                return;
            }
            context.request().connection().closeHandler(closed -> open.decrementAndGet());
            context.next();
        });
    }
}
