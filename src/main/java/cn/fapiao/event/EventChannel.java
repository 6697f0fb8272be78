package cn.fapiao.event;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.annotation.Priority;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The one channel that reaches every replica: PostgreSQL {@code NOTIFY fapiao_events} with a
 * payload {@code <kind>:<ids>} (ids only, far below the 8000-byte limit). Each replica holds one
 * listening connection, reconnecting when it drops, and hands each payload to the handler of its
 * kind ({@code invoice}, {@code session}, {@code user}, ...). Publishers evict their own replica's
 * state first and publish after commit; the own replica hears the payload too, harmlessly.
 */
@ApplicationScoped
public class EventChannel {

    public static final String NAME = "fapiao_events";
    private static final Logger LOG = Logger.getLogger(EventChannel.class);

    private final Pool pool;
    private final Vertx vertx;
    private final String reactiveUrl;
    private final Optional<String> username;
    private final Optional<String> password;
    private final Map<String, List<Consumer<String>>> handlers = new ConcurrentHashMap<>();
    private final List<Runnable> listeningHandlers = new CopyOnWriteArrayList<>();
    private PgSubscriber subscriber;

    public EventChannel(Pool pool, Vertx vertx,
                        @ConfigProperty(name = "quarkus.datasource.reactive.url") String reactiveUrl,
                        @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
                        @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.pool = pool;
        this.vertx = vertx;
        this.reactiveUrl = reactiveUrl;
        this.username = username;
        this.password = password;
    }

    /** Handles payloads {@code kind:<rest>}; each handler of the kind gets {@code <rest>}. */
    public void on(String kind, Consumer<String> handler) {
        handlers.computeIfAbsent(kind, k -> new CopyOnWriteArrayList<>()).add(handler);
    }

    /**
     * Runs each time the channel is listened to: at start and after every reconnection. What was
     * notified while the connection was down is lost, so a reader catches up from its table here.
     */
    public void onListening(Runnable handler) {
        listeningHandlers.add(handler);
    }

    /** Tells every replica; a failure is logged, not raised (caches then expire instead). */
    public Uni<Void> publish(String kind, String ids) {
        return pool.preparedQuery("select pg_notify($1, $2)").execute(Tuple.of(NAME, kind + ":" + ids))
                .replaceWithVoid()
                .onFailure().recoverWithUni(e -> {
                    LOG.warnf(e, "Could not announce %s:%s to other replicas", kind, ids);
                    return Uni.createFrom().voidItem();
                });
    }

    // After the observers of feature classes (default priority) have registered their handlers.
    void listen(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.LIBRARY_AFTER) StartupEvent start) {
        PgConnectOptions options = PgConnectOptions.fromUri(reactiveUrl);
        username.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        subscriber = PgSubscriber.subscriber(vertx, options)
                .reconnectPolicy(retries -> retries < 1000 ? 1000L : -1L);
        subscriber.channel(NAME).handler(this::received).subscribeHandler(() -> listeningHandlers.forEach(this::runSafely));
        subscriber.connect().subscribe().with(
                ok -> LOG.debugf("Listening on %s", NAME),
                e -> LOG.errorf(e, "Could not listen on %s: caches of other replicas' changes will expire instead", NAME));
    }

    void stop(@Observes ShutdownEvent stop) {
        if (subscriber != null) {
            subscriber.closeAndAwait();
        }
    }

    private void runSafely(Runnable handler) {
        try {
            handler.run();
        } catch (RuntimeException e) {
            LOG.warn("A handler of the channel's (re)connection failed", e);
        }
    }

    private void received(String payload) {
        int colon = payload.indexOf(':');
        List<Consumer<String>> kindHandlers = colon < 0 ? null : handlers.get(payload.substring(0, colon));
        if (kindHandlers == null) {
            return;
        }
        for (Consumer<String> handler : kindHandlers) {
            try {
                handler.accept(payload.substring(colon + 1));
            } catch (RuntimeException e) {
                LOG.warnf(e, "Could not handle %s", payload);
            }
        }
    }
}
