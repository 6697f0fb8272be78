package cn.fapiao.invoice;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecentKeysTest {

    @Test
    void aKeyIsNewTheFirstTimeAndSeenTheSecond() {
        RecentKeys keys = new RecentKeys(100);
        long key = RecentKeys.fingerprint("/24117000000012345678");
        assertFalse(keys.seenBefore(key));
        assertTrue(keys.seenBefore(key));
        assertTrue(keys.seenBefore(key));
        assertFalse(keys.seenBefore(RecentKeys.fingerprint("/24117000000012345679")), "a number one digit apart");
        assertFalse(keys.seenBefore(RecentKeys.fingerprint(42)));
        assertTrue(keys.seenBefore(RecentKeys.fingerprint(42)));
        assertFalse(keys.seenBefore(RecentKeys.fingerprint(43)));
    }

    @Test
    void aZeroFingerprintIsRememberedLikeAnyOther() {
        RecentKeys keys = new RecentKeys(16);
        assertFalse(keys.seenBefore(0));
        assertTrue(keys.seenBefore(0));
    }

    @Test
    void itRemembersAboutAsManyRecentKeysAsItsSizeAndForgetsOlderOnes() {
        int size = 10_000;
        RecentKeys keys = new RecentKeys(size);
        for (long id = 0; id < 100_000; id++) {
            keys.seenBefore(RecentKeys.fingerprint(id));
        }
        int recentRemembered = 0;
        for (long id = 100_000 - size / 2; id < 100_000; id++) {
            recentRemembered += keys.seenBefore(RecentKeys.fingerprint(id)) ? 1 : 0;
        }
        int oldRemembered = 0;
        for (long id = 0; id < size / 2; id++) {
            oldRemembered += keys.seenBefore(RecentKeys.fingerprint(id)) ? 1 : 0;
        }
        // 16,384 slots: most of the last 5,000 keys are still there (some share a slot with a later
        // key, and asking overwrites too), few of the first 5,000.
        assertTrue(recentRemembered > size / 2 * 0.7, "recent keys remembered: " + recentRemembered);
        assertTrue(oldRemembered < size / 2 * 0.02, "old keys remembered: " + oldRemembered);
    }

    @Test
    void fingerprintsOfSimilarKeysDiffer() {
        Set<Long> fingerprints = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            fingerprints.add(RecentKeys.fingerprint(String.format("1100%06d/%08d", i % 1000, i)));
            fingerprints.add(RecentKeys.fingerprint(i));
        }
        assertEquals(200_000, fingerprints.size());
        assertNotEquals(RecentKeys.fingerprint("ab"), RecentKeys.fingerprint("ba"));
    }
}
