package cn.fapiao.invoice;

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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Tells every replica that an invoice changed, after commit, through PostgreSQL
 * {@code NOTIFY fapiao_events} with a short payload ({@code invoice:<id>:<code>:<number>}, far
 * below the 8000-byte limit), and evicts the invoice from this replica's cache when any replica
 * announces a change. Each replica holds one listening connection, reconnecting when it drops.
 */
@ApplicationScoped
public class InvoiceChangeNotifier {

    static final String CHANNEL = "fapiao_events";
    private static final Logger LOG = Logger.getLogger(InvoiceChangeNotifier.class);

    private final Pool pool;
    private final InvoiceCache cache;
    private final Vertx vertx;
    private final String reactiveUrl;
    private final Optional<String> username;
    private final Optional<String> password;
    private PgSubscriber subscriber;

    public InvoiceChangeNotifier(Pool pool, InvoiceCache cache, Vertx vertx,
                                 @ConfigProperty(name = "quarkus.datasource.reactive.url") String reactiveUrl,
                                 @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
                                 @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.pool = pool;
        this.cache = cache;
        this.vertx = vertx;
        this.reactiveUrl = reactiveUrl;
        this.username = username;
        this.password = password;
    }

    /** Announces a committed change: evicts locally first (read-your-writes), then tells the others. */
    public Uni<Void> changed(long id, String code, String number) {
        String payload = "invoice:" + id + ":" + (code == null ? "" : code) + ":" + number;
        return cache.evict(id, code, number)
                .chain(() -> pool.preparedQuery("select pg_notify($1, $2)").execute(Tuple.of(CHANNEL, payload)))
                .replaceWithVoid()
                .onFailure().recoverWithUni(e -> {
                    LOG.warnf(e, "Could not announce the change of invoice %d to other replicas", id);
                    return Uni.createFrom().voidItem();
                });
    }

    void listen(@Observes StartupEvent start) {
        PgConnectOptions options = PgConnectOptions.fromUri(reactiveUrl);
        username.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        subscriber = PgSubscriber.subscriber(vertx, options)
                .reconnectPolicy(retries -> retries < 1000 ? 1000L : -1L);
        subscriber.channel(CHANNEL).handler(this::received);
        subscriber.connect().subscribe().with(
                ok -> LOG.debug("Listening for invoice changes"),
                e -> LOG.errorf(e, "Could not listen on %s: caches of other replicas' changes will expire instead", CHANNEL));
    }

    void stop(@Observes ShutdownEvent stop) {
        if (subscriber != null) {
            subscriber.closeAndAwait();
        }
    }

    private void received(String payload) {
        String[] parts = payload.split(":", -1);
        if (parts.length == 4 && parts[0].equals("invoice")) {
            cache.evict(Long.parseLong(parts[1]), parts[2].isEmpty() ? null : parts[2], parts[3])
                    .subscribe().with(ok -> { }, e -> LOG.warn("Cache eviction failed", e));
        }
    }

}
