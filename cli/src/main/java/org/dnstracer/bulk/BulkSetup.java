package org.dnstracer.bulk;

import java.util.Objects;
import org.dnstracer.net.MultiplexedTransport;
import org.dnstracer.net.Transport;
import org.dnstracer.net.TransportOptions;

/**
 * A bulk run's machinery, built one way for the CLI's {@code --bulk} and for each executor of the Spark job, so that
 * a name gives the same line either way: the transport, the {@link BulkTracer} over it (caches, server health, rate
 * buckets) and the judging of each traced name.
 *
 * <p>The transport stays the caller's: close it after this.
 */
public final class BulkSetup implements AutoCloseable {
    private final BulkSettings settings;
    private final BulkTracer tracer;
    private final NameJudging judging;

    public BulkSetup(Transport transport, BulkSettings settings, NameJudging judging) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.judging = Objects.requireNonNull(judging, "judging");
        this.tracer = new BulkTracer(transport, settings);
    }

    /**
     * The transport of a bulk run: UDP queries multiplexed on one selector, so {@code inFlight} queries waiting at
     * once cost sockets, not threads.
     */
    public static Transport transport(TransportOptions options, int inFlight) {
        return new MultiplexedTransport(options, inFlight);
    }

    public BulkSettings settings() {
        return settings;
    }

    public BulkTracer tracer() {
        return tracer;
    }

    /** One traced name judged on the calling thread, its probes and DNSSEC queries paced as the trace's own. */
    public JudgedName judge(BulkResult result) {
        return judging.judge(result, tracer.transport(), settings);
    }

    @Override
    public void close() {
        tracer.close();
    }
}
