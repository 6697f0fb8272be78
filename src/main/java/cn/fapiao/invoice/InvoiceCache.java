package cn.fapiao.invoice;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.Supplier;

/**
 * Single-invoice lookups by id and by number (Caffeine via Quarkus Cache). Every write evicts
 * the invoice here at once and, through {@link InvoiceChangeNotifier}, on every other replica.
 * The cache holds what the invoice is; who may see it is checked after every hit.
 */
@ApplicationScoped
public class InvoiceCache {

    private final Cache byId;
    private final Cache byNumber;

    public InvoiceCache(@CacheName("invoice-by-id") Cache byId, @CacheName("invoice-by-number") Cache byNumber) {
        this.byId = byId;
        this.byNumber = byNumber;
    }

    public Uni<StoredInvoice> byId(long id, Supplier<Uni<StoredInvoice>> load) {
        return byId.getAsync(id, key -> load.get());
    }

    public Uni<StoredInvoice> byNumber(String code, String number, Supplier<Uni<StoredInvoice>> load) {
        return byNumber.getAsync(numberKey(code, number), key -> load.get());
    }

    public Uni<Void> evict(long id, String code, String number) {
        return byId.invalidate(id).chain(() -> byNumber.invalidate(numberKey(code, number)));
    }

    private static String numberKey(String code, String number) {
        return (code == null ? "" : code) + "/" + number;
    }
}
