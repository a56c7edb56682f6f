package org.dnstracer.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A standalone Spark cluster on loopback for a test, as spark/cluster.sh makes it: a master and workers, each a JVM
 * of its own started from Spark's jars (target/spark-jars.txt, also given to the workers as SPARK_DIST_CLASSPATH for
 * the executors they launch), everything bound to 127.0.0.1, web UIs on free ports. Every
 * process, and every process they started (the executors), is stopped by its handle in {@link #close()}.
 */
final class LocalCluster implements AutoCloseable {
    /** What Spark needs opened on Java 17 (the list of spark/pom.xml's argLine); executors get it from the driver. */
    static final List<String> OPENS = List.of(System.getProperty("spark.jvm.opens", "").split(" "));
    private static final Duration START = Duration.ofSeconds(150);

    private final Path dir;
    private final Path sparkHome;
    private final String classPath;
    private final List<Process> processes = new ArrayList<>();
    private String master;

    private LocalCluster(Path dir) throws IOException {
        this.dir = dir;
        this.sparkHome = dir.resolve("spark-home");
        // the launcher wants SPARK_HOME/jars to exist; the jars themselves come as SPARK_DIST_CLASSPATH, which a
        // worker adds to the class path of the executors it launches (as for Spark's "Hadoop free" builds)
        Files.createDirectories(sparkHome.resolve("jars"));
        this.classPath = String.join(":", sparkJars());
    }

    /** Spark's jars: the module's class path without the engine (target/spark-jars.txt, made by the build). */
    static List<String> sparkJars() throws IOException {
        Path file = Path.of(System.getProperty("spark.jars.file", "target/spark-jars.txt"));
        return List.of(Files.readString(file, StandardCharsets.UTF_8).strip().split(":"));
    }

    /** SPARK_HOME only, no daemon yet: for a driver in local mode. */
    static LocalCluster prepare(Path dir) throws IOException {
        return new LocalCluster(dir);
    }

    /** A master and {@code workers} workers of 1 core each, all registered; files under {@code dir}. */
    static LocalCluster start(Path dir, int workers) throws IOException, InterruptedException {
        LocalCluster cluster = new LocalCluster(dir);
        try {
            int port = freePort();
            cluster.master = "spark://127.0.0.1:" + port;
            cluster.daemon("master", List.of("org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                    "--port", Integer.toString(port), "--webui-port", "0"));
            for (int w = 1; w <= workers; w++) {
                cluster.daemon("worker-" + w, List.of("org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                        "--port", "0", "--webui-port", "0", "--cores", "1", "--memory", "1g",
                        "--work-dir", dir.resolve("worker-" + w).toString(), cluster.master));
            }
            for (int w = 1; w <= workers; w++) {
                cluster.await("worker-" + w, "Successfully registered with master");
            }
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            cluster.close();
            throw e;
        }
    }

    String master() {
        return master;
    }

    /** The work directory of worker {@code w} (from 1): its executors' stdout and stderr, per application. */
    Path workerDir(int w) {
        return dir.resolve("worker-" + w);
    }

    /** A JVM with Spark's jars on its class path and the environment of this cluster (loopback only). */
    ProcessBuilder java(List<String> jvmOptions, List<String> mainAndArguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(OPENS);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.addAll(mainAndArguments);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("SPARK_HOME", sparkHome.toString());
        pb.environment().put("SPARK_DIST_CLASSPATH", classPath);
        pb.environment().put("SPARK_SCALA_VERSION", "2.13"); // the launcher looks for a build directory without it
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1"); // never the machine's host name (no look-up)
        pb.environment().remove("SPARK_LOCAL_HOSTNAME");
        pb.environment().remove("SPARK_CONF_DIR");
        return pb;
    }

    /** A process of the test (the driver) that {@link #close()} stops too if it still runs. */
    Process run(ProcessBuilder pb) throws IOException {
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    Path log(String name) {
        return dir.resolve(name + ".log");
    }

    private void daemon(String name, List<String> mainAndArguments) throws IOException {
        ProcessBuilder pb = java(List.of("-Xmx256m"), mainAndArguments);
        pb.redirectErrorStream(true).redirectOutput(log(name).toFile());
        run(pb);
    }

    private void await(String name, String line) throws IOException, InterruptedException {
        long end = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < end) {
            if (Files.exists(log(name)) && Files.readString(log(name), StandardCharsets.UTF_8).contains(line)) {
                return;
            }
            if (processes.stream().anyMatch(p -> !p.isAlive())) {
                break;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(name + " did not log '" + line + "' within " + START.toSeconds() + " s: "
                + Files.readString(log(name), StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
            return s.getLocalPort();
        }
    }

    /** Stops every process (the executors, launched by the workers, first), each by its handle. */
    @Override
    public void close() {
        List<ProcessHandle> all = new ArrayList<>();
        for (Process p : processes) {
            p.descendants().forEach(all::add);
        }
        processes.forEach(p -> all.add(p.toHandle()));
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
                try {
                    h.onExit().get(10, TimeUnit.SECONDS);
                } catch (Exception again) {
                    throw new IllegalStateException("process " + h.pid() + " did not stop", again);
                }
            }
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
