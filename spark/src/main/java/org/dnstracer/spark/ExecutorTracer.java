package org.dnstracer.spark;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkEnv;
import org.apache.spark.sql.Row;
import org.dnstracer.bulk.BulkInput;
import org.dnstracer.bulk.BulkResult;
import org.dnstracer.bulk.BulkSettings;
import org.dnstracer.bulk.BulkSetup;
import org.dnstracer.bulk.DeliveryWindow;
import org.dnstracer.bulk.JudgedName;
import org.dnstracer.bulk.NameJudging;
import org.dnstracer.bulk.NameVerdict;
import org.dnstracer.findings.AnalysisOptions;
import org.dnstracer.lab.Lab;
import org.dnstracer.lab.LabDefinition;
import org.dnstracer.lab.LabException;
import org.dnstracer.model.StartServer;
import org.dnstracer.net.Transport;
import org.dnstracer.net.TransportOptions;
import org.dnstracer.trace.Limits;
import org.dnstracer.trace.RootHints;
import org.xbill.DNS.Name;

/**
 * The tracing machinery of one executor JVM: the bulk tracer (caches, server health, rate buckets), its transport,
 * a pool of {@link TracerConfig#parallel()} threads that every task of the JVM shares, and with {@code --lab} the
 * lab itself. Built the way the CLI's {@code --bulk} builds it, so a name gives the same result either way.
 */
final class ExecutorTracer implements AutoCloseable {
    private final Lab lab;
    private final Transport transport;
    private final BulkSetup setup;
    private final ExecutorService pool;
    private final int window;

    private ExecutorTracer(Lab lab, Transport transport, BulkSetup setup, int parallel) {
        this.lab = lab;
        this.transport = transport;
        this.setup = setup;
        this.pool = threads(parallel);
        // as BulkTracer's ordered run: a slow name at the head must not stop the others from starting, so up to
        // 4 x parallel results of a task may wait for it (the pool still traces only parallel names at once)
        this.window = 4 * parallel;
    }

    static ExecutorTracer start(TracerConfig config) {
        Lab lab = null;
        try {
            lab = config.lab() == null ? null : Lab.start(labDefinition(config.lab()), 0);
            RootHints hints = lab != null ? RootHints.fromRecords(lab.rootHints(), "lab root hints")
                    : config.rootHints() != null ? RootHints.parse(config.rootHints(), "--root-hints")
                    : RootHints.builtIn();
            int port = config.port() != 0 ? config.port() : lab != null ? lab.port() : 53;
            TransportOptions options = TransportOptions.defaults().withTries(config.tries())
                    .withMaxTimeout(config.timeout());
            BulkSettings settings = BulkSettings.defaults(rootOf(hints), port, hints)
                    .withTries(config.tries())
                    .withLimits(Limits.defaults().withMaxTime(Duration.ofSeconds(config.maxTimeSeconds())))
                    .withParallel(config.parallel())
                    .withRate(config.ratePerJvm())
                    .withBurst(config.burstPerJvm());
            Transport transport = BulkSetup.transport(options, config.inFlight());
            try {
                return new ExecutorTracer(lab, transport, new BulkSetup(transport, settings,
                        NameJudging.findingsOnly(new AnalysisOptions(lab != null, true))), config.parallel());
            } catch (RuntimeException e) {
                transport.close();
                throw e;
            }
        } catch (RuntimeException e) {
            // a setting refused (TraceJob.traceColumn takes a config the command line did not check): no lab left
            closeQuietly(lab);
            throw e;
        } catch (IOException e) {
            closeQuietly(lab);
            throw new LabUnavailable(executorId(), e);
        } catch (RootHints.HintsException | LabException e) {
            closeQuietly(lab);
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Spark's name for this JVM ("driver" in local mode), or null outside Spark. */
    private static String executorId() {
        SparkEnv env = SparkEnv.get();
        return env == null ? null : env.executorId();
    }

    /** The traces start at the root, so that the referrals of the root and the TLDs are shared. */
    private static StartServer rootOf(RootHints hints) {
        RootHints.Server root = hints.preferredStart();
        InetAddress address = root.addresses().get(0);
        return new StartServer(root.name().toString(true), address, Name.root);
    }

    private static LabDefinition labDefinition(String dir) throws LabException {
        return dir.isEmpty() ? LabDefinition.builtIn() : LabDefinition.load(Path.of(dir));
    }

    /**
     * The results of a partition's inputs, in input order; up to 4 x {@link TracerConfig#parallel()} of them are
     * started ahead on the JVM's shared threads.
     */
    DeliveryWindow<BulkInput, Row> trace(Iterator<BulkInput> inputs) {
        return new DeliveryWindow<>(inputs, pool, this::row, true, window);
    }

    /** One input traced, analysed and turned into its output row: a failure inside gives an error row. */
    private Row row(BulkInput input) {
        BulkResult result = setup.tracer().trace(input);
        JudgedName judged;
        try {
            judged = setup.judge(result);
        } catch (RuntimeException e) {
            judged = setup.judge(new BulkResult(0, input, NameVerdict.ERROR, null, "internal error: " + e,
                    result.elapsedMillis()));
        }
        // the json column is --bulk's line without its newline
        String line = judged.text(false);
        return ResultRows.of(judged.result(), judged.findings(), line.substring(0, line.length() - 1));
    }

    @Override
    public void close() {
        pool.shutdownNow();
        setup.close();
        transport.close();
        closeQuietly(lab);
    }

    private static void closeQuietly(Lab lab) {
        if (lab != null) {
            lab.close();
        }
    }

    private static ExecutorService threads(int n) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(n, n, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "dnstracer-spark-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
