package org.dnstracer.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.dnstracer.model.Question;
import org.dnstracer.model.StartServer;
import org.dnstracer.model.Status;
import org.dnstracer.model.Trace;
import org.dnstracer.model.TraceNode;
import org.dnstracer.testkit.FakeNetwork;
import org.dnstracer.testkit.FuzzChoices;
import org.dnstracer.testkit.RenderEverything;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * No network can hang, flood or crash a trace: over servers the fuzzer scripts ({@link FuzzedNetwork}), the run
 * returns within its limits, sends at most {@value Explorer#FORCED_CAP_FACTOR} times its query budget, shows no
 * internal error but those of a transport that throws, never needs its time limit (every fake server answers at
 * once, so a run still waiting at the limit waits for a future that never completes), and every renderer
 * succeeds on the result.
 *
 * <p>Input: the run's settings ({@link #request}), then the servers. Corpus:
 * {@code src/test/resources/org/dnstracer/trace/HostileNetworkFuzzTestInputs/}, seeded by {@link HostileNetworkSeeds}.
 */
class HostileNetworkFuzzTest {
    static final List<Question> QUESTIONS = List.of(
            new Question(Name.fromConstantString("www.example.com."), Type.A),
            new Question(Name.fromConstantString("www.example.com."), Type.AAAA),
            new Question(Name.fromConstantString("alias.example.com."), Type.A),
            new Question(Name.fromConstantString("example.com."), Type.NS),
            new Question(Name.fromConstantString("sub.example.com."), Type.MX),
            new Question(Name.fromConstantString("www.example.com."), Type.ANY),
            new Question(Name.fromConstantString("ns.other.test."), Type.A),
            new Question(Name.fromConstantString("."), Type.NS));

    private static final Duration MAX_TIME = Duration.ofSeconds(10);
    /** Beyond the time limit, how long the tracer may take to wind down and return. */
    private static final Duration GRACE = Duration.ofSeconds(10);

    private static final ExecutorService RUNNER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fuzzed-trace");
        t.setDaemon(true);
        return t;
    });

    @FuzzTest
    void anyNetworkGivesABoundedTraceThatEveryRendererPrints(byte[] input) throws InterruptedException {
        FuzzChoices choices = new FuzzChoices(input);
        TraceRequest request = request(choices);
        int tries = request.tries();
        try (FakeNetwork net = FuzzedNetwork.read(choices, request.question(), tries)) {
            Trace trace = runWithin(net, request);

            int cap = Explorer.FORCED_CAP_FACTOR * request.limits().maxQueries();
            assertThat(net.queries()).as("queries sent").hasSizeLessThanOrEqualTo(cap);
            assertThat(trace.stats().queries()).as("queries counted").isLessThanOrEqualTo(cap);
            List<TraceNode> nodes = new ArrayList<>();
            trace.sections().forEach(s -> collect(s.root(), nodes));
            for (TraceNode node : nodes) {
                if (node.status() == Status.INTERNAL_ERROR) {
                    assertThat(node.verdict().detail()).as("internal error of %s", node.server())
                            .contains(FuzzedNetwork.THROWN);
                }
                assertThat(node.status()).as("a server waited for at the time limit: %s", node.server())
                        .isNotEqualTo(Status.UNFINISHED);
            }
            assertThat(trace.warnings()).noneMatch(w -> w.startsWith("time limit"));
            RenderEverything.render(trace);
        }
    }

    /**
     * The engine's promise that the tree does not depend on timing: the same network, once with replies in the
     * order asked and once delayed and reordered at random (seeded by the input), gives the same tree and the
     * same warnings.
     */
    @FuzzTest
    void anyNetworkGivesTheSameTreeWhateverTheReplyOrder(byte[] input) throws InterruptedException {
        Trace inOrder = runScripted(input, false);
        Trace reordered = runScripted(input, true);
        int lastResort = Explorer.FORCED_CAP_FACTOR * request(new FuzzChoices(input)).limits().maxQueries();
        if (inOrder.stats().queries() >= lastResort || reordered.stats().queries() >= lastResort) {
            // Known limit (Explorer's javadoc): once all queries together reach the last-resort cap, which
            // look-ups the tree had to force depends on what the eager walk had already sent
            return;
        }
        assertThat(treeAndWarnings(reordered)).as("tree with replies reordered").isEqualTo(treeAndWarnings(inOrder));
    }

    private static Trace runScripted(byte[] input, boolean reorder) throws InterruptedException {
        FuzzChoices choices = new FuzzChoices(input);
        TraceRequest request = request(choices);
        try (FakeNetwork net = FuzzedNetwork.read(choices, request.question(), request.tries())) {
            if (reorder) {
                net.jitter(java.util.Arrays.hashCode(input), 3);
            }
            return runWithin(net, request);
        }
    }

    private static String treeAndWarnings(Trace trace) {
        java.io.StringWriter text = new java.io.StringWriter();
        java.io.PrintWriter out = new java.io.PrintWriter(text);
        org.dnstracer.render.TreePrinter.render(trace, false, out);
        org.dnstracer.render.Trailer.render(trace, false, out);
        return text.toString();
    }

    private static Trace runWithin(FakeNetwork net, TraceRequest request) throws InterruptedException {
        Future<Trace> run = RUNNER.submit(() -> new Tracer(net).run(request, TraceListener.NONE));
        try {
            return run.get(MAX_TIME.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            run.cancel(true);
            throw new AssertionError("the trace did not end within its time limit and " + GRACE.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new AssertionError("the tracer threw " + e.getCause(), e.getCause());
        }
    }

    private static void collect(TraceNode node, List<TraceNode> into) {
        into.add(node);
        node.children().forEach(child -> collect(child, into));
    }

    /**
     * Settings, in this order: question, start (root server or a resolver-like start with no zone), family, tries,
     * -c, -C, CNAME following, then the limits: depth, queries, CNAME chain, name servers, look-up nesting.
     */
    static TraceRequest request(FuzzChoices choices) {
        Question question = choices.pick(QUESTIONS);
        boolean rootStart = choices.next(4) != 3;
        IpFamily family = IpFamily.values()[choices.next(IpFamily.values().length)];
        int tries = 1 + choices.next(3);
        boolean noCache = choices.flag();
        boolean negativeCache = choices.flag();
        boolean followCname = !choices.flag();
        Limits limits = new Limits(choices.next(16), 1 + choices.next(200), choices.next(9), 1 + choices.next(8),
                1 + choices.next(4), MAX_TIME);
        RootHints hints;
        try {
            hints = RootHints.parse(". 3600 IN NS a.root.test.\na.root.test. 3600 IN A 127.0.0.1\n", "fuzz hints");
        } catch (RootHints.HintsException e) {
            throw new IllegalStateException(e);
        }
        StartServer start = new StartServer("a.root.test", FakeNetwork.ip("127.0.0.1"), rootStart ? Name.root : null);
        return new TraceRequest(question, start, 53, family, !noCache, negativeCache, followCname, limits, hints, tries);
    }
}
