package org.dnstracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The hostile.net scenarios of the built-in lab, traced through the command: each line says what the server did,
 * the run ends with its transport's threads gone, and the tracer never holds more than 32 threads.
 */
class HostileLabTraceTest {
    private static final int MAX_TRACER_THREADS = 32;

    private static CliRun lab(String... args) {
        String[] argv = new String[args.length + 1];
        argv[0] = "--lab";
        System.arraycopy(args, 0, argv, 1, args.length);
        CliRun run;
        try (TracerThreads threads = TracerThreads.watch()) {
            run = CliRun.of(argv);
            assertThat(threads.peak()).as("tracer threads at the busiest moment seen").isLessThanOrEqualTo(MAX_TRACER_THREADS);
        }
        assertThat(TracerThreads.transportThreadsAlive()).as("transport threads after the run").isZero();
        assertThat(run.err()).doesNotContain("Exception");
        return run;
    }

    @Test
    void garbageBeforeTheReplyIsIgnoredAndShownInTheVerboseDump() {
        CliRun run = lab("-v", "www.garbage.hostile.net");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("(127.53.66.10) Got authoritative answer \n")
                .contains(";; ignored unparseable reply of 16 octets");
    }

    @Test
    void repliesFromTheWrongAddressNeverArriveSoTheServerTimesOut() {
        CliRun run = lab("-r", "2", "-t", "0.3", "www.wrong-source.hostile.net");
        assertThat(run.status()).isEqualTo(1);
        // -r 2: one try with EDNS, the last without
        assertThat(run.out()).contains("(127.53.66.11) * * [timeout] \n");
    }

    @Test
    void aReplyToAnotherQuestionIsIgnoredAndTheRightOneUsed() {
        CliRun run = lab("-v", "www.wrong-question.hostile.net");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("(127.53.66.12) Got authoritative answer \n")
                .contains(";; ignored reply for question wrong-question.invalid. A IN, expected www.wrong-question.hostile.net. A IN");
    }

    @Test
    void aCompressionLoopIsAMalformedReply() {
        CliRun run = lab("-r", "2", "-t", "0.3", "www.compression-loop.hostile.net");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("(127.53.66.13) * * [malformed reply] \n");
    }

    @Test
    void aServerThatDropsEdnsIsAskedWithoutAndSaysSo() {
        CliRun run = lab("-t", "0.5", "www.drop-edns.hostile.net");
        assertThat(run.status()).isZero();
        // the default 3 tries: the query and its hedge with EDNS, unanswered, then the last without EDNS, answered
        assertThat(run.out()).contains("(127.53.66.14) * * Got authoritative answer [no reply to EDNS, answered without] \n");
        assertThat(lab("--json", "-t", "0.5", "www.drop-edns.hostile.net").out())
                .contains("\"ednsFallback\" : \"dropped\"");
    }

    @Test
    void aTruncatedReplyWhoseTcpIsRefusedIsKeptAndTheRefusalShown() {
        CliRun run = lab("www.tc-no-tcp.hostile.net");
        // the truncated reply holds no answer: that proves nothing, so it is the server's error, not a NODATA
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out())
                .contains("(127.53.66.15) * Error [truncated reply without an answer] "
                        + "[truncated, TCP failed: connection refused] \n")
                .doesNotContain("[unreachable]");
        assertThat(lab("--json", "www.tc-no-tcp.hostile.net").out())
                .contains("\"tcpFailure\" : \"connection refused\"");
    }

    @Test
    void truncationEvenOverTcpIsShown() {
        CliRun run = lab("www.tc-over-tcp.hostile.net");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out())
                .containsPattern("\\(127\\.53\\.66\\.16\\) [^\n]*\\[truncated, retried over TCP\\] \\[TC=1 over TCP\\] \n");
    }

    @Test
    void aSlowDripOverTcpEndsWithTheTryAndKeepsTheTruncatedReply() {
        CliRun run = lab("-t", "0.5", "www.slow-drip.hostile.net");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).containsPattern("\\(127\\.53\\.66\\.17\\) [^\n]*\\[truncated, TCP failed: timeout\\] \n");
    }

    @Test
    void aLyingLengthPrefixOverTcpEndsWithTheTryAndKeepsTheTruncatedReply() {
        CliRun run = lab("-t", "0.5", "www.lying-length.hostile.net");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).containsPattern("\\(127\\.53\\.66\\.18\\) [^\n]*\\[truncated, TCP failed: timeout\\] \n");
    }

    @Test
    void aReplyWithTheWrongIdFirstIsIgnored() {
        CliRun run = lab("www.wrong-id.hostile.net");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("(127.53.66.19) Got authoritative answer \n");
    }
}
