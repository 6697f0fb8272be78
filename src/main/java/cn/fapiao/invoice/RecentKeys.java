package cn.fapiao.invoice;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Remembers, approximately, which keys were asked for lately: the "asked for before" test that
 * decides whether a lookup goes through the cache ({@link InvoiceCache}).
 *
 * <p>It holds a 64-bit fingerprint of each key in a slot chosen by the key, and a new key simply
 * overwrites the slot's previous one: older keys are forgotten as new ones take their slots, and
 * at most as many keys as it has slots are remembered at a time. It never allocates and never locks: a Caffeine
 * cache used for this (keys without values) cost a cache write with its upkeep for almost every
 * lookup when reads spread over many invoices, since most of them are asked for the first time
 * in a while. A wrong answer costs nothing but an invoice cached one ask early or late (two keys
 * are confused only if their whole 64-bit fingerprints are equal).
 */
final class RecentKeys {

    private final AtomicLongArray slots;
    private final int mask;

    /** Remembers about {@code size} keys (rounded up to a power of two). */
    RecentKeys(int size) {
        int slotCount = Integer.highestOneBit(Math.max(16, size - 1)) << 1;
        this.slots = new AtomicLongArray(slotCount);
        this.mask = slotCount - 1;
    }

    /** Whether the key was remembered already; remembers it either way. */
    boolean seenBefore(long fingerprint) {
        // Zero is an empty slot: a key whose fingerprint is zero counts as another fingerprint.
        long value = fingerprint == 0 ? 1 : fingerprint;
        int slot = (int) (value ^ (value >>> 32)) & mask;
        if (slots.getPlain(slot) == value) {
            return true;
        }
        slots.setPlain(slot, value);
        return false;
    }

    /** A 64-bit fingerprint of an invoice id. */
    static long fingerprint(long id) {
        return mix(id);
    }

    /** A 64-bit fingerprint of a text key: FNV-1a over its characters, then mixed. */
    static long fingerprint(String key) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            hash = (hash ^ key.charAt(i)) * 0x100000001b3L;
        }
        return mix(hash ^ 0x5bd1e9955bd1e995L);
    }

    /** SplitMix64's finaliser: spreads every input bit over the whole result. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
