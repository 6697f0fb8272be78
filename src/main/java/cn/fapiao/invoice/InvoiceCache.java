package cn.fapiao.invoice;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Single-invoice lookups by id and by number, and the lines and history of invoices by id
 * (Caffeine via Quarkus Cache). Every write evicts the invoice here at once and, through
 * {@link InvoiceChangeNotifier}, on every other replica. The cache holds what the invoice is;
 * who may see it is checked after every hit.
 *
 * <p>A single lookup, and the lines and history a page or a mutation answer loads, are cached from
 * the second time the invoice is asked for on: the first time only its key is remembered
 * ({@link RecentKeys}, about as many keys as the cache holds invoices). Caching every first load
 * cost more than it saved when reads spread over many invoices (the benchmark draws them evenly
 * from a million): each new entry was copied by the next young collection because the cache held
 * it, many were promoted and evicted later, young pauses grew from 2 to 7 ms (11 ms for pages with
 * lines) and full collections of ~130–190 ms came every few seconds to every minute. Invoices a
 * desk works on (issued, then verified, then looked at again) are asked for repeatedly and are
 * cached as before.
 */
@ApplicationScoped
public class InvoiceCache {

    private final Cache byId;
    private final Cache byNumber;
    private final Cache details;
    private final RecentKeys seen;

    public InvoiceCache(@CacheName("invoice-by-id") Cache byId, @CacheName("invoice-by-number") Cache byNumber,
                        @CacheName("invoice-details") Cache details,
                        @ConfigProperty(name = "quarkus.cache.caffeine.maximum-size", defaultValue = "10000") int cacheSize) {
        this.byId = byId;
        this.byNumber = byNumber;
        this.details = details;
        this.seen = new RecentKeys(cacheSize);
    }

    public Uni<StoredInvoice> byId(long id, Supplier<Uni<StoredInvoice>> load) {
        return lookup(byId, id, RecentKeys.fingerprint(id), load);
    }

    public Uni<RecordsOfNumber> byNumber(String code, String number, Supplier<Uni<RecordsOfNumber>> load) {
        String key = numberKey(code, number);
        return lookup(byNumber, key, RecentKeys.fingerprint(key), load);
    }

    /**
     * Through the cache when the invoice is cached or was asked for before, else straight from the
     * database. An id counts as asked for whether its invoice or its details were.
     */
    private <T> Uni<T> lookup(Cache cache, Object key, long fingerprint, Supplier<Uni<T>> load) {
        if (cache instanceof CaffeineCache caffeine) {
            CompletableFuture<T> cached = caffeine.getIfPresent(key);
            if (cached != null && cached.isDone() && !cached.isCompletedExceptionally()) {
                // A hit answers at once: Quarkus's getAsync would wrap it in a chain of operators
                // that re-emits on the Vert.x context, for a value that is already here.
                return Uni.createFrom().item(cached.join());
            }
            if (cached == null && !seen.seenBefore(fingerprint)) {
                return load.get();
            }
        }
        // A load through the cache stands in it while it runs, so an eviction meanwhile drops it.
        return cache.getAsync(key, k -> load.get());
    }

    /**
     * Lines and history of each invoice: from the cache where present, the others in one load. Like a
     * single lookup, an invoice's details are kept from the second time they are asked for (pages
     * move over many invoices; the same reasoning and the same remembered keys as {@link #lookup}).
     */
    public Uni<Map<Long, LinesAndHistory>> detailsOf(List<Long> ids, Function<List<Long>, Uni<Map<Long, LinesAndHistory>>> load) {
        if (!(details instanceof CaffeineCache caffeine)) {
            return load.apply(ids);
        }
        Map<Long, LinesAndHistory> found = new HashMap<>();
        List<Long> missing = new ArrayList<>();
        Map<Long, CompletableFuture<LinesAndHistory>> kept = new HashMap<>();
        for (Long id : ids) {
            CompletableFuture<LinesAndHistory> cached = caffeine.getIfPresent(id);
            if (cached != null && cached.isDone() && !cached.isCompletedExceptionally()) {
                found.put(id, cached.join());
                continue;
            }
            missing.add(id);
            if (cached != null || seen.seenBefore(RecentKeys.fingerprint(id))) {
                // Stands in the cache while the load runs, as getAsync's do: an eviction meanwhile (the
                // invoice changed) removes it, so what the load read before the change is not kept.
                CompletableFuture<LinesAndHistory> pending = new CompletableFuture<>();
                caffeine.put(id, pending);
                kept.put(id, pending);
            }
        }
        if (missing.isEmpty()) {
            return Uni.createFrom().item(found);
        }
        return load.apply(List.copyOf(missing)).map(loaded -> {
            for (Long id : missing) {
                LinesAndHistory values = loaded.getOrDefault(id, LinesAndHistory.NONE);
                found.put(id, values);
                CompletableFuture<LinesAndHistory> pending = kept.get(id);
                if (pending != null) {
                    pending.complete(values);
                }
            }
            return found;
        }).onFailure().invoke(failure -> kept.values().forEach(pending -> pending.completeExceptionally(failure)));
    }

    public Uni<Void> evict(long id, String code, String number) {
        return byId.invalidate(id)
                .chain(() -> byNumber.invalidate(numberKey(code, number)))
                .chain(() -> details.invalidate(id));
    }

    private static String numberKey(String code, String number) {
        return (code == null ? "" : code) + "/" + number;
    }
}
