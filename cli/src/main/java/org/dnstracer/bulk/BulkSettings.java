package org.dnstracer.bulk;

import java.time.Duration;
import java.util.Objects;
import org.dnstracer.model.StartServer;
import org.dnstracer.trace.IpFamily;
import org.dnstracer.trace.Limits;
import org.dnstracer.trace.RootHints;

/**
 * How a {@link BulkTracer} runs.
 *
 * @param start where every trace starts (a root server, zone ".", for shared referrals to apply from the top)
 * @param port destination port of every query
 * @param family which addresses may be queried
 * @param rootHints where glueless name servers are looked up from
 * @param tries tries per server as configured in the transport (shown in full trace documents)
 * @param limits bounds of each name's trace; {@link Limits#maxTime()} is the time limit per name
 * @param followCname trace CNAME targets as further sections
 * @param parallel names traced at once, 1 or more
 * @param ordered results in input order (true) or in completion order
 * @param ratePerServer queries per second to any one server address; 0 for no limit
 * @param burstPerServer queries to one address that may leave at once after a quiet spell
 * @param cacheEntries bound of each shared cache (referrals, addresses, silent servers)
 * @param maxCacheTtl longest time a learned referral or address is reused
 * @param deadFor how long a server that failed to answer is reported silent without being asked again
 */
public record BulkSettings(StartServer start, int port, IpFamily family, RootHints rootHints, int tries,
        Limits limits, boolean followCname, int parallel, boolean ordered, double ratePerServer, int burstPerServer,
        int cacheEntries, Duration maxCacheTtl, Duration deadFor) {
    /**
     * Names at once: a name costs about three round trips of its own zone's servers, so 256 names keep some 250
     * queries in flight, enough for 1,000 names a second at 40 ms round trips on the multiplexed transport.
     */
    public static final int DEFAULT_PARALLEL = 256;
    public static final double DEFAULT_RATE = 20;
    public static final int DEFAULT_BURST = 5;
    public static final int DEFAULT_CACHE_ENTRIES = 100_000;
    public static final Duration DEFAULT_MAX_CACHE_TTL = Duration.ofHours(1);
    public static final Duration DEFAULT_DEAD_FOR = Duration.ofMinutes(1);

    public BulkSettings {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(rootHints, "rootHints");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(maxCacheTtl, "maxCacheTtl");
        Objects.requireNonNull(deadFor, "deadFor");
        if (parallel < 1 || ratePerServer < 0 || burstPerServer < 1 || cacheEntries < 1) {
            throw new IllegalArgumentException("parallel, burst and cacheEntries must be positive, rate not negative");
        }
    }

    /** The defaults around a start server and its hints: 256 names at once, in order, 20 queries/s per address. */
    public static BulkSettings defaults(StartServer start, int port, RootHints rootHints) {
        return new BulkSettings(start, port, IpFamily.ANY, rootHints, 3, Limits.defaults(), true, DEFAULT_PARALLEL,
                true, DEFAULT_RATE, DEFAULT_BURST, DEFAULT_CACHE_ENTRIES, DEFAULT_MAX_CACHE_TTL, DEFAULT_DEAD_FOR);
    }

    public BulkSettings withParallel(int n) {
        return new BulkSettings(start, port, family, rootHints, tries, limits, followCname, n, ordered,
                ratePerServer, burstPerServer, cacheEntries, maxCacheTtl, deadFor);
    }

    public BulkSettings withOrdered(boolean b) {
        return new BulkSettings(start, port, family, rootHints, tries, limits, followCname, parallel, b,
                ratePerServer, burstPerServer, cacheEntries, maxCacheTtl, deadFor);
    }

    public BulkSettings withRate(double perServer) {
        return new BulkSettings(start, port, family, rootHints, tries, limits, followCname, parallel, ordered,
                perServer, burstPerServer, cacheEntries, maxCacheTtl, deadFor);
    }

    public BulkSettings withBurst(int perServer) {
        return new BulkSettings(start, port, family, rootHints, tries, limits, followCname, parallel, ordered,
                ratePerServer, perServer, cacheEntries, maxCacheTtl, deadFor);
    }

    public BulkSettings withLimits(Limits l) {
        return new BulkSettings(start, port, family, rootHints, tries, l, followCname, parallel, ordered,
                ratePerServer, burstPerServer, cacheEntries, maxCacheTtl, deadFor);
    }

    public BulkSettings withFamily(IpFamily f) {
        return new BulkSettings(start, port, f, rootHints, tries, limits, followCname, parallel, ordered,
                ratePerServer, burstPerServer, cacheEntries, maxCacheTtl, deadFor);
    }

    public BulkSettings withTries(int n) {
        return new BulkSettings(start, port, family, rootHints, n, limits, followCname, parallel, ordered,
                ratePerServer, burstPerServer, cacheEntries, maxCacheTtl, deadFor);
    }

    public BulkSettings withFollowCname(boolean b) {
        return new BulkSettings(start, port, family, rootHints, tries, limits, b, parallel, ordered,
                ratePerServer, burstPerServer, cacheEntries, maxCacheTtl, deadFor);
    }

    public BulkSettings withCacheEntries(int n) {
        return new BulkSettings(start, port, family, rootHints, tries, limits, followCname, parallel, ordered,
                ratePerServer, burstPerServer, n, maxCacheTtl, deadFor);
    }
}
