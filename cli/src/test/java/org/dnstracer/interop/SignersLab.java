package org.dnstracer.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The real-signers lab of interop/signers/signers-up.sh: the zones a test wrote into {@code in/} signed by BIND's
 * dnssec-signzone, ldns-signzone and Knot's kzonesign, under a root and a TLD {@code sig.} that BIND signs, served by
 * real BIND, NSD and Knot in a private network namespace with a non-validating recursive BIND for delv. Closing it,
 * or the JVM exiting, runs interop/lab-down.sh (stops the lab's processes by pid, deletes the namespace).
 */
final class SignersLab implements AutoCloseable {
    static final Path SCRIPT = InteropLab.DIR.resolve("signers").resolve("signers-up.sh");
    /** The programs only this lab needs beyond InteropLab's, with their Debian packages. */
    static final List<String[]> TOOLS = List.of(new String[] {"/usr/bin/ldns-signzone", "ldnsutils"},
            new String[] {"/usr/bin/ldns-keygen", "ldnsutils"}, new String[] {"/usr/bin/kzonesign", "knot-dnssecutils"},
            new String[] {"/usr/bin/dnssec-revoke", "bind9-utils"});

    private final String namespace;
    private final Path run;
    private final Thread cleanup;

    private SignersLab(String namespace, Path run) {
        this.namespace = namespace;
        this.run = run;
        this.cleanup = new Thread(this::tearDown, "signers-lab-down");
    }

    /** Why this lab cannot run here (root, ip netns, the Debian packages), or empty. */
    static java.util.Optional<String> missingRequirement() {
        java.util.Optional<String> lab = InteropLab.missingRequirement();
        if (lab.isPresent()) {
            return lab;
        }
        return TOOLS.stream().filter(t -> !Files.isExecutable(Path.of(t[0]))).findFirst()
                .map(t -> "the real-signers lab needs " + t[0] + " (Debian package " + t[1] + ")");
    }

    /** A fresh run directory whose {@code in/} the caller fills (zones.list and the zone files) before start. */
    static Path newRunDir() throws IOException {
        Path run = Files.createTempDirectory("interop-signers");
        Files.createDirectories(run.resolve("in"));
        return run;
    }

    static SignersLab start(String tag, Path run) throws IOException, InterruptedException {
        String ns = "dts" + tag + ProcessHandle.current().pid();
        SignersLab lab = new SignersLab(ns, run);
        Runtime.getRuntime().addShutdownHook(lab.cleanup);
        Command.Result up = Command.run(Duration.ofSeconds(120), List.of("bash", SCRIPT.toString(), ns, run.toString()));
        if (up.exit() != 0) {
            String logs = lab.logs();
            lab.close();
            throw new IllegalStateException("signers lab did not start: " + up.describe() + logs);
        }
        return lab;
    }

    Path run() {
        return run;
    }

    /** The root's DNSKEY (zone-file format) for our --trust-anchor. */
    Path anchor() {
        return run.resolve("root.key");
    }

    /** The same key as a trust-anchors clause for delv -a. */
    Path delvAnchor() {
        return run.resolve("root.delv");
    }

    Path rootHints() {
        return run.resolve("roots.hints");
    }

    /** Runs a command inside the namespace, killed after {@code limit}. */
    Command.Result exec(Duration limit, List<String> argv) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(argv);
        return Command.run(limit, full);
    }

    private String logs() {
        StringBuilder sb = new StringBuilder();
        for (String name : List.of("named.log", "nsd.log", "knot.log")) {
            try {
                List<String> lines = Files.readAllLines(run.resolve(name));
                sb.append("\n--- ").append(name).append('\n')
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())));
            } catch (IOException e) {
                sb.append("\n(no ").append(name).append(')');
            }
        }
        return sb.toString();
    }

    private void tearDown() {
        try {
            Command.run(Duration.ofSeconds(30),
                    List.of("bash", InteropLab.DIR.resolve("lab-down.sh").toString(), namespace, run.toString()));
            Command.run(Duration.ofSeconds(10), List.of("rm", "-rf", run.toString()));
        } catch (IOException | InterruptedException e) {
            System.err.println("interop: could not tear the signers lab down (" + namespace + "): " + e);
        }
    }

    @Override
    public void close() {
        tearDown();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it tears down again, which is harmless
        }
    }
}
