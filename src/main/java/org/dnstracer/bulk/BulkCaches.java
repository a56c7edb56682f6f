package org.dnstracer.bulk;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.dnstracer.trace.Delegation;
import org.dnstracer.trace.SharedState;
import org.xbill.DNS.Name;

/**
 * The bounded, TTL-aware {@link SharedState} of a bulk run: referrals keyed by (server address, zone asked in,
 * child zone), glueless name-server addresses keyed by name, and silent servers. Referrals live for the smaller of
 * their records' TTL and {@code maxTtl}; addresses for {@code maxTtl} (the look-up's TTLs are not kept); a server
 * that failed to answer is treated as silent for {@code deadFor}, after which it is asked again.
 */
public final class BulkCaches implements SharedState {
    private record ReferralKey(InetAddress server, Name zone, Name child) {}

    private final BoundedTtlCache<ReferralKey, Delegation> referrals;
    private final BoundedTtlCache<Name, List<InetAddress>> addresses;
    private final BoundedTtlCache<InetAddress, Boolean> dead;
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
        this.dead = new BoundedTtlCache<>(maxEntries, nanoClock);
        this.maxTtlNanos = maxTtl.toNanos();
        this.deadForNanos = deadFor.toNanos();
    }

    @Override
    public Optional<Delegation> referral(InetAddress server, Name zone, Name qname) {
        // deepest first: a server that serves both a zone and its grandparent refers to the deeper cut
        for (Name n = qname; n.subdomain(zone) && !n.equals(zone); n = new Name(n, 1)) {
            Delegation d = referrals.get(new ReferralKey(server, zone, n));
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
    public void referred(InetAddress server, Name zone, Delegation delegation, long ttlSeconds) {
        long ttl = Math.min(TimeUnit.SECONDS.toNanos(ttlSeconds), maxTtlNanos);
        referrals.put(new ReferralKey(server, zone, delegation.zone()), delegation, ttl);
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
        return dead.get(address) != null;
    }

    @Override
    public void exchanged(InetAddress address, boolean answered) {
        if (answered) {
            dead.remove(address);
        } else {
            dead.put(address, Boolean.TRUE, deadForNanos);
        }
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
        return referrals.size() + addresses.size() + dead.size();
    }
}
