package org.dnstracer.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One NSD or Knot process on a loopback address and port of the host (no namespace: it only
 * listens on 127.54.200.x and sends nothing), serving zone files from a directory. Started
 * detached with a pid file, stopped by that pid on close or at JVM exit.
 */
final class RealServer implements AutoCloseable {
    private final Path dir;
    private final Path pidFile;
    private final Thread cleanup;

    private RealServer(Path dir) {
        this.dir = dir;
        this.pidFile = dir.resolve("server.pid");
        this.cleanup = new Thread(this::stop, "interop-real-server-stop");
    }

    static RealServer knot(String ip, int port, Path zones, List<String> zoneNames) throws Exception {
        RealServer s = new RealServer(Files.createTempDirectory("interop-knot"));
        StringBuilder conf = new StringBuilder()
                .append("server:\n    rundir: \"").append(s.dir).append("\"\n    pidfile: \"").append(s.pidFile)
                .append("\"\n    listen: ").append(ip).append('@').append(port)
                .append("\n    udp-workers: 1\n    tcp-workers: 1\n    background-workers: 1\n")
                .append("database:\n    storage: \"").append(s.dir).append("\"\n")
                .append("log:\n  - target: \"").append(s.dir.resolve("log")).append("\"\n    any: info\n")
                // never write the zone files back: they are the project's sources
                .append("template:\n  - id: default\n    storage: \"").append(zones)
                .append("\"\n    zonefile-sync: -1\n    journal-content: none\n    semantic-checks: off\nzone:\n");
        for (String z : zoneNames) {
            conf.append("  - domain: \"").append(z).append("\"\n    file: \"").append(z).append(".zone\"\n");
        }
        return s.start(conf.toString(), List.of("/usr/sbin/knotd", "-d", "-c"));
    }

    static RealServer nsd(String ip, int port, Path zones, List<String> zoneNames) throws Exception {
        RealServer s = new RealServer(Files.createTempDirectory("interop-nsd"));
        StringBuilder conf = new StringBuilder("server:\n")
                .append("    ip-address: ").append(ip).append('\n').append("    port: ").append(port).append('\n')
                .append("    username: \"\"\n    chroot: \"\"\n    database: \"\"\n    server-count: 1\n")
                .append("    zonesdir: \"").append(zones).append("\"\n")
                .append("    pidfile: \"").append(s.pidFile).append("\"\n")
                .append("    zonelistfile: \"").append(s.dir.resolve("zonelist")).append("\"\n")
                .append("    xfrdfile: \"").append(s.dir.resolve("xfrd")).append("\"\n")
                .append("    xfrdir: \"").append(s.dir).append("\"\n")
                .append("    logfile: \"").append(s.dir.resolve("log")).append("\"\n")
                .append("remote-control:\n    control-enable: no\n");
        for (String z : zoneNames) {
            conf.append("zone:\n    name: \"").append(z).append("\"\n    zonefile: \"").append(z).append(".zone\"\n");
        }
        return s.start(conf.toString(), List.of("/usr/sbin/nsd", "-c"));
    }

    private RealServer start(String conf, List<String> command) throws Exception {
        Path confFile = dir.resolve("server.conf");
        Files.writeString(confFile, conf);
        Runtime.getRuntime().addShutdownHook(cleanup);
        List<String> argv = new java.util.ArrayList<>(command);
        argv.add(confFile.toString());
        Command.Result r = Command.run(Duration.ofSeconds(20), argv);
        if (r.exit() != 0) {
            close();
            throw new IllegalStateException("could not start " + argv + ": " + r.describe());
        }
        return this;
    }

    String log() {
        try {
            return Files.readString(dir.resolve("log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private void stop() {
        try {
            for (int i = 0; i < 50 && !Files.exists(pidFile); i++) {
                Thread.sleep(100);
            }
            if (Files.exists(pidFile)) {
                long pid = Long.parseLong(Files.readString(pidFile).trim());
                ProcessHandle.of(pid).ifPresent(p -> {
                    p.destroy();
                    p.onExit().orTimeout(5, java.util.concurrent.TimeUnit.SECONDS).exceptionally(t -> {
                        p.destroyForcibly();
                        return p;
                    }).join();
                });
            }
            Command.run(Duration.ofSeconds(10), List.of("rm", "-rf", dir.toString()));
        } catch (IOException | InterruptedException | RuntimeException e) {
            System.err.println("interop: could not stop the server in " + dir + ": " + e);
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it stops the server again, which is harmless
        }
    }
}
