package cn.fapiao.invoice;

import cn.fapiao.event.EventFeed;
import cn.fapiao.event.OutboxEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Keeps cached invoices current. Every change of an invoice writes an outbox event in its own
 * transaction (database triggers: a status change through its history, any other change of the
 * row as 'invoice.changed'), and every replica's {@link EventFeed} evicts the invoice when the
 * event arrives, before any subscriber hears of it. The replica that made the change also evicts
 * at once, so that its caller reads its own write.
 */
@ApplicationScoped
public class InvoiceChangeNotifier {

    private final InvoiceCache cache;
    private final EventFeed feed;

    public InvoiceChangeNotifier(InvoiceCache cache, EventFeed feed) {
        this.cache = cache;
        this.feed = feed;
    }

    /** A committed change made here: evicts this replica's copies now (the others follow from the outbox). */
    public Uni<Void> changed(long id, String code, String number) {
        return cache.evict(id, code, number);
    }

    void register(@Observes StartupEvent start) {
        feed.watch(this::evict);
    }

    private Uni<Void> evict(OutboxEvent event) {
        if (!event.kind().startsWith("invoice.")) {
            return Uni.createFrom().voidItem();
        }
        String code = event.text("code");
        return cache.evict(event.subjectId(), code == null || code.isEmpty() ? null : code, event.text("number"));
    }
}
