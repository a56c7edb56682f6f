package org.dnstracer.interop;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dnstracer.Main;
import org.dnstracer.cli.Cli;
import org.dnstracer.dnssec.CoreVerdicts;

/**
 * As {@link BatchTraces}, for runs with {@code -D}: each is saved ({@code --save}) and dnsjava's validator judges
 * the saved run too; OUT/N.core gets its verdict ({@link CoreVerdicts}) beside what the CLI wrote.
 */
public final class CoreBatchTraces {
    private CoreBatchTraces() {}

    public static void main(String[] args) throws IOException {
        Main.startupSettings();
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        Path out = Files.createDirectories(Path.of(args[1]));
        for (int i = 0; i < lines.size(); i++) {
            Path saved = out.resolve(i + ".saved.json");
            List<String> argv = new ArrayList<>(Arrays.asList(lines.get(i).split("\t")));
            argv.addAll(List.of("--save", saved.toString()));
            StringWriter stdout = new StringWriter();
            StringWriter stderr = new StringWriter();
            int exit = Cli.run(argv.toArray(String[]::new), new PrintWriter(stdout), new PrintWriter(stderr));
            Files.writeString(out.resolve(i + ".out"), stdout.toString());
            Files.writeString(out.resolve(i + ".err"), stderr.toString());
            Files.writeString(out.resolve(i + ".exit"), Integer.toString(exit));
            String core;
            try {
                core = CoreVerdicts.of(saved);
            } catch (Exception e) {
                core = "core failed: " + e;
            }
            Files.writeString(out.resolve(i + ".core"), core);
        }
        Main.end(0);
    }

    /** Runs {@code traces} inside {@code lab}'s namespace; for each, the CLI's result and the core's verdict. */
    static List<String[]> run(SignersLab lab, List<List<String>> traces, java.time.Duration limit)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(lab.run(), "corebatch");
        Path in = dir.resolve("in.txt");
        Files.write(in, traces.stream().map(t -> String.join("\t", t)).toList());
        Path outDir = dir.resolve("out");
        Command.Result r = lab.exec(limit, List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CoreBatchTraces.class.getName(), in.toString(),
                outDir.toString()));
        if (r.exit() != 0) {
            throw new IllegalStateException("batch of " + traces.size() + " traces failed: " + r.describe());
        }
        List<String[]> results = new ArrayList<>();
        for (int i = 0; i < traces.size(); i++) {
            results.add(new String[] {Files.readString(outDir.resolve(i + ".out")),
                    Files.readString(outDir.resolve(i + ".core"))});
        }
        return results;
    }
}
