package org.dnstracer.bulk;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.dnstracer.net.Pacer;

/**
 * One token bucket per server address: {@code rate} tokens a second, at most {@code burst} saved up. A query takes
 * a token; when there is none it reserves the next one and learns how long to wait for it, so queries to one
 * address leave at most {@code burst + rate * t} in any {@code t} seconds. The map keeps at most {@code maxAddresses}
 * idle buckets: a bucket is dropped (least recently used first) only once it has refilled, when forgetting it
 * changes nothing. Thread-safe.
 */
final class TokenBuckets implements Pacer {
    private static final class Bucket {
        double tokens;
        long lastNanos;
    }

    private final double perNano;
    private final double burst;
    private final int maxAddresses;
    private final LongSupplier nanoClock;
    private final LinkedHashMap<InetAddress, Bucket> buckets = new LinkedHashMap<>(16, 0.75f, true);
    private long waited;

    TokenBuckets(double rate, int burst, int maxAddresses, LongSupplier nanoClock) {
        if (!(rate > 0) || burst < 1 || maxAddresses < 1) {
            throw new IllegalArgumentException("rate, burst and maxAddresses must be positive");
        }
        this.perNano = rate / 1e9;
        this.burst = burst;
        this.maxAddresses = maxAddresses;
        this.nanoClock = nanoClock;
    }

    /** Takes a token for one query to {@code address}; returns how many nanoseconds to wait before sending it. */
    @Override
    public synchronized long reserve(InetAddress address) {
        Bucket b = refilled(address);
        b.tokens -= 1;
        long wait = b.tokens >= 0 ? 0 : (long) Math.ceil(-b.tokens / perNano);
        waited += wait;
        return wait;
    }

    /** The waits handed out so far, summed: how long queries were held back by the rate, all together. */
    synchronized long waitedNanos() {
        return waited;
    }

    /** Takes a token for {@code address} only if one is there now (no debt is run up). */
    @Override
    public synchronized boolean tryTake(InetAddress address) {
        Bucket b = refilled(address);
        if (b.tokens < 1) {
            return false;
        }
        b.tokens -= 1;
        return true;
    }

    private Bucket refilled(InetAddress address) {
        long now = nanoClock.getAsLong();
        Bucket b = buckets.get(address);
        if (b == null) {
            b = new Bucket();
            b.tokens = burst;
            b.lastNanos = now;
            trim(now, maxAddresses - 1);
            buckets.put(address, b);
        }
        b.tokens = Math.min(burst, b.tokens + (now - b.lastNanos) * perNano);
        b.lastNanos = now;
        return b;
    }

    /** Addresses with a bucket now. */
    synchronized int size() {
        return buckets.size();
    }

    private void trim(long now, int room) {
        var it = buckets.entrySet().iterator();
        while (buckets.size() > room && it.hasNext()) {
            Map.Entry<InetAddress, Bucket> eldest = it.next();
            Bucket b = eldest.getValue();
            if (b.tokens + (now - b.lastNanos) * perNano >= burst) {
                it.remove();
            }
        }
    }
}
