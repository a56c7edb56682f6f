package org.dnstracer.spark;

import org.apache.spark.SparkConf;

/**
 * Politeness for the whole cluster: every executor JVM has its own tracer and rate buckets, so the job's rate per
 * server address is divided among the executor JVMs, and so is the burst (at least 1 each). The number of JVMs is
 * 1 in local mode, else {@code --executors}, else {@code spark.executor.instances}, else the bound of dynamic
 * allocation ({@code spark.dynamicAllocation.maxExecutors}); a cluster run where none is known is refused, as the
 * rate could not be kept.
 */
public final class ClusterRate {
    private ClusterRate() {}

    /** Why the rate cannot be divided. */
    public static final class UnknownExecutors extends Exception {
        private static final long serialVersionUID = 1L;

        UnknownExecutors(String message) {
            super(message);
        }
    }

    /**
     * @param given {@code --executors}, or 0 when not given
     * @return how many executor JVMs trace at once, at most
     */
    public static int executors(SparkConf conf, int given) throws UnknownExecutors {
        String master = conf.get("spark.master", "local[*]");
        if (master.startsWith("local")) {
            return 1; // the driver's JVM runs every task
        }
        if (given > 0) {
            return given;
        }
        if (conf.contains("spark.executor.instances")) {
            return positive(conf.getInt("spark.executor.instances", 0), "spark.executor.instances");
        }
        if (conf.getBoolean("spark.dynamicAllocation.enabled", false)) {
            int max = conf.getInt("spark.dynamicAllocation.maxExecutors", Integer.MAX_VALUE);
            if (max == Integer.MAX_VALUE) {
                throw new UnknownExecutors("with dynamic allocation, set spark.dynamicAllocation.maxExecutors (or give "
                        + "--executors N): the rate per server is divided among the executors");
            }
            return positive(max, "spark.dynamicAllocation.maxExecutors");
        }
        throw new UnknownExecutors("give --executors N (or --num-executors / spark.executor.instances): the rate per "
                + "server is divided among the executors, so their number must be known");
    }

    /** The rate of one JVM: the job's rate divided by the executors (0, no limit, stays 0). */
    public static double perExecutor(double rate, int executors) {
        return rate / executors;
    }

    /** The burst of one JVM: the job's burst divided by the executors, at least 1. */
    public static int burstPerExecutor(int burst, int executors) {
        return Math.max(1, burst / executors);
    }

    private static int positive(int n, String key) throws UnknownExecutors {
        if (n < 1) {
            throw new UnknownExecutors(key + " must be at least 1, not " + n);
        }
        return n;
    }
}
