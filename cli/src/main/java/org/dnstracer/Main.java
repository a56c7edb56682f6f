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
        System.exit(Cli.run(args, out, err));
    }

    /**
     * Settings of the libraries that shorten every start; a user's own setting wins.
     *
     * <p>dnsjava logs through slf4j, and the tool bundles slf4j's no-operation provider. Named here, slf4j takes it
     * directly instead of searching every module and the jar for providers (a tenth of a short trace's start-up
     * on the main thread); its note that it did so is below the warning level.
     *
     * <p>picocli registers converters for {@code java.sql} and {@code java.time} types by reflection, one class
     * look-up each, on every start; the tool has no option of those types (its durations have their own
     * converters).
     */
    public static void startupSettings() {
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", "org.slf4j.nop.NOPServiceProvider");
            if (System.getProperty("slf4j.internal.verbosity") == null) {
                System.setProperty("slf4j.internal.verbosity", "WARN");
            }
        }
        if (System.getProperty("picocli.converters.excludes") == null) {
            System.setProperty("picocli.converters.excludes", "java\\.sql\\..*,java\\.time\\..*");
        }
    }
}
