package org.dnstracer.bulk;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Policy.VarExpiration;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.dnstracer.net.Exchange;
import org.dnstracer.trace.Delegation;
import org.dnstracer.trace.LearnedReferral;
import org.dnstracer.trace.SharedState;
import org.xbill.DNS.Name;

/**
 * The bounded, TTL-aware {@link SharedState} of a bulk run: referrals keyed by (server address, zone asked in,
 * child zone), glueless name-server addresses keyed by name, and silent servers. Referrals live for the smaller of
 * their records' TTL and {@code maxTtl}; addresses for {@code maxTtl} (the look-up's TTLs are not kept); an
 * address whose last {@value #FAILURES_TO_DEAD} exchanges all failed is treated as silent for {@code deadFor} after
 * the last failure, except for one probe every {@code PROBE_EVERY}; any answer makes it healthy again.
 *
 * <p>Each of the three is a Caffeine cache of at most {@code maxEntries} entries, each entry with its own time to
 * live, so that memory stays flat whatever the number of names traced.
 */
public final class BulkCaches implements SharedState {
    private record ReferralKey(InetAddress server, Name zone, Name child) {}

    /**
     * Failed exchanges in a row, when the next probe of a dead address may go, and the last failure (kept for
     * the traces that skip the address). Immutable: every change is one atomic {@code compute} of the cache, so
     * no failure, answer or probe is lost to a race between threads.
     */
    private record Health(int failures, long nextProbeNanos, Exchange lastFailure) {}

    /**
     * Exchanges in a row that must fail (every try) before an address counts as silent: one slow spell (a
     * server still starting, a burst of loss) must not silence the root for every name of the run.
     */
    static final int FAILURES_TO_DEAD = 3;
    /** While an address counts as silent, one query in this long still goes to it, to notice its return. */
    static final Duration PROBE_EVERY = Duration.ofSeconds(5);

    private final Cache<ReferralKey, LearnedReferral> referrals;
    private final Cache<Name, List<InetAddress>> addresses;
    private final Cache<InetAddress, Health> health;
    /** The health cache's per-entry expiry: a failure sets how long the address is remembered. */
    private final VarExpiration<InetAddress, Health> healthExpiry;
    private final LongSupplier nanoClock;
    private final long maxTtlNanos;
    private final long deadForNanos;
    private final AtomicLong referralHits = new AtomicLong();
    private final AtomicLong addressHits = new AtomicLong();

    /**
     * @param maxEntries bound of each of the three caches
     * @param maxTtl longest time anything learned is reused
     * @param deadFor how long a server that failed to answer is not asked again (zero: always asked)
     */
    public BulkCaches(int maxEntries, Duration maxTtl, Duration deadFor) {
        this(maxEntries, maxTtl, deadFor, System::nanoTime);
    }

    BulkCaches(int maxEntries, Duration maxTtl, Duration deadFor, LongSupplier nanoClock) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.referrals = cache(maxEntries, nanoClock);
        this.addresses = cache(maxEntries, nanoClock);
        this.health = cache(maxEntries, nanoClock);
        this.healthExpiry = health.policy().expireVariably().orElseThrow();
        this.nanoClock = nanoClock;
        this.maxTtlNanos = maxTtl.toNanos();
        this.deadForNanos = deadFor.toNanos();
    }

    @Override
    public Optional<LearnedReferral> learnedReferral(InetAddress server, Name zone, Name qname) {
        // deepest first: a server that serves both a zone and its grandparent refers to the deeper cut
        for (Name n = qname; n.subdomain(zone) && !n.equals(zone); n = new Name(n, 1)) {
            LearnedReferral d = referrals.getIfPresent(new ReferralKey(server, zone, n));
            if (d != null) {
                referralHits.incrementAndGet();
                return Optional.of(d);
            }
            if (n.labels() <= 1) {
                break;
            }
        }
        return Optional.empty();
    }

    @Override
    public void referred(InetAddress server, Name zone, Delegation delegation, Exchange exchange, long ttlSeconds) {
        long ttl = Math.min(TimeUnit.SECONDS.toNanos(ttlSeconds), maxTtlNanos);
        put(referrals, new ReferralKey(server, zone, delegation.zone()), new LearnedReferral(delegation, exchange), ttl);
    }

    @Override
    public Optional<List<InetAddress>> addresses(Name host) {
        List<InetAddress> found = addresses.getIfPresent(host);
        if (found != null) {
            addressHits.incrementAndGet();
        }
        return Optional.ofNullable(found);
    }

    @Override
    public void found(Name host, List<InetAddress> found) {
        if (!found.isEmpty()) {
            put(addresses, host, List.copyOf(found), maxTtlNanos);
        }
    }

    @Override
    public boolean isDead(InetAddress address) {
        long now = nanoClock.getAsLong();
        boolean[] dead = {false};
        // the entry keeps its expiry (the cache's Expiry on update): a probe is no failure
        health.asMap().compute(address, (a, h) -> {
            if (h == null || h.failures() < FAILURES_TO_DEAD) {
                return h;
            }
            if (now - h.nextProbeNanos() >= 0) {
                // the probe: this one query goes, the next in PROBE_EVERY
                return new Health(h.failures(), now + PROBE_EVERY.toNanos(), h.lastFailure());
            }
            dead[0] = true;
            return h;
        });
        return dead[0];
    }

    @Override
    public Optional<Exchange> lastFailure(InetAddress address) {
        Health h = health.getIfPresent(address);
        return h == null ? Optional.empty() : Optional.ofNullable(h.lastFailure());
    }

    @Override
    public void exchanged(InetAddress address, boolean answered) {
        exchanged(address, answered, null);
    }

    @Override
    public void exchanged(InetAddress address, Exchange exchange) {
        exchanged(address, exchange.answered(), exchange);
    }

    private void exchanged(InetAddress address, boolean answered, Exchange exchange) {
        if (answered || deadForNanos <= 0) {
            health.invalidate(address);
            return;
        }
        long now = nanoClock.getAsLong();
        // the last failure starts the time it is remembered
        healthExpiry.compute(address, (a, h) -> {
            int failures = h == null ? 1 : h.failures() + 1;
            long nextProbe = failures == FAILURES_TO_DEAD ? now + PROBE_EVERY.toNanos()
                    : h == null ? 0 : h.nextProbeNanos();
            return new Health(failures, nextProbe, exchange != null ? exchange : h == null ? null : h.lastFailure());
        }, Duration.ofNanos(deadForNanos));
    }

    /** Referrals taken from the cache instead of asked, so far. */
    public long referralHits() {
        return referralHits.get();
    }

    /** Glueless look-ups answered from the cache, so far. */
    public long addressHits() {
        return addressHits.get();
    }

    /** Entries held now, all caches together (for tests of the bound). */
    int size() {
        referrals.cleanUp();
        addresses.cleanUp();
        health.cleanUp();
        return (int) (referrals.estimatedSize() + addresses.estimatedSize() + health.estimatedSize());
    }

    /**
     * At most {@code maxEntries} entries (Caffeine's eviction keeps the most used), each for the time it is put
     * with. Maintenance runs on the calling thread ({@code Runnable::run}): nothing on the common pool, which the
     * Spark executors and the bulk run's own threads share.
     */
    private static <K, V> Cache<K, V> cache(int maxEntries, LongSupplier nanoClock) {
        return Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfter(new KeepExpiry<K, V>())
                .ticker(nanoClock::getAsLong)
                .executor(Runnable::run)
                .build();
    }

    /** Keeps {@code value} for {@code ttlNanos} (nothing when not positive). */
    private static <K, V> void put(Cache<K, V> cache, K key, V value, long ttlNanos) {
        if (ttlNanos <= 0) {
            cache.invalidate(key);
        } else {
            cache.policy().expireVariably().orElseThrow().put(key, value, ttlNanos, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * Every entry is written with its own time to live ({@link VarExpiration#put}, {@link VarExpiration#compute});
     * an update without one (the {@code asMap().compute} of {@link #isDead}) and a read keep the entry's expiry.
     * Nothing is created without a time to live: if it were, it would be gone at once.
     */
    private static final class KeepExpiry<K, V> implements Expiry<K, V> {
        @Override
        public long expireAfterCreate(K key, V value, long currentTime) {
            return 0;
        }

        @Override
        public long expireAfterUpdate(K key, V value, long currentTime, long currentDuration) {
            return currentDuration;
        }

        @Override
        public long expireAfterRead(K key, V value, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
