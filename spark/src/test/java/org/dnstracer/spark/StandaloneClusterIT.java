package org.dnstracer.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.dnstracer.cli.Cli;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job as a user runs it on a cluster: a standalone master and two workers on loopback ({@link LocalCluster}),
 * the job jar (target/dnstracer-spark.jar, hence run by failsafe after the package phase) submitted with
 * {@code spark-submit}'s own class in client mode, each executor a JVM launched by its worker and starting its own
 * lab; then every row compared with what {@code dnstracer --bulk} writes for the same input. No root needed; the
 * lab-less executor needs a network namespace (unshare, ip).
 */
@Tag("interop")
class StandaloneClusterIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path JOB_JAR = Path.of(System.getProperty("job.jar", "target/dnstracer-spark.jar"));
    /** The zones of the names: healthy ones and every kind of broken server of the built-in lab. */
    private static final List<String> ZONES = List.of("example.com", "example.org", "wide.net", "glueless.com",
            "deep.org", "e.d.c.b.a.deep.org", "cname-chain.com", "disagree.com", "partly-lame.com", "lame.com",
            "servfail.com", "faults.org", "ns-mismatch.faults.org", "stale.faults.org", "dns-host.net",
            "timeout.com", "missing-glue.faults.org");

    @TempDir
    Path dir;

    /** 12 names in each zone (www and h1 to h11), zone after zone: 204 lines over 4 partitions. */
    private Path names() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            for (String zone : ZONES) {
                lines.add((i % 3 == 0 ? "www" : "h" + i) + "." + zone);
            }
        }
        return Files.write(dir.resolve("names.txt"), lines, StandardCharsets.UTF_8);
    }

    @Test
    void spark_submitToAStandaloneMasterWithTwoWorkersGivesEveryNameItsBulkLine() throws Exception {
        Path names = names();
        Path out = dir.resolve("out");
        Path events = Files.createDirectories(dir.resolve("events"));
        try (LocalCluster cluster = LocalCluster.start(dir.resolve("cluster"), 2)) {
            ProcessBuilder submit = cluster.java(List.of("-Xmx512m"), List.of("org.apache.spark.deploy.SparkSubmit",
                    "--master", cluster.master(), "--deploy-mode", "client", "--class", SparkJob.class.getName(),
                    "--total-executor-cores", "2", "--executor-cores", "1", "--executor-memory", "512m",
                    "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1",
                    "--conf", "spark.ui.enabled=false",
                    // the job starts once both executors are there, so that both get tasks
                    "--conf", "spark.scheduler.minRegisteredResourcesRatio=1.0",
                    "--conf", "spark.scheduler.maxRegisteredResourcesWaitingTime=120s",
                    // one plain JSON file of events: which executor ran which task
                    "--conf", "spark.eventLog.enabled=true", "--conf", "spark.eventLog.dir=" + events.toUri(),
                    "--conf", "spark.eventLog.rolling.enabled=false", "--conf", "spark.eventLog.compress=false",
                    JOB_JAR.toAbsolutePath().toString(),
                    "--executors", "2", "--lab", "-t", "1", "--rate", "0", "--partitions", "4",
                    "--input", names.toString(), "--out", out.toString()));
            submit.redirectErrorStream(true).redirectOutput(dir.resolve("driver.log").toFile());
            Process driver = cluster.run(submit);
            boolean ended = driver.waitFor(240, TimeUnit.SECONDS);
            String log = LocalCluster.read(dir.resolve("driver.log"));
            assertThat(ended).as("the job ended within 240 s: %s", log).isTrue();
            assertThat(driver.exitValue()).as("the job's exit status: %s", log).isZero();
            assertThat(log).contains("dnstracer-spark: 204 names in ");

            for (int w = 1; w <= 2; w++) {
                assertThat(executorLogs(cluster.workerDir(w))).as("worker %d launched an executor JVM that ran tasks", w)
                        .anySatisfy(s -> assertThat(s).contains("Running task"));
            }
            assertThat(executorsOfTasks(events)).as("executors that ran tasks").hasSize(2);
        }

        Map<Long, String> job = byLine(resultLines(out.resolve(JobSpec.RESULTS)));
        Map<Long, String> bulk = byLine(bulk(names));
        assertThat(job.keySet()).as("one row per input line").isEqualTo(bulk.keySet()).hasSize(204);
        List<String> differ = new ArrayList<>();
        for (Map.Entry<Long, String> e : bulk.entrySet()) {
            if (!job.get(e.getKey()).equals(e.getValue())) {
                differ.add("line " + e.getKey() + "\n  --bulk: " + e.getValue() + "\n  job:    " + job.get(e.getKey()));
            }
        }
        assertThat(differ).as("rows unlike --bulk's line").isEmpty();
    }

    @Test
    void anExecutorThatCannotBindTheLabsAddressesFailsTheJobWithOneClearLine() throws Exception {
        Skip.unless(namespaceMissing());
        Path names = Files.writeString(dir.resolve("names.txt"), "www.example.com\n");
        try (LocalCluster cluster = LocalCluster.prepare(dir.resolve("cluster"))) {
            // a network namespace whose loopback has 127.0.0.1 only, as on macOS: the driver's (and in local mode
            // the executor's) 127.0.0.1 binds, the lab's 127.53.0.1 cannot
            List<String> submit = new ArrayList<>(List.of("unshare", "-rn", "sh", "-c",
                    "ip link set lo up && ip addr del 127.0.0.1/8 dev lo && ip addr add 127.0.0.1/32 dev lo "
                            + "&& exec \"$@\"", "sh"));
            submit.addAll(cluster.java(List.of("-Xmx512m"), List.of("org.apache.spark.deploy.SparkSubmit",
                    "--master", "local[1]", "--class", SparkJob.class.getName(), JOB_JAR.toAbsolutePath().toString(),
                    "--lab", "--input", names.toString(), "--out", dir.resolve("out").toString())).command());
            ProcessBuilder pb = cluster.java(List.of(), List.of()).command(submit);
            pb.redirectErrorStream(true).redirectOutput(dir.resolve("driver.log").toFile());
            Process driver = cluster.run(pb);
            assertThat(driver.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String log = LocalCluster.read(dir.resolve("driver.log"));
            List<String> ours = log.lines().filter(l -> l.startsWith("dnstracer-spark:")).toList();
            assertThat(ours).as("the job's own lines: %s", log).singleElement().asString()
                    .matches("dnstracer-spark: executor driver cannot start the lab \\(--lab\\): lab cannot bind "
                            + "UDP 127\\.53\\.0\\.1 port \\d+: Cannot assign requested address.*")
                    .contains("--lab needs every executor to bind the lab's loopback addresses");
            assertThat(driver.exitValue()).isEqualTo(SparkJob.FAILED);
        }
    }

    /** Why no network namespace with a bare loopback can be made here, if none can. */
    private static Optional<String> namespaceMissing() throws InterruptedException {
        try {
            Process p = new ProcessBuilder("unshare", "-rn", "ip", "addr", "add", "127.0.0.1/32", "dev", "lo")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.of("unshare -rn did not end within 20 s");
            }
            return p.exitValue() == 0 ? Optional.empty()
                    : Optional.of("no network namespace (unshare -rn, iproute2's ip): " + out.strip());
        } catch (IOException e) {
            return Optional.of("no unshare or ip (util-linux, iproute2): " + e.getMessage());
        }
    }

    /** The stderr of every executor a worker launched (WORKDIR/app-ID/EXECUTOR-ID/stderr). */
    private static List<String> executorLogs(Path workerDir) throws IOException {
        try (Stream<Path> files = Files.walk(workerDir)) {
            return files.filter(p -> p.getFileName().toString().equals("stderr")).map(LocalCluster::read).toList();
        }
    }

    /** The executor ids of every finished task in the application's event log. */
    private static Set<String> executorsOfTasks(Path events) throws IOException {
        Set<String> executors = new TreeSet<>();
        try (Stream<Path> logs = Files.list(events)) {
            for (Path log : logs.toList()) {
                for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                    JsonNode e = MAPPER.readTree(line);
                    if (e.path("Event").asText().equals("SparkListenerTaskEnd")) {
                        executors.add(e.path("Task Info").path("Executor ID").asText());
                    }
                }
            }
        }
        return executors;
    }

    /** --bulk's lines for the same input, in this JVM, with the job's settings. */
    private List<String> bulk(Path names) throws IOException {
        Path out = dir.resolve("bulk.ndjson");
        StringWriter err = new StringWriter();
        int status = Cli.run(new String[] {"--lab", "-t", "1", "--rate", "0", "--no-progress", "--bulk",
            names.toString(), "--out", out.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(status).as("--bulk: %s", err).isIn(Cli.OK, Cli.NO_AUTHORITATIVE_ANSWER);
        return Files.readAllLines(out, StandardCharsets.UTF_8);
    }

    /** The JSON results in order: the part files by name, each line by line. */
    private static List<String> resultLines(Path results) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> parts = Files.list(results)) {
            for (Path part : parts.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
                lines.addAll(Files.readAllLines(part, StandardCharsets.UTF_8));
            }
        }
        return lines;
    }

    /** Each line by its input line number, without what no two runs share (see {@link #comparable}). */
    private static Map<Long, String> byLine(List<String> lines) {
        Map<Long, String> map = new TreeMap<>();
        for (String line : lines) {
            try {
                ObjectNode o = (ObjectNode) MAPPER.readTree(line);
                map.put(o.get("line").asLong(), comparable(o));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return map;
    }

    /**
     * A line without timing: times and round trips, and the SLOW_SERVER findings made from round trips; without
     * which exchanges were made for this name rather than reused from the JVM's caches ({@code servers},
     * {@code queries}: each executor has its own). A finding met through a cache carries over to every name
     * that reuses it (issue 22), so the findings are compared whole.
     */
    private static String comparable(ObjectNode o) {
        o.remove(List.of("elapsedMs", "servers", "queries"));
        removeAll(o, "rttMs");
        ArrayNode findings = (ArrayNode) o.get("findings");
        for (Iterator<JsonNode> it = findings.elements(); it.hasNext(); ) {
            if (it.next().path("code").asText().equals("SLOW_SERVER")) {
                it.remove();
            }
        }
        return o.toString();
    }

    private static void removeAll(JsonNode node, String field) {
        if (node instanceof ObjectNode o) {
            o.remove(field);
        }
        node.forEach(child -> removeAll(child, field));
    }
}
