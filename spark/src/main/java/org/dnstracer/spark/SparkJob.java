package org.dnstracer.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.dnstracer.net.MultiplexedTransport;
import org.xbill.DNS.Type;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dnstracer-spark}: the bulk tracer of {@code dnstracer --bulk} as a Spark job. Runs embedded
 * ({@code local[*]}, the default when no master is given) or under {@code spark-submit}. Exit status: 0 the job ran
 * and wrote its results (how the names fared is in them and in the summary), 2 usage error, 3 I/O or internal
 * error.
 */
@Command(name = "dnstracer-spark", mixinStandardHelpOptions = true, sortOptions = false,
        version = "dnstracer-spark 2.0.0",
        description = "Trace every name of the input through all delegation paths, in Spark executors; write one "
                + "result per name (JSON lines as `dnstracer --bulk`, or Parquet) and a summary.")
public final class SparkJob implements Callable<Integer> {
    static final int OK = 0;
    static final int USAGE = 2;
    static final int FAILED = 3;
    private static final Set<String> INPUT_FORMATS = Set.of("text", "parquet", "orc", "json", "csv");

    @Option(names = "--input", required = true, paramLabel = "PATH",
            description = "Names: a text file or directory, one NAME [TYPE] a line (as --bulk), or a table (--input-format).")
    String input;

    @Option(names = "--input-format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), or parquet, orc, json, csv: then --column holds the names.")
    String inputFormat;

    @Option(names = "--column", paramLabel = "NAME", defaultValue = "name",
            description = "With a table input: the column of the names, each read as a --bulk line (default: name).")
    String column;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output directory: DIR/results (one result per name) and DIR/summary.json.")
    String out;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
            description = "json (default: the --bulk line per name) or parquet (the schema in docs/spark.md).")
    String format;

    @Option(names = "--overwrite", description = "Replace an existing output directory.")
    boolean overwrite;

    @Option(names = "--lab", arity = "0..1", paramLabel = "DIR", fallbackValue = "",
            description = "Trace in the built-in lab (or the lab in DIR), started on loopback in each executor JVM "
                    + "(any master: each executor needs the lab's 127.0.0.0/8 addresses).")
    String lab;

    @Option(names = "--root-hints", paramLabel = "FILE", description = "Root hints (named.root format), read on the driver.")
    Path rootHints;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT", defaultValue = "0",
            description = "Destination port of every query (default 53; with --lab, the lab's).")
    int port;

    @Option(names = {"-q", "--query-type"}, paramLabel = "TYPE", defaultValue = "A",
            description = "Type of the lines without one (default: A).")
    String queryType;

    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", defaultValue = "5",
            description = "Longest wait for one reply (default: 5).")
    double timeout;

    @Option(names = {"-r", "--retries"}, paramLabel = "N", defaultValue = "3", description = "Tries per server (default: 3).")
    int tries;

    @Option(names = "--max-time", paramLabel = "SECONDS", defaultValue = "120",
            description = "Time limit of each name's trace (default: 120).")
    int maxTime;

    @Option(names = "--rate", paramLabel = "QPS", defaultValue = "20",
            description = "Queries a second to any one server address, for the WHOLE job: divided among the "
                    + "executors; 0 for no limit (default: 20).")
    double rate;

    @Option(names = "--burst", paramLabel = "N", defaultValue = "5",
            description = "Queries to one address that may leave at once, for the whole job: divided among the "
                    + "executors, at least 1 each (default: 5).")
    int burst;

    @Option(names = "--executors", paramLabel = "N", defaultValue = "0",
            description = "Executor JVMs at most, to divide --rate by (default: spark.executor.instances, or the "
                    + "bound of dynamic allocation; 1 in local mode).")
    int executors;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "32",
            description = "Names traced at once in each executor JVM, 1-4096 (default: 32).")
    int parallel;

    @Option(names = "--in-flight", paramLabel = "N", defaultValue = "24",
            description = "Queries waiting for a reply at once in each executor JVM, 1-" + MultiplexedTransport.MAX_IN_FLIGHT
                    + " (default: 24).")
    int inFlight;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "0",
            description = "Spread the names over at least N partitions, in order (default: as read).")
    int partitions;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master when not under spark-submit (default: local[*]).")
    String master;

    private final PrintWriter err;

    SparkJob(PrintWriter err) {
        this.err = err;
    }

    public static void main(String[] args) {
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8), err));
    }

    static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new SparkJob(err));
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("dnstracer-spark: " + ex.getMessage() + " (try --help)");
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, p) -> {
            err.println("dnstracer-spark: " + oneLine(ex));
            return ex instanceof UsageException ? USAGE : FAILED;
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        SparkConf conf = new SparkConf(); // with spark-submit's settings (spark.* system properties)
        if (!conf.contains("spark.master")) {
            conf.setMaster(master != null ? master : "local[*]");
        } else if (master != null) {
            throw new UsageException("--master " + master + " and spark-submit's master " + conf.get("spark.master")
                    + ": give one");
        }
        out = out.length() > 1 && out.endsWith("/") ? out.substring(0, out.length() - 1) : out;
        JobSpec spec = spec(conf);
        conf.setAppName("dnstracer-spark");
        if (conf.get("spark.master").startsWith("local")) {
            Embedded.configure(conf);
        }
        SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
        try {
            JobSummary summary = TraceJob.run(spark, spec);
            err.println("dnstracer-spark: " + summary.describe() + "; results in " + spec.out() + "/"
                    + JobSpec.RESULTS + ", summary in " + spec.out() + "/" + JobSpec.SUMMARY);
            return OK;
        } finally {
            spark.stop();
        }
    }

    private JobSpec spec(SparkConf conf) throws UsageException, IOException {
        if (!INPUT_FORMATS.contains(inputFormat)) {
            throw new UsageException("--input-format must be one of text, parquet, orc, json, csv, not '" + inputFormat + "'");
        }
        if (!format.equals("json") && !format.equals("parquet")) {
            throw new UsageException("--format must be json or parquet, not '" + format + "'");
        }
        if (lab != null && (rootHints != null || port != 0)) {
            throw new UsageException("--lab brings its own root hints and port: no --root-hints or -p with it");
        }
        int type = Type.value(queryType.toUpperCase(Locale.ROOT));
        check(type >= 0, "-q: unknown type '" + queryType + "'");
        check(port >= 0 && port <= 65535, "--port must be between 1 and 65535, not " + port);
        check(timeout > 0 && timeout <= 3600, "--timeout must be from 0.001 to 3600 seconds, not " + timeout);
        check(tries >= 1 && tries <= 20, "--retries must be between 1 and 20, not " + tries);
        check(maxTime >= 1 && maxTime <= 86_400, "--max-time must be between 1 and 86400 seconds, not " + maxTime);
        check(rate >= 0 && rate <= 1_000_000, "--rate must be between 0 (no limit) and 1000000, not " + rate);
        check(burst >= 1 && burst <= 1000, "--burst must be between 1 and 1000, not " + burst);
        check(executors >= 0, "--executors must be at least 1, not " + executors);
        check(parallel >= 1 && parallel <= 4096, "--parallel must be between 1 and 4096, not " + parallel);
        check(inFlight >= 1 && inFlight <= MultiplexedTransport.MAX_IN_FLIGHT, "--in-flight must be between 1 and "
                + MultiplexedTransport.MAX_IN_FLIGHT + ", not " + inFlight);
        check(partitions >= 0, "--partitions must not be negative, not " + partitions);
        int jvms;
        try {
            jvms = ClusterRate.executors(conf, executors);
        } catch (ClusterRate.UnknownExecutors e) {
            throw new UsageException(e.getMessage());
        }
        String hints = rootHints == null ? null : Files.readString(rootHints, StandardCharsets.UTF_8);
        TracerConfig tracer = new TracerConfig(lab, hints, port, ClusterRate.perExecutor(rate, jvms),
                ClusterRate.burstPerExecutor(burst, jvms), parallel, inFlight, Math.round(timeout * 1000), tries,
                maxTime, type);
        return new JobSpec(input, inputFormat, column, out, format, overwrite, partitions, tracer);
    }

    private static void check(boolean ok, String message) throws UsageException {
        if (!ok) {
            throw new UsageException(message);
        }
    }

    private static String oneLine(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        // an executor without the lab's loopback addresses: its own words, not Spark's stage failure around them
        String message = ex instanceof UsageException ? ex.getMessage()
                : LabUnavailable.in(ex).map(Throwable::getMessage)
                        .orElse(root == ex ? String.valueOf(ex) : ex + " (" + root + ")");
        return message.replaceAll("\\s+", " ").strip();
    }

    /** A mistake in the arguments: exit status 2, one line. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
