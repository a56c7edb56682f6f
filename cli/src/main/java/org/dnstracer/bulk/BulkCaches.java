package org.dnstracer.bulk;

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
 */
public final class BulkCaches implements SharedState {
    private record ReferralKey(InetAddress server, Name zone, Name child) {}

    /**
     * Failed exchanges in a row, when the next probe of a dead address may go, and the last failure (kept for
     * the traces that skip the address). Immutable: every change is one {@link BoundedTtlCache#update} under the
     * cache's lock, so no failure, answer or probe is lost to a race between threads.
     */
    private record Health(int failures, long nextProbeNanos, Exchange lastFailure) {}

    /**
     * Exchanges in a row that must fail (every try) before an address counts as silent: one slow spell (a
     * server still starting, a burst of loss) must not silence the root for every name of the run.
     */
    static final int FAILURES_TO_DEAD = 3;
    /** While an address counts as silent, one query in this long still goes to it, to notice its return. */
    static final Duration PROBE_EVERY = Duration.ofSeconds(5);

    private final BoundedTtlCache<ReferralKey, LearnedReferral> referrals;
    private final BoundedTtlCache<Name, List<InetAddress>> addresses;
    private final BoundedTtlCache<InetAddress, Health> health;
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
        this.referrals = new BoundedTtlCache<>(maxEntries, nanoClock);
        this.addresses = new BoundedTtlCache<>(maxEntries, nanoClock);
        this.health = new BoundedTtlCache<>(maxEntries, nanoClock);
        this.nanoClock = nanoClock;
        this.maxTtlNanos = maxTtl.toNanos();
        this.deadForNanos = deadFor.toNanos();
    }

    @Override
    public Optional<LearnedReferral> learnedReferral(InetAddress server, Name zone, Name qname) {
        // deepest first: a server that serves both a zone and its grandparent refers to the deeper cut
        for (Name n = qname; n.subdomain(zone) && !n.equals(zone); n = new Name(n, 1)) {
            LearnedReferral d = referrals.get(new ReferralKey(server, zone, n));
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
        referrals.put(new ReferralKey(server, zone, delegation.zone()), new LearnedReferral(delegation, exchange), ttl);
    }

    @Override
    public Optional<List<InetAddress>> addresses(Name host) {
        List<InetAddress> found = addresses.get(host);
        if (found != null) {
            addressHits.incrementAndGet();
        }
        return Optional.ofNullable(found);
    }

    @Override
    public void found(Name host, List<InetAddress> found) {
        if (!found.isEmpty()) {
            addresses.put(host, List.copyOf(found), maxTtlNanos);
        }
    }

    @Override
    public boolean isDead(InetAddress address) {
        long now = nanoClock.getAsLong();
        boolean[] dead = {false};
        health.update(address, h -> {
            if (h == null || h.failures() < FAILURES_TO_DEAD) {
                return h;
            }
            if (now - h.nextProbeNanos() >= 0) {
                // the probe: this one query goes, the next in PROBE_EVERY
                return new Health(h.failures(), now + PROBE_EVERY.toNanos(), h.lastFailure());
            }
            dead[0] = true;
            return h;
        }, BoundedTtlCache.KEEP_EXPIRY);
        return dead[0];
    }

    @Override
    public Optional<Exchange> lastFailure(InetAddress address) {
        Health h = health.get(address);
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
        if (answered) {
            health.update(address, h -> null, BoundedTtlCache.KEEP_EXPIRY);
            return;
        }
        long now = nanoClock.getAsLong();
        // the last failure starts the time it is remembered
        health.update(address, h -> {
            int failures = h == null ? 1 : h.failures() + 1;
            long nextProbe = failures == FAILURES_TO_DEAD ? now + PROBE_EVERY.toNanos()
                    : h == null ? 0 : h.nextProbeNanos();
            return new Health(failures, nextProbe, exchange != null ? exchange : h == null ? null : h.lastFailure());
        }, deadForNanos);
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
        return referrals.size() + addresses.size() + health.size();
    }
}
