package org.dnstracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/** The error conventions of {@link Cli}: one line on stderr, never a stack trace, status 3 for what is not the user's. */
class CliTest {
    @Command(name = "throws")
    static final class Throws implements Callable<Integer> {
        private final Throwable thrown;

        Throws(Throwable thrown) {
            this.thrown = thrown;
        }

        @Override
        public Integer call() throws Exception {
            if (thrown instanceof Exception e) {
                throw e;
            }
            throw (Error) thrown;
        }
    }

    private static CliRun running(Throwable thrown) {
        return CliRun.ofCommand(new Throws(thrown));
    }

    @Test
    void anIoErrorIsItsMessageAndStatusThree() {
        CliRun run = running(new IOException("cannot bind 127.53.0.1:5353: Address already in use"));
        assertThat(run.err()).isEqualTo("dnstracer: cannot bind 127.53.0.1:5353: Address already in use\n");
        assertThat(run.status()).isEqualTo(3);
    }

    @Test
    void aFileErrorSaysWhyAndNotOnlyWhichFile() {
        // NoSuchFileException's message is the path alone: "dnstracer: /nope/x" said nothing of what went wrong
        CliRun run = running(new java.nio.file.NoSuchFileException("/nope/x"));
        assertThat(run.err()).isEqualTo("dnstracer: cannot use /nope/x: no such file or directory\n");
        assertThat(run.status()).isEqualTo(3);
        assertThat(running(new java.nio.file.AccessDeniedException("/root/x")).err())
                .isEqualTo("dnstracer: cannot use /root/x: permission denied\n");
    }

    @Test
    void anUncheckedIoErrorIsAnIoErrorToo() {
        CliRun run = running(new UncheckedIOException(new IOException("disk full")));
        assertThat(run.err()).isEqualTo("dnstracer: disk full\n");
        assertThat(run.status()).isEqualTo(3);
    }

    @Test
    void aBugIsOneInternalErrorLineAndStatusThree() {
        CliRun run = running(new IllegalStateException("no\nsuch state"));
        assertThat(run.err()).isEqualTo("dnstracer: internal error: java.lang.IllegalStateException: no; such state\n");
        assertThat(run.status()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anExceptionWithoutMessageIsNamedByItsType() {
        CliRun run = running(new NullPointerException());
        assertThat(run.err()).isEqualTo("dnstracer: internal error: java.lang.NullPointerException\n");
        assertThat(run.status()).isEqualTo(3);
    }

    @Test
    void anErrorOfTheVirtualMachineIsAnInternalErrorToo() {
        CliRun run = running(new StackOverflowError());
        assertThat(run.err()).isEqualTo("dnstracer: internal error: java.lang.StackOverflowError\n");
        assertThat(run.status()).isEqualTo(3);
    }

    @Test
    void aWrapperWithoutMessageNamesItsCause() {
        CliRun run = running(new ExceptionInInitializerError(new IllegalStateException("data file missing")));
        assertThat(run.err()).isEqualTo("dnstracer: internal error: java.lang.ExceptionInInitializerError "
                + "(java.lang.IllegalStateException: data file missing)\n");
        assertThat(run.status()).isEqualTo(3);
    }

    @Test
    void aUsageExceptionIsStatusTwo() {
        CliRun run = running(new UsageException("no host to trace given (try --help)"));
        assertThat(run.err()).isEqualTo("dnstracer: no host to trace given (try --help)\n");
        assertThat(run.status()).isEqualTo(2);
    }
}
