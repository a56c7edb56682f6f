package org.dnstracer.interop;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dnstracer.Main;
import org.dnstracer.cli.Cli;

/**
 * Runs many traces of our CLI in one JVM, for tests whose servers live in a network namespace the test JVM cannot
 * enter: started once inside it ({@code ip netns exec ... java BatchTraces IN OUT}) instead of one JVM per question,
 * which would cost about a second each. IN holds one trace a line, its arguments separated by tabs; for line N
 * (from 0) OUT/N.out, OUT/N.err and OUT/N.exit get what {@link Cli#run} wrote and returned, exactly as the command
 * would have.
 */
public final class BatchTraces {
    private BatchTraces() {}

    public static void main(String[] args) throws IOException {
        Main.startupSettings();
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        Path out = Files.createDirectories(Path.of(args[1]));
        for (int i = 0; i < lines.size(); i++) {
            StringWriter stdout = new StringWriter();
            StringWriter stderr = new StringWriter();
            int exit = Cli.run(lines.get(i).split("\t"), new PrintWriter(stdout), new PrintWriter(stderr));
            Files.writeString(out.resolve(i + ".out"), stdout.toString());
            Files.writeString(out.resolve(i + ".err"), stderr.toString());
            Files.writeString(out.resolve(i + ".exit"), Integer.toString(exit));
        }
        Main.end(0);
    }

    /** Runs {@code traces} (argument lists) inside {@code lab}'s namespace; their results in the same order. */
    static List<Command.Result> run(SignersLab lab, List<List<String>> traces, java.time.Duration limit)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(lab.run(), "batch");
        Path in = dir.resolve("in.txt");
        Files.write(in, traces.stream().map(t -> String.join("\t", t)).toList());
        Path outDir = dir.resolve("out");
        Command.Result r = lab.exec(limit, List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), BatchTraces.class.getName(), in.toString(),
                outDir.toString()));
        if (r.exit() != 0) {
            throw new IllegalStateException("batch of " + traces.size() + " traces failed: " + r.describe());
        }
        List<Command.Result> results = new java.util.ArrayList<>();
        for (int i = 0; i < traces.size(); i++) {
            results.add(new Command.Result(Integer.parseInt(Files.readString(outDir.resolve(i + ".exit")).strip()),
                    Files.readString(outDir.resolve(i + ".out")), Files.readString(outDir.resolve(i + ".err")), false));
        }
        return results;
    }
}
