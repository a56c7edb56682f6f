package org.dnstracer.render;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.function.Consumer;
import org.dnstracer.findings.AnalysisOptions;
import org.dnstracer.findings.Finding;
import org.dnstracer.findings.Findings;
import org.dnstracer.findings.ProbeResults;
import org.dnstracer.model.Trace;
import org.dnstracer.model.TraceStats;
import org.dnstracer.testkit.FakeNetwork;
import org.dnstracer.testkit.Golden;
import org.dnstracer.testkit.Replies;
import org.dnstracer.testkit.Scenarios;
import org.dnstracer.trace.TraceListener;
import org.dnstracer.trace.TraceRequest;
import org.dnstracer.trace.Tracer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.Rcode;

/** Every renderer on every scripted scenario, against golden files; the live printer must match the renderer. */
class GoldenTest {
    private record Case(FakeNetwork network, TraceRequest request) {}

    private static Case scenario(String name) {
        return switch (name) {
            case "healthy" -> new Case(Scenarios.healthy(), Scenarios.request("www.example.com"));
            case "broken" -> new Case(Scenarios.healthy()
                    .server("127.0.1.2", q -> null)
                    .server("127.0.2.2", q -> Replies.rcode(q, Rcode.REFUSED)), Scenarios.request("www.example.com"));
            case "cname" -> {
                FakeNetwork net = Scenarios.healthy();
                for (String auth : List.of("127.0.2.1", "127.0.2.2")) {
                    net.server(auth, q -> q.name().toString().equals("www.example.com.")
                            ? Replies.answer(q, "www.example.com. 300 IN CNAME web.example.com.")
                            : Replies.answer(q, "web.example.com. 300 IN A 192.0.2.81",
                                    "web.example.com. 300 IN TXT \"a \\\"quoted\\\" string\""));
                }
                yield new Case(net, Scenarios.request("www.example.com"));
            }
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** Runs the scenario; the wall time is the only figure that would differ between runs. */
    private static Trace trace(Case c, TraceListener listener) {
        Trace t = new Tracer(c.network()).run(c.request(), listener);
        return new Trace(t.start(), t.tries(), t.port(), t.sections(), t.warnings(), new TraceStats(t.stats().queries(), 0));
    }

    /** The scenarios' loopback addresses stand for public ones: judged as in the lab. */
    private static List<Finding> findings(Trace trace) {
        return Findings.of(trace, ProbeResults.NONE, new AnalysisOptions(true, true));
    }

    private static String text(Consumer<PrintWriter> render) {
        StringWriter s = new StringWriter();
        PrintWriter out = new PrintWriter(s);
        render.accept(out);
        out.flush();
        return s.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"healthy", "broken", "cname"})
    void treeAndOverview(String name) throws Exception {
        Trace trace = trace(scenario(name), TraceListener.NONE);
        Golden.assertMatches(name + "/tree.txt", text(out -> {
            TreePrinter.render(trace, false, out);
            Trailer.render(trace, true, out);
            FindingsBlock.render(findings(trace), out);
        }));
    }

    @ParameterizedTest
    @ValueSource(strings = {"healthy", "broken", "cname"})
    void json(String name) throws Exception {
        Trace trace = trace(scenario(name), TraceListener.NONE);
        Golden.assertMatches(name + "/trace.json", text(out -> JsonRenderer.render(trace, findings(trace), out)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"healthy", "broken"})
    void verbose(String name) throws Exception {
        Trace trace = trace(scenario(name), TraceListener.NONE);
        Golden.assertMatches(name + "/verbose.txt", text(out -> TreePrinter.render(trace, true, out)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"healthy", "broken", "cname"})
    void livePrintingGivesTheSameTextAsRenderingTheFinishedTrace(String name) {
        Case c = scenario(name);
        StringWriter live = new StringWriter();
        PrintWriter out = new PrintWriter(live);
        Trace trace = trace(c, new TreePrinter(out, true, c.request().start(), c.request().tries()));
        out.flush();
        org.assertj.core.api.Assertions.assertThat(live.toString())
                .isEqualTo(text(o -> TreePrinter.render(trace, true, o)));
    }
}
