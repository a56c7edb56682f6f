package org.dnstracer;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.dnstracer.cli.Cli;

/** Entry point of the dnstracer command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        startupSettings();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), false);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        end(Cli.run(args, out, err));
    }

    /** Ends the JVM with this status ({@code Cli.run} has flushed its writers). */
    public static void end(int status) {
        System.out.flush();
        System.err.flush();
        System.exit(status);
    }

    /**
     * Settings of the libraries that shorten every start (each saved at least 5 ms of a whole trace in an A/B,
     * bench/RESULTS.md); a user's own setting wins.
     *
     * <p>picocli registers converters for {@code java.sql} and {@code java.time} types by reflection, one class
     * look-up each, on every start; the tool has no option of those types (its durations have their own
     * converters).
     */
    public static void startupSettings() {
        if (System.getProperty("picocli.converters.excludes") == null) {
            System.setProperty("picocli.converters.excludes", "java\\.sql\\..*,java\\.time\\..*");
        }
    }
}
