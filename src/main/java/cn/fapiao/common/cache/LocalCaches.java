package cn.fapiao.common.cache;

import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The one way to build a Caffeine cache held in a field (Quarkus Cache's named caches are
 * configured in application.properties instead).
 *
 * <p>Its upkeep (draining the read and write buffers, evicting) runs on the thread that used the
 * cache, not on the common ForkJoin pool, which is Caffeine's default. These caches are read and
 * written on the event loop by every request, and handing each write's upkeep to the pool woke a
 * pool thread with a system call each time: 3% of the CPU of an invoice lookup in the benchmark,
 * plus the pool thread's own 3.5%, for work that takes microseconds when done in place.
 */
public final class LocalCaches {

    private LocalCaches() {
    }

    public static Caffeine<Object, Object> builder() {
        return Caffeine.newBuilder().executor(Runnable::run);
    }
}
