package org.dnstracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Hostile scenarios of the built-in lab traced end to end, with the tracer's threads and the heap watched while
 * it runs. Threads of the lab itself (same process here) are not the tracer's and are not counted.
 */
class HostileLabBoundsTest {
    private static final int MAX_TRACER_THREADS = 32;
    private static final long MAX_HEAP_BYTES = 256L * 1024 * 1024;

    /** What a run did, and the most tracer threads and heap seen while it ran. */
    private record Watched(CliRun run, int peakThreads, long peakHeap) {}

    private static Watched watch(String... args) throws InterruptedException {
        Set<Long> before = Thread.getAllStackTraces().keySet().stream().map(Thread::getId).collect(Collectors.toSet());
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger peakThreads = new AtomicInteger();
        AtomicLong peakHeap = new AtomicLong();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                int tracer = (int) Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> !before.contains(t.getId()) && !t.getName().startsWith("dnstracer-lab"))
                        .count();
                peakThreads.accumulateAndGet(tracer - 1, Math::max); // less the sampler itself
                peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bounds-sampler");
        sampler.start();
        CliRun run;
        try {
            run = CliRun.of(args);
        } finally {
            running.set(false);
            sampler.join();
        }
        return new Watched(run, peakThreads.get(), peakHeap.get());
    }

    @Test
    void aReferralToFifteenHundredGluelessNameServersInASilentZoneEndsWithinItsBounds() throws Exception {
        Watched w = watch("--lab", "-r", "1", "-t", "1", "www.crowd.com");
        assertThat(w.run().status()).isEqualTo(1);
        assertThat(w.run().out())
                .contains("|\\___ ns32.silent-host.net [crowd.com] (No IP address)\n")
                .contains("\\___ ns1500.silent-host.net [crowd.com] [not followed: more than 32 name servers] \n")
                .contains("Warning: referral to crowd.com names more than 32 name servers");
        assertThat(w.peakThreads()).isLessThanOrEqualTo(MAX_TRACER_THREADS);
        assertThat(w.peakHeap()).isLessThan(MAX_HEAP_BYTES);
    }

    @Test
    void theTimeLimitEndsARunNormallyAndSaysWhatIsUnfinished() throws Exception {
        // ns2.timeout.com never answers; with -t 30 and one second in all, its line cannot finish
        Watched w = watch("--lab", "-r", "3", "-t", "30", "--max-time", "1", "www.timeout.com");
        assertThat(w.run().status()).isZero();
        assertThat(w.run().out())
                .contains("ns2.timeout.com [timeout.com] (127.53.2.71) [not finished: time limit of 1 s reached] \n")
                .contains("Warning: time limit of 1 s reached (--max-time)");
        assertThat(w.peakThreads()).isLessThanOrEqualTo(MAX_TRACER_THREADS);
    }

    @Test
    void aNameServerThatIsACnameIsReachedThroughIt() throws Exception {
        CliRun run = CliRun.of("--lab", "www.ns-cname.com");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("|\\___ alias.ns-cname.com [ns-cname.com] (127.53.20.2) Got authoritative answer \n");
    }
}
