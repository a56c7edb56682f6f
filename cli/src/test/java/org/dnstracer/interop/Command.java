package org.dnstracer.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs one external command with a hard time limit; output goes through files so no pipe can block it. */
final class Command {
    private Command() {}

    record Result(int exit, String stdout, String stderr, boolean timedOut) {
        String describe() {
            return "exit " + exit + (timedOut ? " (killed: time limit)" : "") + "\n--- stdout\n" + stdout
                    + "--- stderr\n" + stderr;
        }
    }

    static Result run(Duration limit, List<String> argv) throws IOException, InterruptedException {
        Path out = Files.createTempFile("interop-out", ".txt");
        Path err = Files.createTempFile("interop-err", ".txt");
        try {
            Process p = new ProcessBuilder(argv).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            boolean done = p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                // only this process and what it started: never anything found by name
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
            return new Result(done ? p.exitValue() : -1, Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8), !done);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
