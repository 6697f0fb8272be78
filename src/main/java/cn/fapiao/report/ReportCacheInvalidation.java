package cn.fapiao.report;

import cn.fapiao.event.EventChannel;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The one place that decides when cached reports are stale: an invoice changed (announced on
 * every replica through {@link EventChannel} as {@code invoice:<id>:<code>:<number>}, ids only),
 * so the reports of its seller and buyer organisations, and of the organisation holding its record,
 * are evicted. Re-point {@link #register} at another source of changes (the event outbox, whose
 * rows name the organisations) by calling {@link #evictOrganisations} from there.
 */
@ApplicationScoped
public class ReportCacheInvalidation {

    private static final Logger LOG = Logger.getLogger(ReportCacheInvalidation.class);
    private static final String KIND = "invoice";

    private final ReportCache cache;
    private final EventChannel events;
    private final Pool pool;

    public ReportCacheInvalidation(ReportCache cache, EventChannel events, Pool pool) {
        this.cache = cache;
        this.events = events;
        this.pool = pool;
    }

    void register(@Observes StartupEvent start) {
        events.on(KIND, this::invoiceChanged);
    }

    /** Evicts every cached report of these organisations, on this replica. */
    public Uni<Void> evictOrganisations(Collection<Long> organisationIds) {
        return organisationIds.isEmpty() ? Uni.createFrom().voidItem() : cache.evict(organisationIds);
    }

    private void invoiceChanged(String payload) {
        long id;
        try {
            id = Long.parseLong(payload.substring(0, payload.indexOf(':')));
        } catch (RuntimeException e) {
            LOG.warnf("Ignoring invoice change %s: no invoice id", payload);
            return;
        }
        pool.preparedQuery("select seller_org_id, buyer_org_id, organisation_id from invoice where id = $1")
                .execute(Tuple.of(id))
                .chain(rows -> {
                    Set<Long> organisations = new LinkedHashSet<>();
                    for (Row row : rows) {
                        for (int k = 0; k < 3; k++) {
                            if (row.getLong(k) != null) {
                                organisations.add(row.getLong(k));
                            }
                        }
                    }
                    return evictOrganisations(organisations);
                })
                // Whose reports are stale is unknown: all are dropped rather than one kept stale.
                .onFailure().recoverWithUni(e -> {
                    LOG.warn("Could not look up the organisations of a changed invoice; evicting every cached report", e);
                    return cache.evictAll();
                })
                .subscribe().with(ok -> { }, e -> LOG.warn("Report cache eviction failed", e));
    }
}
