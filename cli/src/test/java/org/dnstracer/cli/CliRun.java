package org.dnstracer.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.dnstracer.net.DnsTransport;

/** Runs the command in-process and keeps what it printed. */
record CliRun(int status, String out, String err) {
    /**
     * The shortest wait of any try in these tests (unless {@code -t} caps it lower). A loaded machine can hold a
     * loopback reply back for longer than the tool's own 50 ms floor, and then a line would get a {@code * } mark
     * for a try that only the machine lost; with this floor every {@code * } in the output is the lab's doing, so
     * the tests assert each line as printed.
     */
    static final Duration PATIENT = Duration.ofSeconds(2);

    static CliRun of(String... args) {
        // the resolv.conf path points nowhere: no test may ever reach the machine's resolver
        return withResolvConf(Path.of("/nonexistent/resolv.conf"), args);
    }

    /** With a resolv.conf of the test's own: it must list loopback addresses only. */
    static CliRun withResolvConf(Path resolvConf, String... args) {
        return ofCommand(patient(resolvConf), args);
    }

    /** Any picocli command object, run with the CLI's error conventions. */
    static CliRun ofCommand(Object command, String... args) {
        return run(command, Writer.nullWriter(), args);
    }

    /** Like {@link #of}, and also hands stdout to {@code live} as it is printed (for commands that keep running). */
    static CliRun teeing(Writer live, String... args) {
        return run(patient(Path.of("/nonexistent/resolv.conf")), live, args);
    }

    private static TraceCommand patient(Path resolvConf) {
        return new TraceCommand(resolvConf, options -> new DnsTransport(options.withInitialTimeout(PATIENT), PATIENT));
    }

    private static CliRun run(Object command, Writer live, String... args) {
        StringWriter text = new StringWriter();
        Writer out = new Writer() {
            @Override
            public void write(char[] buffer, int offset, int length) throws IOException {
                text.write(buffer, offset, length);
                live.write(buffer, offset, length);
            }

            @Override
            public void flush() throws IOException {
                live.flush();
            }

            @Override
            public void close() {
                // the command does not own the test's writers
            }
        };
        StringWriter err = new StringWriter();
        int status = Cli.run(command, args, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(status, text.toString(), err.toString());
    }

    /** Copies a lab directory from the test resources into a fresh directory. */
    static Path lab(Path target, String name) throws IOException {
        Files.createDirectories(target);
        for (String file : List.of("lab.conf", "root.zone", "com.zone", "example.com.zone")) {
            try (InputStream in = CliRun.class.getResourceAsStream("/labs/" + name + "/" + file)) {
                if (in != null) {
                    Files.copy(in, target.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target;
    }
}
