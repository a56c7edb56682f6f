package org.dnstracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Main ends the JVM itself: what it wrote and its status must still come out whole. */
class MainInItsOwnJvmTest {
    @Test
    void aTraceWritesAllItsOutputAndEndsWithItsStatus() throws Exception {
        String[] args = {"--lab", "-o", "www.example.com"};
        StringWriter expected = new StringWriter();
        int expectedStatus = Cli.run(args, new PrintWriter(expected), new PrintWriter(new StringWriter()));

        ChildJvm child = ChildJvm.run("256m", args);

        assertThat(expected.toString()).hasSizeGreaterThan(1000);
        // a slow first reply gets a hedged copy, whose unanswered query is a '* ' of its own (issue 22): how many
        // depends on the JVMs' timing, not on what this test checks (all output out, then the status)
        assertThat(withoutStars(child.out())).isEqualTo(withoutStars(expected.toString()));
        assertThat(child.status()).isEqualTo(expectedStatus).isZero();
    }

    private static String withoutStars(String out) {
        return out.replace("* ", "");
    }

    @Test
    void aUsageErrorIsOneLineAndStatusTwo() throws Exception {
        ChildJvm child = ChildJvm.run("64m", "--no-such-option", "www.example.com");

        assertThat(child.out()).isEqualTo("dnstracer: Unknown option: '--no-such-option'\n");
        assertThat(child.status()).isEqualTo(2);
    }
}
