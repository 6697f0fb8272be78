package cn.fapiao.common.cache;

import com.github.benmanes.caffeine.cache.Cache;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Caffeine caches held in fields are built through {@link LocalCaches}, whose upkeep runs in place
 * instead of waking a ForkJoin thread per write (see there).
 */
class LocalCachesTest {

    @Test
    void everyCaffeineCacheIsBuiltThroughLocalCaches() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            offenders = files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("LocalCaches.java"))
                    .filter(f -> read(f).contains("Caffeine.newBuilder("))
                    .map(Path::toString).sorted().toList();
        }
        assertEquals(List.of(), offenders, "build Caffeine caches with LocalCaches.builder()");
    }

    @Test
    void upkeepRunsOnTheCallersThread() {
        Set<Thread> evictingThreads = ConcurrentHashMap.newKeySet();
        AtomicInteger evicted = new AtomicInteger();
        Cache<Integer, Integer> cache = LocalCaches.builder().maximumSize(10)
                .removalListener((key, value, cause) -> {
                    evictingThreads.add(Thread.currentThread());
                    evicted.incrementAndGet();
                })
                .build();
        for (int i = 0; i < 1_000; i++) {
            cache.put(i, i);
        }
        // Caffeine's default would evict, and tell the listener, on a ForkJoin thread, later.
        assertEquals(Set.of(Thread.currentThread()), evictingThreads);
        assertEquals(990, evicted.get());
        assertEquals(10, cache.estimatedSize());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
