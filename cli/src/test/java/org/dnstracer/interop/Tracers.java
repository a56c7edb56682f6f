package org.dnstracer.interop;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** How the two tracers are started inside the lab's namespace. */
final class Tracers {
    /** Far above what any scenario needs (the silent one takes a few seconds). */
    static final Duration LIMIT = Duration.ofSeconds(60);
    static final Path ROOT_HINTS = InteropLab.DIR.resolve("roots.hints");

    private Tracers() {}

    static Command.Result classic(InteropLab lab, List<String> args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("/usr/bin/dnstracer"));
        argv.addAll(args);
        return lab.exec(LIMIT, argv);
    }

    /** Our CLI from this JVM's class path; --root-hints so it never falls back on the real roots. */
    static Command.Result ours(InteropLab lab, List<String> args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.dnstracer.Main",
                "--root-hints", ROOT_HINTS.toString()));
        argv.addAll(args);
        return lab.exec(LIMIT, argv);
    }
}
