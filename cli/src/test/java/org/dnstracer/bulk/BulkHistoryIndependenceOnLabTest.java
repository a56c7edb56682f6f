package org.dnstracer.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.dnstracer.findings.Findings;
import org.dnstracer.lab.Lab;
import org.dnstracer.lab.LabDefinition;
import org.dnstracer.model.Names;
import org.dnstracer.model.Question;
import org.dnstracer.model.StartServer;
import org.dnstracer.net.MultiplexedTransport;
import org.dnstracer.net.Transport;
import org.dnstracer.net.TransportOptions;
import org.dnstracer.trace.RootHints;
import org.dnstracer.trace.SharedState;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * A bulk line is a function of the name and the DNS, not of what was traced before it: the same names of the
 * built-in lab (healthy, glueless, lame, partly lame, silent, SERVFAIL, deep, wide and faulty zones), traced in
 * input order and shuffled, one at a time and 256 at a time, give the same set of lines once the timing fields
 * and the marks of reuse ({@code queries}, {@code elapsedMs}, {@code rttMs}, {@code reused} and the reuse details)
 * are left out. A name that reuses a cached referral or skips a silent server must carry the findings the first
 * name met there.
 */
class BulkHistoryIndependenceOnLabTest {
    private static final List<String> ZONES = List.of("example.com", "glueless.com", "lame.com", "partly-lame.com",
            "timeout.com", "servfail.com", "e.d.c.b.a.deep.org", "wide.net", "missing-glue.faults.org",
            "glue-mismatch.faults.org");
    private static final int NAMES_PER_ZONE = 15;
    private static final TransportOptions QUICK = TransportOptions.defaults()
            .withInitialTimeout(Duration.ofMillis(200)).withMaxTimeout(Duration.ofMillis(400));
    /** Fields that say how long something took, or that it was reused: left out of the comparison. */
    private static final Set<String> LEFT_OUT = Set.of("queries", "elapsedMs", "line", "rttMs", "reused");
    private static final JsonFactory JSON = new JsonFactory();

    @Test
    void theSameNamesGiveTheSameLinesInAnyOrderAndAnyParallelism() throws Exception {
        List<String> names = new ArrayList<>();
        for (String zone : ZONES) {
            names.add("www." + zone);
            for (int i = 0; i < NAMES_PER_ZONE; i++) {
                names.add("n" + i + "." + zone);
            }
        }
        List<String> shuffled = new ArrayList<>(names);
        Collections.shuffle(shuffled, new Random(22));
        try (Lab lab = Lab.start(LabDefinition.builtIn(), 0)) {
            Set<String> reference = lines(lab, names, 1);
            assertThat(reference).hasSize(names.size());
            sameLines("shuffled, --parallel 1", lines(lab, shuffled, 1), reference);
            sameLines("in order, --parallel 256", lines(lab, names, 256), reference);
            sameLines("shuffled, --parallel 256", lines(lab, shuffled, 256), reference);
        }
    }

    /** Names only the lines that differ, each side's, rather than the whole sets. */
    private static void sameLines(String how, Set<String> lines, Set<String> reference) {
        Set<String> extra = new TreeSet<>(lines);
        extra.removeAll(reference);
        Set<String> missing = new TreeSet<>(reference);
        missing.removeAll(lines);
        assertThat(extra).as("%s: lines not in the run in order with --parallel 1 (which has instead: %s)", how,
                missing).isEmpty();
        assertThat(missing).as(how).isEmpty();
    }

    /** Every name's line with its findings, without what depends on timing or reuse, in a fresh bulk run. */
    private static Set<String> lines(Lab lab, List<String> names, int parallel) throws Exception {
        RootHints hints = RootHints.fromRecords(lab.rootHints(), "lab root hints");
        RootHints.Server root = hints.servers().get(0);
        StartServer start = new StartServer(Names.display(root.name()), root.addresses().get(0), Name.root);
        BulkSettings settings = BulkSettings.defaults(start, lab.port(), hints).withParallel(parallel).withRate(0);
        List<BulkInput> inputs = new ArrayList<>();
        for (String name : names) {
            inputs.add(BulkInput.of(new Question(Name.fromConstantString(name + "."), Type.A)));
        }
        Set<String> out = new TreeSet<>();
        try (Transport transport = new MultiplexedTransport(QUICK, 256);
                BulkTracer bulk = new BulkTracer(transport, settings)) {
            bulk.run(inputs.iterator(), r -> out.add(normalized(
                    BulkJson.line(r, r.trace() == null ? List.of() : Findings.of(r.trace())))));
        }
        return out;
    }

    /** The line without the fields {@link #LEFT_OUT}, nor a {@code detail} that only says a step was reused. */
    private static String normalized(String line) {
        try {
            return withoutTimingAndReuse(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String withoutTimingAndReuse(String line) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonParser p = JSON.createParser(line); JsonGenerator g = JSON.createGenerator(out)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken value = p.nextToken();
                    boolean reuseDetail = field.equals("detail") && value == JsonToken.VALUE_STRING
                            && (p.getText().equals(SharedState.LEARNED_REFERRAL)
                                    || p.getText().equals(SharedState.SILENT_EARLIER));
                    if (LEFT_OUT.contains(field) || reuseDetail) {
                        p.skipChildren();
                        continue;
                    }
                    g.writeFieldName(field);
                }
                g.copyCurrentEvent(p);
            }
        }
        return out.toString();
    }
}
