package cn.fapiao.invoice;

import cn.fapiao.event.EventChannel;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Tells every replica that an invoice changed, after commit, through the {@link EventChannel}
 * with a short payload ({@code invoice:<id>:<code>:<number>}), and evicts the invoice from this
 * replica's cache when any replica announces a change.
 */
@ApplicationScoped
public class InvoiceChangeNotifier {

    static final String CHANNEL = EventChannel.NAME;
    private static final String KIND = "invoice";
    private static final Logger LOG = Logger.getLogger(InvoiceChangeNotifier.class);

    private final InvoiceCache cache;
    private final EventChannel events;

    public InvoiceChangeNotifier(InvoiceCache cache, EventChannel events) {
        this.cache = cache;
        this.events = events;
    }

    /** Announces a committed change: evicts locally first (read-your-writes), then tells the others. */
    public Uni<Void> changed(long id, String code, String number) {
        return cache.evict(id, code, number)
                .chain(() -> events.publish(KIND, id + ":" + (code == null ? "" : code) + ":" + number));
    }

    void register(@Observes StartupEvent start) {
        events.on(KIND, this::received);
    }

    private void received(String ids) {
        String[] parts = ids.split(":", -1);
        if (parts.length == 3) {
            cache.evict(Long.parseLong(parts[0]), parts[1].isEmpty() ? null : parts[1], parts[2])
                    .subscribe().with(ok -> { }, e -> LOG.warn("Cache eviction failed", e));
        }
    }
}
