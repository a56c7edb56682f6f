package org.dnstracer.spark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link ExecutorTracer} per executor JVM (per configuration), made on first use by the first task that needs
 * it and shared by every later task in the JVM: partitions traced on the same executor share the delegation cache,
 * the server health and the per-address rate buckets. Closed when the JVM ends.
 */
final class ExecutorTracers {
    private static final Map<TracerConfig, ExecutorTracer> TRACERS = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ExecutorTracers::closeAll, "dnstracer-spark-close"));
    }

    private ExecutorTracers() {}

    static ExecutorTracer get(TracerConfig config) {
        return TRACERS.computeIfAbsent(config, ExecutorTracer::start);
    }

    private static void closeAll() {
        TRACERS.values().forEach(ExecutorTracer::close);
        TRACERS.clear();
    }
}
