package cn.fapiao.invoice;

import cn.fapiao.invoice.api.InvoiceLineView;
import cn.fapiao.invoice.api.StatusChangeView;
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
    private final Cache lines;
    private final Cache history;

    public InvoiceCache(@CacheName("invoice-by-id") Cache byId, @CacheName("invoice-by-number") Cache byNumber,
                        @CacheName("invoice-lines") Cache lines, @CacheName("invoice-history") Cache history) {
        this.byId = byId;
        this.byNumber = byNumber;
        this.lines = lines;
        this.history = history;
    }

    public Uni<StoredInvoice> byId(long id, Supplier<Uni<StoredInvoice>> load) {
        return byId.getAsync(id, key -> load.get());
    }

    public Uni<StoredInvoice> byNumber(String code, String number, Supplier<Uni<StoredInvoice>> load) {
        return byNumber.getAsync(numberKey(code, number), key -> load.get());
    }

    /** Lines of each invoice: from the cache where present, the others in one load, then remembered. */
    public Uni<Map<Long, List<InvoiceLineView>>> linesOf(List<Long> ids, Function<List<Long>, Uni<Map<Long, List<InvoiceLineView>>>> load) {
        return allOf(lines, ids, load);
    }

    public Uni<Map<Long, List<StatusChangeView>>> historyOf(List<Long> ids, Function<List<Long>, Uni<Map<Long, List<StatusChangeView>>>> load) {
        return allOf(history, ids, load);
    }

    public Uni<Void> evict(long id, String code, String number) {
        return byId.invalidate(id)
                .chain(() -> byNumber.invalidate(numberKey(code, number)))
                .chain(() -> lines.invalidate(id))
                .chain(() -> history.invalidate(id));
    }

    private static <V> Uni<Map<Long, List<V>>> allOf(Cache cache, List<Long> ids, Function<List<Long>, Uni<Map<Long, List<V>>>> load) {
        if (!(cache instanceof CaffeineCache caffeine)) {
            return load.apply(ids);
        }
        Map<Long, List<V>> found = new HashMap<>();
        List<Long> missing = new ArrayList<>();
        for (Long id : ids) {
            CompletableFuture<List<V>> cached = caffeine.getIfPresent(id);
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
                List<V> values = loaded.getOrDefault(id, List.of());
                caffeine.put(id, CompletableFuture.completedFuture(values));
                found.put(id, values);
            }
            return found;
        });
    }

    private static String numberKey(String code, String number) {
        return (code == null ? "" : code) + "/" + number;
    }
}
