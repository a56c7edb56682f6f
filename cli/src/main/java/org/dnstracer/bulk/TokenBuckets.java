package org.dnstracer.bulk;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.dnstracer.net.Pacer;

/**
 * One token bucket per server address (Bucket4j, greedy refill): {@code rate} tokens a second, at most
 * {@code burst} saved up. A query takes a token; when there is none it reserves the next one and learns how long
 * to wait for it, so queries to one address leave at most {@code burst + rate * t} in any {@code t} seconds. A
 * bucket is forgotten (Caffeine, per-entry expiry) once it has refilled, when forgetting it changes nothing: the
 * map holds only the addresses asked lately. Thread-safe.
 */
final class TokenBuckets implements Pacer {
    private final Bandwidth bandwidth;
    private final long burst;
    private final TimeMeter clock;
    /** Each take is one {@code compute}, so that the expiry is set from the bucket as the take leaves it. */
    private final Cache<InetAddress, Bucket> buckets;
    private final LongAdder waited = new LongAdder();

    TokenBuckets(double rate, int burst, LongSupplier nanoClock) {
        if (!(rate > 0) || burst < 1) {
            throw new IllegalArgumentException("rate and burst must be positive");
        }
        this.burst = burst;
        // one token every 1/rate s (to the nanosecond): a rate below one a second needs no rounding to whole tokens
        long nanosPerToken = Math.max(1, Math.round(1e9 / rate));
        this.bandwidth = Bandwidth.builder().capacity(burst).refillGreedy(1, Duration.ofNanos(nanosPerToken)).build();
        this.clock = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return nanoClock.getAsLong();
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
        this.buckets = Caffeine.newBuilder()
                .expireAfter(new UntilFull())
                .ticker(nanoClock::getAsLong)
                .executor(Runnable::run)
                .build();
    }

    /** Takes a token for one query to {@code address}; returns how many nanoseconds to wait before sending it. */
    @Override
    public long reserve(InetAddress address) {
        long[] wait = {0};
        buckets.asMap().compute(address, (a, b) -> {
            Bucket bucket = b != null ? b : newBucket();
            wait[0] = bucket.consumeIgnoringRateLimits(1);
            return bucket;
        });
        waited.add(wait[0]);
        return wait[0];
    }

    /** The waits handed out so far, summed: how long queries were held back by the rate, all together. */
    long waitedNanos() {
        return waited.sum();
    }

    /** Takes a token for {@code address} only if one is there now (no debt is run up). */
    @Override
    public boolean tryTake(InetAddress address) {
        boolean[] taken = {false};
        buckets.asMap().compute(address, (a, b) -> {
            Bucket bucket = b != null ? b : newBucket();
            taken[0] = bucket.tryConsume(1);
            return bucket;
        });
        return taken[0];
    }

    /** Addresses with a bucket now. */
    int size() {
        buckets.cleanUp();
        return (int) buckets.estimatedSize();
    }

    private Bucket newBucket() {
        return Bucket.builder().addLimit(bandwidth).withCustomTimePrecision(clock).build();
    }

    /** A bucket lives until it is full again (a bucket in debt longer than one that is merely low). */
    private final class UntilFull implements Expiry<InetAddress, Bucket> {
        private long untilFull(Bucket bucket) {
            return bucket.estimateAbilityToConsume(burst).getNanosToWaitForRefill();
        }

        @Override
        public long expireAfterCreate(InetAddress address, Bucket bucket, long currentTime) {
            return untilFull(bucket);
        }

        @Override
        public long expireAfterUpdate(InetAddress address, Bucket bucket, long currentTime, long currentDuration) {
            return untilFull(bucket);
        }

        @Override
        public long expireAfterRead(InetAddress address, Bucket bucket, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
