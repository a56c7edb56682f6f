package org.dnstracer.bulk;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A map that forgets: at most {@code maxEntries} entries (the least recently used go first) and each for its own
 * time to live, so that memory stays flat whatever the number of names traced. Thread-safe.
 */
final class BoundedTtlCache<K, V> {
    private record Entry<V>(V value, long expiresNanos) {}

    private final int maxEntries;
    private final LongSupplier nanoClock;
    private final LinkedHashMap<K, Entry<V>> map;

    BoundedTtlCache(int maxEntries, LongSupplier nanoClock) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.maxEntries = maxEntries;
        this.nanoClock = nanoClock;
        this.map = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                return size() > BoundedTtlCache.this.maxEntries;
            }
        };
    }

    /** The live value, or null when absent or expired. */
    synchronized V get(K key) {
        Entry<V> e = map.get(key);
        if (e == null) {
            return null;
        }
        if (nanoClock.getAsLong() - e.expiresNanos() >= 0) {
            map.remove(key);
            return null;
        }
        return e.value();
    }

    /** Keeps the value for {@code ttlNanos} (nothing when not positive). */
    synchronized void put(K key, V value, long ttlNanos) {
        if (ttlNanos <= 0) {
            map.remove(key);
            return;
        }
        map.put(key, new Entry<>(value, nanoClock.getAsLong() + ttlNanos));
    }

    synchronized void remove(K key) {
        map.remove(key);
    }

    synchronized int size() {
        return map.size();
    }
}
