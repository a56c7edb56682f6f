package org.dnstracer.net;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The median of the run's last few round trips, whichever servers they came from: what a server never heard from
 * will most likely take. A median, not a smoothed mean, because the first replies of a run are the slowest (both
 * ends still loading and compiling code) and a mean would carry them for dozens of samples.
 */
final class RecentRoundTrips {
    static final int KEPT = 9;

    private final long[] nanos = new long[KEPT];
    private int count;
    private int next;

    synchronized void sample(Duration rtt) {
        nanos[next] = Math.max(0, rtt.toNanos());
        next = (next + 1) % KEPT;
        count = Math.min(count + 1, KEPT);
    }

    /** Empty before the first sample. */
    synchronized Optional<Duration> median() {
        if (count == 0) {
            return Optional.empty();
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return Optional.of(Duration.ofNanos(sorted[count / 2]));
    }
}
