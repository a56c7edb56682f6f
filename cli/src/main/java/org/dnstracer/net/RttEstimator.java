package org.dnstracer.net;

import java.time.Duration;
import java.util.Optional;

/**
 * Smoothed round-trip time in the manner of RFC 6298 (TCP's retransmission timer), applied to UDP queries.
 *
 * <p>Every try carries a fresh ID and a fresh source port, so a reply always belongs to exactly one try and each
 * accepted reply is a valid sample: Karn's ambiguity does not arise.
 */
final class RttEstimator {
    private static final double ALPHA = 1.0 / 8;
    private static final double BETA = 1.0 / 4;
    private static final double K = 4;
    /** A reply later than twice the usual bound is rare enough that asking again is cheaper than waiting. */
    static final double SAFETY_FACTOR = 2.0;

    private double srttNanos;
    private double rttvarNanos;
    private long samples;

    synchronized void sample(Duration rtt) {
        double r = Math.max(0, rtt.toNanos());
        if (samples == 0) {
            srttNanos = r;
            rttvarNanos = r / 2;
        } else {
            rttvarNanos = (1 - BETA) * rttvarNanos + BETA * Math.abs(srttNanos - r);
            srttNanos = (1 - ALPHA) * srttNanos + ALPHA * r;
        }
        samples++;
    }

    synchronized long samples() {
        return samples;
    }

    synchronized Optional<Duration> smoothedRtt() {
        return samples == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(Math.round(srttNanos)));
    }

    /** (srtt + 4 rttvar) times the safety factor, unclamped; empty before the first sample. */
    synchronized Optional<Duration> estimate() {
        if (samples == 0) {
            return Optional.empty();
        }
        double rto = (srttNanos + K * rttvarNanos) * SAFETY_FACTOR;
        return Optional.of(Duration.ofNanos(Math.round(Math.min(rto, Long.MAX_VALUE / 2.0))));
    }
}
