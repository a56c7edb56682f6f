package org.dnstracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The engine-bound scenarios of the built-in lab traced end to end, with the tracer's threads and the heap
 * watched while it runs.
 */
class HostileLabBoundsTest {
    private static final int MAX_TRACER_THREADS = 32;

    @Test
    void aReferralToFifteenHundredGluelessNameServersInASilentZoneEndsWithinItsBounds() {
        CliRun run;
        try (TracerThreads watched = TracerThreads.watch()) {
            run = CliRun.of("--lab", "-r", "1", "-t", "1", "www.crowd.org");
            assertThat(watched.peak()).isLessThanOrEqualTo(MAX_TRACER_THREADS);
        }
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out())
                .contains("|\\___ ns32.silent-host.net [crowd.org] (No IP address)\n")
                .contains("\\___ ns1500.silent-host.net [crowd.org] [not followed: more than 32 name servers] \n")
                .contains("Warning: referral to crowd.org names more than 32 name servers");
        assertThat(TracerThreads.transportThreadsAlive()).isZero();
    }

    @Test
    void theSameRunNeedsNoMoreThan256MegabytesOfHeap() throws Exception {
        ChildJvm child = ChildJvm.run("256m", "--lab", "-r", "1", "-t", "1", "www.crowd.org");
        assertThat(child.status()).as(child.out()).isEqualTo(1);
        assertThat(child.out()).contains("\\___ ns1500.silent-host.net [crowd.org] [not followed: more than 32 name servers] \n");
    }

    @Test
    void theTimeLimitEndsARunNormallyAndSaysWhatIsUnfinished() {
        CliRun run;
        try (TracerThreads watched = TracerThreads.watch()) {
            // ns2.timeout.com never answers; with -t 30 and one second in all, its line cannot finish
            run = CliRun.of("--lab", "-r", "3", "-t", "30", "--max-time", "1", "www.timeout.com");
            assertThat(watched.peak()).isLessThanOrEqualTo(MAX_TRACER_THREADS);
        }
        assertThat(run.status()).isZero();
        assertThat(run.out())
                .contains("ns2.timeout.com [timeout.com] (127.53.2.71) [not finished: time limit of 1 s reached] \n")
                .contains("Warning: time limit of 1 s reached (--max-time)");
    }

    @Test
    void aNameServerThatIsACnameIsReachedThroughIt() {
        CliRun run = CliRun.of("--lab", "www.ns-cname.com");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("|\\___ alias.ns-cname.com [ns-cname.com] (127.53.20.2) Got authoritative answer \n");
    }
}
