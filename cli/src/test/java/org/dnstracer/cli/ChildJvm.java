package org.dnstracer.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the command in a JVM of its own with a hard heap limit: a run that needed more heap would fail there
 * (OutOfMemoryError, exit 3), which no sampling of a shared test JVM could show as clearly.
 */
record ChildJvm(int status, String out) {
    private static final long WAIT_SECONDS = 120;

    static ChildJvm run(String maxHeap, String... args) throws IOException, InterruptedException {
        return runMain(maxHeap, "org.dnstracer.Main", args);
    }

    static ChildJvm runMain(String maxHeap, String mainClass, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + maxHeap);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the child JVM did not end within " + WAIT_SECONDS + " s");
        }
        return new ChildJvm(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
