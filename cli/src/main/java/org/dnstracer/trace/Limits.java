package org.dnstracer.trace;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds of one run, so that no zone data and no server can make a trace run away.
 *
 * @param maxDepth deepest delegation level followed (the start server is level 0)
 * @param maxQueries queries the tree may show as asked; address look-ups share the eager budget of the same size
 * @param maxCnameChain CNAME targets followed one after the other
 * @param maxNameServers name servers followed per referral, in referral order; the rest are listed as not followed
 * @param maxLookupNesting glueless look-ups nested inside one another (a name server whose zone's name servers
 *     have no glue either, and so on)
 * @param maxTime wall-clock bound of the whole run; unfinished lines then say so
 */
public record Limits(int maxDepth, int maxQueries, int maxCnameChain, int maxNameServers, int maxLookupNesting,
        Duration maxTime) {
    public static final int DEFAULT_MAX_NAME_SERVERS = 32;
    public static final Duration DEFAULT_MAX_TIME = Duration.ofSeconds(120);

    public Limits {
        Objects.requireNonNull(maxTime, "maxTime");
        if (maxDepth < 0 || maxQueries < 0 || maxCnameChain < 0 || maxNameServers < 1 || maxLookupNesting < 1
                || maxTime.isNegative() || maxTime.isZero()) {
            throw new IllegalArgumentException("limits out of range");
        }
    }

    public static Limits defaults() {
        return new Limits(32, 3000, 8, DEFAULT_MAX_NAME_SERVERS, 4, DEFAULT_MAX_TIME);
    }

    public Limits withMaxQueries(int n) {
        return new Limits(maxDepth, n, maxCnameChain, maxNameServers, maxLookupNesting, maxTime);
    }

    public Limits withMaxDepth(int n) {
        return new Limits(n, maxQueries, maxCnameChain, maxNameServers, maxLookupNesting, maxTime);
    }

    public Limits withMaxNameServers(int n) {
        return new Limits(maxDepth, maxQueries, maxCnameChain, n, maxLookupNesting, maxTime);
    }

    public Limits withMaxLookupNesting(int n) {
        return new Limits(maxDepth, maxQueries, maxCnameChain, maxNameServers, n, maxTime);
    }

    public Limits withMaxTime(Duration d) {
        return new Limits(maxDepth, maxQueries, maxCnameChain, maxNameServers, maxLookupNesting, d);
    }
}
