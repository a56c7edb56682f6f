package org.dnstracer.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The interop lab of interop/lab-up.sh: a private network namespace (loopback only, its own
 * resolv.conf) with BIND, NSD and Knot serving interop/zones. Closing it, or the JVM exiting,
 * runs interop/lab-down.sh, which stops the lab's processes by pid and deletes the namespace.
 */
final class InteropLab implements AutoCloseable {
    static final Path DIR = Path.of(System.getProperty("user.dir"), "..", "interop").toAbsolutePath().normalize();
    /** Every program the lab or a test runs, with the Debian package that has it. */
    private static final Map<String, String> TOOLS = tools();

    private final String namespace;
    private final Path runDir;
    private final Thread cleanup;

    private InteropLab(String namespace, Path runDir) {
        this.namespace = namespace;
        this.runDir = runDir;
        this.cleanup = new Thread(this::tearDown, "interop-lab-down");
    }

    /** Why the lab cannot run here, or empty when it can: root, ip netns, the Debian packages. */
    static Optional<String> missingRequirement() {
        try {
            String uid = Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("Uid:")).findFirst().orElse("Uid: -1").split("\\s+")[1];
            if (!uid.equals("0")) {
                return Optional.of("interop suite needs root (uid " + uid + ")");
            }
            for (Map.Entry<String, String> tool : TOOLS.entrySet()) {
                if (!Files.isExecutable(Path.of(tool.getKey()))) {
                    return Optional.of("interop suite needs " + tool.getKey() + " (Debian package " + tool.getValue()
                            + "; all of them: " + String.join(" ", new java.util.TreeSet<>(TOOLS.values())) + ")");
                }
            }
            if (!Files.isExecutable(Path.of("/usr/bin/python3"))) {
                return Optional.of("interop suite needs /usr/bin/python3 (python3-minimal) for its silent server");
            }
            // listing works without privileges; only creating one proves namespaces are usable here
            String probe = "dti-probe" + ProcessHandle.current().pid();
            Command.Result ip = Command.run(Duration.ofSeconds(10), List.of("ip", "netns", "add", probe));
            Command.run(Duration.ofSeconds(10), List.of("ip", "netns", "del", probe));
            if (ip.exit() != 0) {
                return Optional.of("interop suite needs 'ip netns add' (iproute2, CAP_SYS_ADMIN): " + ip.stderr().strip());
            }
            if (!Files.isDirectory(DIR.resolve("zones"))) {
                return Optional.of("interop suite needs " + DIR + " (run from the project directory)");
            }
            return Optional.empty();
        } catch (IOException | InterruptedException | RuntimeException e) {
            return Optional.of("interop suite cannot check its requirements: " + e);
        }
    }

    private static Map<String, String> tools() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("/usr/sbin/named", "bind9");
        t.put("/usr/sbin/nsd", "nsd");
        t.put("/usr/sbin/knotd", "knot");
        t.put("/usr/bin/dig", "bind9-dnsutils");
        t.put("/usr/bin/dnstracer", "dnstracer");
        // lab-up.sh signs the DNSSEC zones (interop/sign-zones.sh); DnssecPeersInteropTest asks delv and drill
        t.put("/usr/bin/dnssec-keygen", "bind9-utils");
        t.put("/usr/bin/dnssec-signzone", "bind9-utils");
        t.put("/usr/bin/dnssec-dsfromkey", "bind9-utils");
        t.put("/usr/bin/delv", "bind9-dnsutils");
        t.put("/usr/bin/drill", "ldnsutils");
        return t;
    }

    /** What interop/sign-zones.sh made: signed zones, the root's trust anchor (root.key, root.delv). */
    Path signedDir() {
        return runDir.resolve("signed");
    }

    static InteropLab start() throws IOException, InterruptedException {
        String ns = "dti" + ProcessHandle.current().pid();
        Path run = Files.createTempDirectory("interop-lab");
        InteropLab lab = new InteropLab(ns, run);
        Runtime.getRuntime().addShutdownHook(lab.cleanup);
        Command.Result up = Command.run(Duration.ofSeconds(90),
                List.of("bash", DIR.resolve("lab-up.sh").toString(), ns, run.toString()));
        if (up.exit() != 0) {
            String logs = lab.logs();
            lab.close();
            throw new IllegalStateException("interop lab did not start: " + up.describe() + logs);
        }
        return lab;
    }

    /** Runs a command inside the namespace, killed after {@code limit}. */
    Command.Result exec(Duration limit, List<String> argv) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(argv);
        return Command.run(limit, full);
    }

    /**
     * Starts a long-running command inside the namespace (a server for the peers to ask), its output in the run
     * directory as NAME.out and NAME.err; the caller ends it by its handle before the lab closes.
     */
    Process startInside(String name, List<String> argv) throws IOException {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(argv);
        return new ProcessBuilder(full).redirectOutput(runDir.resolve(name + ".out").toFile())
                .redirectError(runDir.resolve(name + ".err").toFile()).start();
    }

    private String logs() {
        StringBuilder sb = new StringBuilder();
        try (var files = Files.list(runDir)) {
            for (Path log : files.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
                List<String> lines = Files.readAllLines(log);
                sb.append("\n--- ").append(log.getFileName()).append('\n')
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())));
            }
        } catch (IOException e) {
            sb.append("\n(no logs: ").append(e).append(')');
        }
        return sb.toString();
    }

    private void tearDown() {
        try {
            Command.run(Duration.ofSeconds(30),
                    List.of("bash", DIR.resolve("lab-down.sh").toString(), namespace, runDir.toString()));
            Command.run(Duration.ofSeconds(10), List.of("rm", "-rf", runDir.toString()));
        } catch (IOException | InterruptedException e) {
            System.err.println("interop: could not tear the lab down (" + namespace + "): " + e);
        }
    }

    @Override
    public void close() {
        tearDown();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it tears down again, which is harmless
        }
    }
}
