package cn.fapiao.report;

import cn.fapiao.event.EventFeed;
import cn.fapiao.event.OutboxEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Collection;

/**
 * The one place that decides when cached reports are stale: an invoice changed. Every change of an
 * invoice is an event of the outbox naming the organisations that see it (its seller's and buyer's
 * here, an importer's own record included), which every replica's {@link EventFeed} hands over
 * after commit; their reports are evicted.
 */
@ApplicationScoped
public class ReportCacheInvalidation {

    private final ReportCache cache;
    private final EventFeed feed;

    public ReportCacheInvalidation(ReportCache cache, EventFeed feed) {
        this.cache = cache;
        this.feed = feed;
    }

    void register(@Observes StartupEvent start) {
        feed.watch(this::invoiceChanged);
    }

    /** Evicts every cached report of these organisations, on this replica. */
    public Uni<Void> evictOrganisations(Collection<Long> organisationIds) {
        return organisationIds.isEmpty() ? Uni.createFrom().voidItem() : cache.evict(organisationIds);
    }

    private Uni<Void> invoiceChanged(OutboxEvent event) {
        return event.kind().startsWith("invoice.") ? evictOrganisations(event.organisationIds()) : Uni.createFrom().voidItem();
    }
}
