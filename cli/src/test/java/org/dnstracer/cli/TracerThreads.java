package org.dnstracer.cli;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Watches the tracer's own threads (transport and look-ups; the lab's threads are the test's fixture, not the
 * tracer's) while a run goes on. Sampling can miss a short peak but never overcounts, so an assertion on
 * {@link #peak()} can only fail when the tracer really held that many threads.
 */
final class TracerThreads implements AutoCloseable {
    private final AtomicInteger peak = new AtomicInteger();

    private final AtomicBoolean done = new AtomicBoolean();
    private final Thread sampler;

    private TracerThreads() {
        sampler = new Thread(this::sample, "test-thread-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    static TracerThreads watch() {
        return new TracerThreads();
    }

    /** Threads of the transport still alive: none may outlive a run. */
    static long transportThreadsAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("dnstracer-net-"))
                .count();
    }

    int peak() {
        return peak.get();
    }

    private void sample() {
        while (!done.get()) {
            int n = (int) Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.isAlive() && t.getName().startsWith("dnstracer-")
                            && !t.getName().startsWith("dnstracer-lab-"))
                    .count();
            peak.accumulateAndGet(n, Math::max);
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        done.set(true);
        try {
            sampler.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
