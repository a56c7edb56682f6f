package org.dnstracer.dnssec;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dnstracer.lab.Lab;
import org.dnstracer.lab.LabDefinition;
import org.dnstracer.model.Names;
import org.dnstracer.model.Question;
import org.dnstracer.model.Section;
import org.dnstracer.model.StartServer;
import org.dnstracer.model.Trace;
import org.dnstracer.model.TraceNode;
import org.dnstracer.net.Transport;
import org.dnstracer.net.TransportOptions;
import org.dnstracer.trace.IpFamily;
import org.dnstracer.trace.Limits;
import org.dnstracer.trace.RootHints;
import org.dnstracer.trace.TraceListener;
import org.dnstracer.trace.TraceRequest;
import org.dnstracer.trace.Tracer;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Address;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * dnsjava's validator (Unbound's) and the hand-written {@link ChainValidator} on every DNSSEC scenario of the built-in
 * lab traced with -D (loopback only): the same trace, the same DNSKEY replies, the same anchor and moment; every
 * checked server line must get the same status from both, but for the allowances named in {@link #ALLOWED}.
 */
class CoreValidatorLabTest {
    /** Lines where the two differ, as "scenario | server (zone)": why, and which is right. */
    private static final Map<String, String> ALLOWED = Map.of();

    private record Scenario(String name, Question question, String start, Instant at) {}

    private static List<Scenario> scenarios() {
        Instant now = Instant.now();
        List<Scenario> all = new ArrayList<>();
        for (String host : List.of("www.secure.dnssec.org", "nope.secure.dnssec.org", "nope.nsec3.dnssec.org",
                "www.insecure.dnssec.org", "www.unsigned.nsec3.dnssec.org", "www.expired.dnssec.org",
                "www.not-yet-valid.dnssec.org", "www.ds-mismatch.dnssec.org", "www.one-expired.dnssec.org",
                "www.rsa.dnssec.org", "www.ed25519.dnssec.org", "www.private-alg.dnssec.org", "www.dnssec.org",
                "nope.dnssec.org", "nope.insecure.dnssec.org")) {
            all.add(new Scenario(host + " A", new Question(Name.fromConstantString(host + "."), Type.A), ".", now));
        }
        for (String host : List.of("www.secure.dnssec.org", "www.nsec3.dnssec.org", "secure.dnssec.org")) {
            all.add(new Scenario(host + " MX", new Question(Name.fromConstantString(host + "."), Type.MX), ".", now));
        }
        all.add(new Scenario("secure.dnssec.org DNSKEY", new Question(Name.fromConstantString("secure.dnssec.org."),
                Type.DNSKEY), ".", now));
        all.add(new Scenario("secure.dnssec.org DS", new Question(Name.fromConstantString("secure.dnssec.org."),
                Type.DS), ".", now));
        Question www = new Question(Name.fromConstantString("www.secure.dnssec.org."), Type.A);
        all.add(new Scenario("-s 127.53.0.1 (the root by address)", www, "127.53.0.1", now));
        all.add(new Scenario("-s 127.53.53.1 (dnssec.org's server)", www, "127.53.53.1", now));
        all.add(new Scenario("--dnssec-time 2099-01-01", www, ".", Instant.parse("2099-01-01T00:00:00Z")));
        return all;
    }

    @Test
    void dnsjavasValidatorAndOursGiveEveryLabServerLineTheSameStatus() throws Exception {
        Map<String, String> disagreements = new LinkedHashMap<>();
        int lines = 0;
        try (Lab lab = Lab.start(LabDefinition.builtIn(), 0, true);
                Transport transport = Transport.create(TransportOptions.defaults().withDnssecOk(true))) {
            RootHints hints = RootHints.fromRecords(lab.rootHints(), "lab root hints");
            TrustAnchors anchors = TrustAnchors.of(lab.trustAnchors(), "lab trust anchor");
            for (Scenario s : scenarios()) {
                TraceRequest request = new TraceRequest(s.question(), start(s.start(), hints), lab.port(),
                        IpFamily.ANY, true, true, true, Limits.defaults(), hints, TransportOptions.DEFAULT_TRIES);
                Trace trace = new Tracer(transport).run(request, TraceListener.NONE);
                FetchedKeys keys = DnskeyFetcher.fetch(trace, transport, request, anchors);
                DnssecReport ours = ChainValidator.validate(trace, keys, anchors, s.at());
                Map<TraceNode, CoreValidator.Verdict> core = CoreValidator.validate(trace, keys, anchors, s.at());
                for (Section section : trace.sections()) {
                    for (TraceNode line : lines(section.root(), new ArrayList<>())) {
                        lines++;
                        NodeDnssec mine = ours.of(line);
                        CoreValidator.Verdict theirs = core.get(line);
                        String key = s.name() + " | " + line.server() + " (" + Names.display(mine.zone()) + ")";
                        // every question the validator asked is one the -D trace recorded (DS at each cut, DNSKEY)
                        assertThat(theirs.unrecorded()).as(key).isEmpty();
                        if (mine.status() != theirs.status()) {
                            disagreements.put(key, mine.text() + " <> core " + theirs.status() + ": " + theirs.reason());
                        }
                    }
                }
            }
        }
        disagreements.forEach((k, v) -> System.out.println("DIFF " + k + ": " + v));
        assertThat(lines).isGreaterThan(60);
        assertThat(disagreements.keySet()).containsExactlyInAnyOrderElementsOf(ALLOWED.keySet());
    }

    private static List<TraceNode> lines(TraceNode node, List<TraceNode> out) {
        if (ChainValidator.checkable(node)) {
            out.add(node);
        }
        node.children().forEach(c -> lines(c, out));
        return out;
    }

    private static StartServer start(String given, RootHints hints) throws Exception {
        if (given.equals(".")) {
            RootHints.Server root = hints.preferredStart();
            return new StartServer(root.name().toString(true), root.addresses().get(0), Name.root);
        }
        InetAddress address = Address.getByAddress(given);
        return new StartServer(given, address, null);
    }
}
