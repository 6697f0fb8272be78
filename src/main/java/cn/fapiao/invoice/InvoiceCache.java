package cn.fapiao.invoice;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

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
 */
@ApplicationScoped
public class InvoiceCache {

    private final Cache byId;
    private final Cache byNumber;
    private final Cache details;

    public InvoiceCache(@CacheName("invoice-by-id") Cache byId, @CacheName("invoice-by-number") Cache byNumber,
                        @CacheName("invoice-details") Cache details) {
        this.byId = byId;
        this.byNumber = byNumber;
        this.details = details;
    }

    public Uni<StoredInvoice> byId(long id, Supplier<Uni<StoredInvoice>> load) {
        return byId.getAsync(id, key -> load.get());
    }

    public Uni<StoredInvoice> byNumber(String code, String number, Supplier<Uni<StoredInvoice>> load) {
        return byNumber.getAsync(numberKey(code, number), key -> load.get());
    }

    /** Lines and history of each invoice: from the cache where present, the others in one load, then remembered. */
    public Uni<Map<Long, LinesAndHistory>> detailsOf(List<Long> ids, Function<List<Long>, Uni<Map<Long, LinesAndHistory>>> load) {
        if (!(details instanceof CaffeineCache caffeine)) {
            return load.apply(ids);
        }
        Map<Long, LinesAndHistory> found = new HashMap<>();
        List<Long> missing = new ArrayList<>();
        for (Long id : ids) {
            CompletableFuture<LinesAndHistory> cached = caffeine.getIfPresent(id);
            if (cached != null && cached.isDone() && !cached.isCompletedExceptionally()) {
                found.put(id, cached.join());
            } else {
                missing.add(id);
            }
        }
        if (missing.isEmpty()) {
            return Uni.createFrom().item(found);
        }
        return load.apply(missing).map(loaded -> {
            for (Long id : missing) {
                LinesAndHistory values = loaded.getOrDefault(id, LinesAndHistory.NONE);
                caffeine.put(id, CompletableFuture.completedFuture(values));
                found.put(id, values);
            }
            return found;
        });
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
