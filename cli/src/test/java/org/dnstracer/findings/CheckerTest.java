package org.dnstracer.findings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.dnstracer.model.Trace;
import org.dnstracer.testkit.FakeNetwork;
import org.dnstracer.testkit.Scenarios;
import org.dnstracer.trace.TraceListener;
import org.dnstracer.trace.Tracer;
import org.junit.jupiter.api.Test;

/** Which probes --check sends: each (address, question) once, all at once, within the budget. */
class CheckerTest {
    /** root -> com (2 servers, out-of-bailiwick names) -> example.com (2 servers with in-bailiwick names). */
    private static final int PROBES = 3 + 2 * 13 + 2 * 16;

    private static Trace traced(FakeNetwork net) {
        return new Tracer(net).run(Scenarios.request("www.example.com"), TraceListener.NONE);
    }

    private static List<String> probes(FakeNetwork net) {
        return net.queries().stream().filter(q -> q.contains(" probe ")).toList();
    }

    @Test
    void everyCutIsProbedOncePerAddressAndQuestion() {
        FakeNetwork net = Scenarios.healthy();
        ProbeResults results = new Checker(net, 53, 1000, false, true).run(traced(net));
        assertThat(probes(net)).doesNotHaveDuplicates().hasSize(PROBES)
                .contains("127.0.1.1 www.example.com. A probe UDP noedns", "127.0.1.2 www.example.com. A probe UDP noedns",
                        "127.0.2.1 example.com. SOA probe TCP", "127.0.2.1 example.com. SOA probe UDP",
                        "127.0.2.1 example.com. SOA probe UDP edns1", "127.0.2.2 ns2.example.com. AAAA probe UDP",
                        "127.0.2.1 recursion-probe.dnstracer.invalid. A probe UDP rd",
                        "127.0.2.1 example.com. SOA probe UDP opt100", "127.0.2.1 example.com. SOA probe UDP flags0x80",
                        "127.0.1.2 com. SOA probe UDP noedns opcode15", "127.0.2.2 ns2.example.com. TYPE65280 probe UDP",
                        "127.0.1.1 version.bind. TXT probe UDP", "127.0.2.1 ExAmPlE.cOm. SOA probe UDP",
                        "127.0.2.1 example.com. SOA probe UDP flags0x8000", "127.0.2.1 example.com. SOA probe UDP opt3",
                        "127.0.2.1 example.com. DNSKEY probe UDP flags0x8000")
                // the follow-ups are not called for: TCP answers with EDNS, nothing is truncated
                .doesNotContain("127.0.2.1 example.com. SOA probe TCP noedns",
                        "127.0.2.1 example.com. DNSKEY probe TCP flags0x8000")
                .doesNotContain("127.0.1.1 a.gtld.test. TYPE65280 probe UDP")
                .doesNotContain("127.0.1.1 a.gtld.test. A probe UDP");
        assertThat(results.cuts()).extracting(c -> c.zone().toString()).containsExactly("com.", "example.com.");
        assertThat(results.cuts().get(1).parents()).extracting(ServerProbes::server)
                .containsExactly("a.gtld.test", "b.gtld.test");
        assertThat(results.notSent()).isZero();
    }

    @Test
    void probesBeyondTheBudgetAreNotSentButCounted() {
        FakeNetwork net = Scenarios.healthy();
        ProbeResults results = new Checker(net, 53, 5, false, true).run(traced(net));
        assertThat(probes(net)).hasSize(5);
        // the fifth is the first server's EDNS SOA over TCP: its plain-TCP follow-up has no budget left either
        assertThat(results.notSent()).isEqualTo(PROBES - 5 + 1);
    }

    @Test
    void followUpsAreSentOnlyWhenTheFirstReplyCallsForThem() {
        FakeNetwork net = Scenarios.healthy();
        Trace trace = traced(net);
        // 127.0.2.1 drops SOA queries with a plain EDNS OPT (UDP and TCP alike here) and truncates DNSKEY
        net.probes("127.0.2.1", query -> {
            org.xbill.DNS.Record q = query.getQuestion();
            if (q.getType() == org.xbill.DNS.Type.SOA && query.getOPT() != null && query.getOPT().getFlags() == 0
                    && query.getOPT().getOptions().isEmpty() && query.getOPT().getVersion() == 0) {
                return null;
            }
            org.xbill.DNS.Message reply = org.dnstracer.testkit.Replies.answer(
                    new org.dnstracer.model.Question(q.getName(), q.getType()));
            reply.getHeader().setID(query.getHeader().getID());
            if (q.getType() == org.xbill.DNS.Type.DNSKEY) {
                reply.getHeader().setFlag(org.xbill.DNS.Flags.TC);
            }
            return reply;
        });
        ProbeResults results = new Checker(net, 53, 1000, false, true).run(trace);
        assertThat(probes(net)).doesNotHaveDuplicates()
                .contains("127.0.2.1 example.com. SOA probe TCP noedns", "127.0.2.1 example.com. DNSKEY probe TCP flags0x8000")
                .doesNotContain("127.0.2.2 example.com. SOA probe TCP noedns",
                        "127.0.2.2 example.com. DNSKEY probe TCP flags0x8000");
        ServerProbes first = results.cuts().get(1).children().get(0);
        assertThat(first.address()).isEqualTo(FakeNetwork.ip("127.0.2.1"));
        assertThat(first.exchanges()).containsKeys(Probe.SOA_TCP_PLAIN, Probe.BUFFER_512_TCP);
        assertThat(results.cuts().get(1).children().get(1).exchanges())
                .doesNotContainKeys(Probe.SOA_TCP_PLAIN, Probe.BUFFER_512_TCP);
    }

    @Test
    void axfrAloneSendsOneTransferPerChildAddressOverTcp() {
        FakeNetwork net = Scenarios.healthy();
        new Checker(net, 53, 1000, true, false).run(traced(net));
        assertThat(probes(net)).containsExactly("127.0.1.1 com. AXFR probe TCP noedns",
                "127.0.1.2 com. AXFR probe TCP noedns", "127.0.2.1 example.com. AXFR probe TCP noedns",
                "127.0.2.2 example.com. AXFR probe TCP noedns");
    }

    @Test
    void everyProbeIsSentBeforeAnyReplyIsAwaited() throws Exception {
        FakeNetwork net = Scenarios.healthy();
        Trace trace = traced(net);
        CompletableFuture<Void> gate = new CompletableFuture<>();
        for (String address : List.of("127.0.0.1", "127.0.1.1", "127.0.1.2", "127.0.2.1", "127.0.2.2")) {
            net.gate(address, gate);
        }
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<ProbeResults> running = thread.submit(() -> new Checker(net, 53, 1000, false, true).run(trace));
            // no reply can arrive before the gate opens: all probes out means none waited for another
            while (probes(net).size() < PROBES) {
                assertThat(running.isDone()).isFalse();
                Thread.onSpinWait();
            }
            gate.complete(null);
            assertThat(running.get(10, TimeUnit.SECONDS).cuts()).hasSize(2);
        } finally {
            thread.shutdownNow();
        }
    }
}
