package org.dnstracer.dist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One finished program: its exit status and what it printed (standard error apart). */
record Run(int status, String out, String err) {
    private static final long LIMIT_SECONDS = 120;

    /** Runs {@code command} with exactly {@code environment} (nothing inherited), bounded in time. */
    static Run of(Map<String, String> environment, List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("dist-run", ".out");
        Path err = Files.createTempFile("dist-run", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(command + " ran longer than " + LIMIT_SECONDS + " s");
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Runs {@code command} with PATH=/usr/bin:/bin and nothing else in the environment. */
    static Run of(String... command) throws IOException, InterruptedException {
        return of(Map.of("PATH", "/usr/bin:/bin"), List.of(command));
    }

    /** The output's lines without their trailing blanks (the tree's lines end in one). */
    List<String> lines() {
        return out.lines().map(String::stripTrailing).toList();
    }

    @Override
    public String toString() {
        return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
