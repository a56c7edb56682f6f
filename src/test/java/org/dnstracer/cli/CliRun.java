package org.dnstracer.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** Runs the command in-process and keeps what it printed. */
record CliRun(int status, String out, String err) {
    static CliRun of(String... args) {
        // the resolv.conf path points nowhere: no test may ever reach the machine's resolver
        return withResolvConf(Path.of("/nonexistent/resolv.conf"), args);
    }

    /** With a resolv.conf of the test's own: it must list loopback addresses only. */
    static CliRun withResolvConf(Path resolvConf, String... args) {
        return ofCommand(new TraceCommand(resolvConf), args);
    }

    /** Any picocli command object, run with the CLI's error conventions. */
    static CliRun ofCommand(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Cli.run(command, args, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(status, out.toString(), err.toString());
    }

    /**
     * The output with the {@code * } marks of tries that failed before a later try succeeded removed: on a loaded
     * machine a loopback reply can miss a short adaptive timeout, and what a test checks is the outcome.
     */
    String stableOut() {
        return out.replaceAll("\\) (\\* )++(?!\\[timeout\\]|\\[unreachable\\])", ") ");
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
