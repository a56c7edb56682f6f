package org.dnstracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dnstracer.dnssec.CoreVerdicts;
import org.dnstracer.dnssec.DnskeyFetcher;
import org.dnstracer.dnssec.FetchedKeys;
import org.dnstracer.dnssec.TrustAnchors;
import org.dnstracer.lab.Lab;
import org.dnstracer.lab.LabDefinition;
import org.dnstracer.model.Names;
import org.dnstracer.model.Question;
import org.dnstracer.model.StartServer;
import org.dnstracer.model.Trace;
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
 * dnsjava's validator (Unbound's) and our hand-written one ({@code ChainValidator}) on every DNSSEC scenario of the built-in
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

    /**
     * Here, not in the DNSSEC package: each scenario is a trace through the lab's sockets, too slow to run against
     * every mutant of that package's PIT run (which takes the package's own tests).
     */
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
                for (CoreVerdicts.Line line : CoreVerdicts.compare(trace, keys, anchors, s.at())) {
                    lines++;
                    String key = s.name() + " | " + line.server() + " [" + Names.display(line.zone()) + "]";
                    // every question the validator asked is one the -D trace recorded (DS at each cut, DNSKEY)
                    assertThat(line.unrecorded()).as(key).isEmpty();
                    if (line.ours().status() != line.core()) {
                        disagreements.put(key, line.ours().text() + " <> core " + line.core() + ": "
                                + line.coreReason());
                    }
                }
            }
        }
        disagreements.forEach((k, v) -> System.out.println("core differs: " + k + ": " + v));
        System.out.println("core: " + scenarios().size() + " lab traces, " + lines + " checked server lines, "
                + disagreements.size() + " differ");
        assertThat(lines).isGreaterThan(60);
        assertThat(disagreements.keySet()).containsExactlyInAnyOrderElementsOf(ALLOWED.keySet());
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
