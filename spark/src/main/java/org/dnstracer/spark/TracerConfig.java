package org.dnstracer.spark;

import java.io.Serializable;
import java.time.Duration;

/**
 * What every executor JVM needs to build its tracer, sent from the driver with the tasks. Equal configurations share
 * one tracer in a JVM ({@link ExecutorTracers}), so two jobs of one session with the same settings share its caches.
 *
 * @param lab trace in a lab started in each executor JVM: "" for the built-in lab, a directory for a lab file, or
 *     null for real servers (every executor JVM starts its own copy on the same loopback addresses, each on a port
 *     of its own; see {@link LabUnavailable})
 * @param rootHints the root hints text (named.root format), read on the driver; null for the built-in ones (or the
 *     lab's own)
 * @param port destination port of every query; 0 for the lab's port
 * @param ratePerJvm queries a second to one server address from this JVM: the job's rate divided among the
 *     executors ({@link ClusterRate})
 * @param burstPerJvm queries to one address that may leave this JVM at once after a quiet spell
 * @param parallel names traced at once in one JVM, all its tasks together
 * @param inFlight queries waiting for a reply at once in one JVM
 * @param timeoutMillis the longest wait for one reply
 * @param tries tries per server
 * @param maxTimeSeconds the time limit of one name's trace
 * @param defaultType the query type of an input line without one
 */
public record TracerConfig(String lab, String rootHints, int port, double ratePerJvm, int burstPerJvm, int parallel,
        int inFlight, long timeoutMillis, int tries, int maxTimeSeconds, int defaultType) implements Serializable {
    private static final long serialVersionUID = 1L;

    public Duration timeout() {
        return Duration.ofMillis(timeoutMillis);
    }
}
