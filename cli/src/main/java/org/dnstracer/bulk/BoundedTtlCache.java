package org.dnstracer.bulk;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

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

    /**
     * Replaces the live value of {@code key} (null when absent or expired) by {@code update}'s result, in one step
     * under the cache's lock: no other call sees or changes the entry in between. A null result removes the entry.
     *
     * @param ttlNanos how long the new value lives, or {@link #KEEP_EXPIRY} to keep the entry's own expiry
     * @return the new value
     */
    synchronized V update(K key, UnaryOperator<V> update, long ttlNanos) {
        long now = nanoClock.getAsLong();
        Entry<V> e = map.get(key);
        if (e != null && now - e.expiresNanos() >= 0) {
            map.remove(key);
            e = null;
        }
        V value = update.apply(e == null ? null : e.value());
        if (value == null) {
            map.remove(key);
        } else if (ttlNanos == KEEP_EXPIRY && e != null) {
            map.put(key, new Entry<>(value, e.expiresNanos()));
        } else if (ttlNanos > 0) {
            map.put(key, new Entry<>(value, now + ttlNanos));
        } else {
            map.remove(key);
        }
        return value;
    }

    /** For {@link #update}: the entry keeps the expiry it had. */
    static final long KEEP_EXPIRY = Long.MIN_VALUE;

    synchronized void remove(K key) {
        map.remove(key);
    }

    synchronized int size() {
        return map.size();
    }
}
