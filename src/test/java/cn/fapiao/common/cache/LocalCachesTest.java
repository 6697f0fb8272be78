package cn.fapiao.common.cache;

import com.github.benmanes.caffeine.cache.Cache;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
    void evictionRunsOnTheCallersThreadWithoutThePool() {
        long stolenBefore = ForkJoinPool.commonPool().getStealCount() + ForkJoinPool.commonPool().getQueuedSubmissionCount();
        Cache<Integer, Integer> cache = LocalCaches.builder().maximumSize(10).build();
        for (int i = 0; i < 1_000; i++) {
            cache.put(i, i);
        }
        // Without a pool to wait for, the bound holds as soon as the writes return.
        assertEquals(10, cache.estimatedSize());
        assertNull(cache.getIfPresent(0));
        assertEquals(stolenBefore, ForkJoinPool.commonPool().getStealCount() + ForkJoinPool.commonPool().getQueuedSubmissionCount());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
