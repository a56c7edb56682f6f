package org.dnstracer.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dnstracer.Main;

/**
 * The training run of the launcher's AOT cache (JDK 25) or class-data archive (JDK 17): traces as people run them,
 * from a server given by address with {@code --root-hints}, of the built-in lab served on loopback by another
 * process.
 *
 * <p>Why this shape: a class the cache misses is read from the jar, which opens the jar (a fifth of a short
 * trace's start-up), so the training must take the paths a trace takes; and every class the cache holds is
 * loaded at each start, so it must not take more: a lab in the training JVM, {@code --check}, {@code -D} or the
 * report formats made every trace start 10 to 25 ms later. {@code --lab} runs still work, only slower to start.
 */
public final class TrainingRun {
    private static final long SERVE_SECONDS = 120;

    private TrainingRun() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        Main.startupSettings();
        run(List.of("--version"));
        Process lab = serveLab();
        Path hints = Files.createTempFile("dnstracer-training", ".hints");
        try (BufferedReader table = new BufferedReader(
                new InputStreamReader(lab.getInputStream(), StandardCharsets.UTF_8))) {
            ServedLab served = ServedLab.read(table);
            Files.writeString(hints, served.rootHints());
            List<String> start = List.of("-s", served.rootAddress(), "-p", Integer.toString(served.port()),
                    "--root-hints", hints.toString(), "-t", "1");
            run(concat(start, "www.example.com"));
            run(concat(start, "-o", "-q", "MX", "example.com"));
            run(concat(start, "-q", "SOA", "."));
        } finally {
            lab.destroy();
            lab.waitFor(10, TimeUnit.SECONDS);
            Files.deleteIfExists(hints);
        }
        Main.end(0);
    }

    /** The built-in lab in a JVM of its own, so that none of its classes is recorded; it stops by itself. */
    private static Process serveLab() throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--lab-serve", "--lab-for", Long.toString(SERVE_SECONDS))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /** Runs one command, its output discarded; says on stderr when it did not end as a trace of the lab should. */
    private static void run(List<String> args) {
        PrintWriter discard = new PrintWriter(Writer.nullWriter());
        int status = Cli.run(args.toArray(String[]::new), discard, discard);
        if (status != Cli.OK) {
            System.err.println("dnstracer training: '" + String.join(" ", args) + "' exited " + status);
        }
    }

    private static List<String> concat(List<String> start, String... more) {
        List<String> all = new ArrayList<>(start);
        all.addAll(Arrays.asList(more));
        return all;
    }
}
