package org.dnstracer.net;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * How long each try waits: an initial wait learned from round trips, doubled per try, capped by {@code -t}.
 *
 * <p>A server's own samples are the best guide. A server never heard from gets the estimate over all servers, but
 * never less than half the configured initial timeout: the next server may well be on another continent than the
 * ones measured so far, and three tries of 50, 100 and 200 ms would miss it entirely.
 */
final class AdaptiveTimeouts {
    /** Below this, scheduler jitter and a busy machine alone cause spurious retries. */
    static final Duration FLOOR = Duration.ofMillis(50);
    /** Round trips without a reply after which a try is hedged. */
    static final int HEDGE_ROUND_TRIPS = 3;
    /** What "no cap" means: no server worth waiting for takes longer. */
    static final Duration NO_CAP = Duration.ofSeconds(30);
    /** Keeps a long-running process from growing without bound on a huge trace. */
    private static final int MAX_SERVERS = 10_000;

    private final Duration configuredInitial;
    private final Duration cap;
    private final Duration floor;
    private final RttEstimator global = new RttEstimator();
    private final RecentRoundTrips recent = new RecentRoundTrips();
    private final ConcurrentMap<ServerAddress, RttEstimator> perServer = new ConcurrentHashMap<>();

    AdaptiveTimeouts(Duration initialTimeout, Duration maxTimeout) {
        this(initialTimeout, maxTimeout, FLOOR);
    }

    AdaptiveTimeouts(Duration initialTimeout, Duration maxTimeout, Duration floor) {
        this.floor = floor;
        this.cap = maxTimeout == null || maxTimeout.isZero() || maxTimeout.isNegative() ? NO_CAP : maxTimeout;
        Duration initial = initialTimeout == null || initialTimeout.isZero() || initialTimeout.isNegative()
                ? TransportOptions.DEFAULT_INITIAL_TIMEOUT
                : initialTimeout;
        this.configuredInitial = min(initial, cap);
    }

    static AdaptiveTimeouts from(TransportOptions options) {
        return from(options, FLOOR);
    }

    static AdaptiveTimeouts from(TransportOptions options, Duration floor) {
        return new AdaptiveTimeouts(options.initialTimeout(), options.maxTimeout(), floor);
    }

    Duration cap() {
        return cap;
    }

    void sample(ServerAddress server, Duration rtt) {
        global.sample(rtt);
        recent.sample(rtt);
        RttEstimator own = perServer.get(server);
        if (own == null && perServer.size() < MAX_SERVERS) {
            own = perServer.computeIfAbsent(server, s -> new RttEstimator());
        }
        if (own != null) {
            own.sample(rtt);
        }
    }

    /** The wait of the first try to this server. */
    Duration initialFor(ServerAddress server) {
        RttEstimator own = perServer.get(server);
        Optional<Duration> estimate = own == null ? Optional.empty() : own.estimate();
        if (estimate.isPresent()) {
            return clamp(estimate.get(), floor);
        }
        Optional<Duration> overall = global.estimate();
        if (overall.isPresent()) {
            return clamp(overall.get(), max(floor, configuredInitial.dividedBy(2)));
        }
        return configuredInitial;
    }

    /**
     * When a UDP try to this server that is still unanswered sends its hedge: {@value #HEDGE_ROUND_TRIPS} round
     * trips (the server's own smoothed one, else the median of the run's recent replies), at least the floor;
     * null when no round trip has been
     * measured yet. Three round trips is rarely reached by a reply that is merely slow, so a hedge almost always
     * replaces a lost packet, and a run without loss sends no more queries than without hedging. The try ignores
     * a hedge that would not come before its own end, which is the case of a measured server whose
     * retransmission timeout is already tight.
     */
    Duration hedgeAfter(ServerAddress server) {
        RttEstimator own = perServer.get(server);
        Optional<Duration> srtt = own == null ? Optional.empty() : own.smoothedRtt();
        if (srtt.isEmpty()) {
            srtt = recent.median();
        }
        return srtt.map(rtt -> max(rtt.multipliedBy(HEDGE_ROUND_TRIPS), floor)).orElse(null);
    }

    /**
     * The wait of a UDP try that may hedge after {@code hedgeAfter} (null for none): its regular wait, stretched
     * when needed so that the hedge too gets as long to be answered as the first query had before it, within the cap.
     */
    Duration withRoomForHedge(Duration wait, Duration hedgeAfter) {
        if (hedgeAfter == null || hedgeAfter.compareTo(wait) >= 0) {
            return wait;
        }
        return min(max(wait, hedgeAfter.multipliedBy(2)), cap);
    }

    /**
     * The wait of try {@code tryIndex} (0-based). A TCP try starts from twice the UDP figure because its
     * handshake costs one more round trip before the query can even be sent, and from at least the configured
     * first wait.
     */
    Duration forTry(ServerAddress server, Protocol protocol, int tryIndex) {
        Duration wait = initialFor(server);
        if (protocol == Protocol.TCP) {
            // but never less than the configured first wait: a server's UDP round trips say little about how
            // fast it accepts a connection and answers on it (on a busy host, loopback BIND took over 100 ms)
            wait = max(wait.multipliedBy(2), configuredInitial);
        }
        for (int i = 0; i < tryIndex && wait.compareTo(cap) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return min(wait, cap);
    }

    private Duration clamp(Duration d, Duration floor) {
        return min(max(d, floor), cap);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
