package cn.fapiao.report;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Report results per organisation and parameters (Caffeine via Quarkus Cache, {@code report-results}).
 * A result is what the organisation's invoices were when it was computed: every change to an
 * invoice of the organisation evicts all of its results ({@link ReportCacheInvalidation}), because
 * one invoice can move any figure of any period (a VAT summary carries credit from every month
 * before it). A load stands in the cache while it runs, so an eviction meanwhile drops it and what
 * it read before the change is not kept.
 */
@ApplicationScoped
public class ReportCache {

    /** A cached result: whose, which report, and its parameters (records, compared by value). */
    record Key(long organisationId, String report, Object parameters) {
    }

    private final Cache results;

    public ReportCache(@CacheName("report-results") Cache results) {
        this.results = results;
    }

    <T> Uni<T> get(Key key, Supplier<Uni<T>> load) {
        return results.getAsync(key, k -> load.get());
    }

    Uni<Void> evictAll() {
        return results.invalidateAll();
    }

    Uni<Void> evict(Collection<Long> organisationIds) {
        Set<Long> organisations = Set.copyOf(organisationIds);
        return results.invalidateIf(key -> key instanceof Key report && organisations.contains(report.organisationId()));
    }
}
