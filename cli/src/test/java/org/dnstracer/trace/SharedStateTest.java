package org.dnstracer.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.dnstracer.bulk.BulkCaches;
import org.dnstracer.model.Status;
import org.dnstracer.model.Trace;
import org.dnstracer.model.TraceNode;
import org.dnstracer.net.AttemptResult;
import org.dnstracer.testkit.FakeNetwork;
import org.dnstracer.testkit.Scenarios;
import org.junit.jupiter.api.Test;

/** Traces that share a {@link SharedState} ask the parents of a zone once, and every server of the zone each time. */
class SharedStateTest {
    private static SharedState shared() {
        return new BulkCaches(1000, Duration.ofHours(1), Duration.ofMinutes(1));
    }

    @Test
    void aSecondNameInTheSameZoneAsksNeitherRootNorTldAgain() {
        FakeNetwork net = Scenarios.healthy();
        Tracer tracer = new Tracer(net, shared());
        tracer.run(Scenarios.request("www.example.com"), TraceListener.NONE);
        long root = net.queriesTo("127.0.0.1");
        long tld = net.queriesTo("127.0.1.1") + net.queriesTo("127.0.1.2");

        Trace second = tracer.run(Scenarios.request("mail.example.com"), TraceListener.NONE);

        assertThat(net.queriesTo("127.0.0.1")).isEqualTo(root).isEqualTo(1);
        assertThat(net.queriesTo("127.0.1.1") + net.queriesTo("127.0.1.2")).isEqualTo(tld).isEqualTo(2);
        assertThat(net.queriesTo("127.0.2.1")).isEqualTo(2);
        assertThat(net.queriesTo("127.0.2.2")).isEqualTo(2);
        assertThat(second.stats().queries()).isEqualTo(2);
        List<TraceNode> nodes = nodes(second.sections().get(0).root());
        assertThat(nodes).filteredOn(n -> n.status() == Status.AUTHORITATIVE_NXDOMAIN).hasSize(2);
        assertThat(nodes.get(0).verdict().detail()).isEqualTo(SharedState.LEARNED_REFERRAL);
        // the reused step carries the exchange that gave the referral, for the first name: nothing was sent for this one
        assertThat(nodes.get(0).exchange()).isNotNull();
        assertThat(nodes.get(0).exchange().qname()).hasToString("www.example.com.");
    }

    @Test
    void withoutSharedStateEveryNameWalksFromTheRoot() {
        FakeNetwork net = Scenarios.healthy();
        Tracer tracer = new Tracer(net);
        tracer.run(Scenarios.request("www.example.com"), TraceListener.NONE);
        tracer.run(Scenarios.request("mail.example.com"), TraceListener.NONE);
        assertThat(net.queriesTo("127.0.0.1")).isEqualTo(2);
    }

    @Test
    void sharedTreeShowsTheSameServersAndVerdictsAsAFreshOne() {
        Tracer sharing = new Tracer(Scenarios.healthy(), shared());
        sharing.run(Scenarios.request("www.example.com"), TraceListener.NONE);
        Trace reused = sharing.run(Scenarios.request("www.example.com"), TraceListener.NONE);
        Trace fresh = new Tracer(Scenarios.healthy()).run(Scenarios.request("www.example.com"), TraceListener.NONE);
        assertThat(statuses(reused)).isEqualTo(statuses(fresh));
    }

    @Test
    void aServerSilentForOneNameIsNotAskedForTheNext() {
        FakeNetwork net = Scenarios.healthy().server("127.0.2.2", q -> null).failing("127.0.2.2", AttemptResult.TIMEOUT);
        Tracer tracer = new Tracer(net, shared());
        for (String name : List.of("a.example.com", "b.example.com", "c.example.com")) {
            tracer.run(Scenarios.request(name), TraceListener.NONE); // three failures in a row: silent
        }
        long asked = net.queriesTo("127.0.2.2");

        Trace second = tracer.run(Scenarios.request("mail.example.com"), TraceListener.NONE);

        assertThat(asked).isEqualTo(3);
        assertThat(net.queriesTo("127.0.2.2")).isEqualTo(asked);
        assertThat(nodes(second.sections().get(0).root()))
                .filteredOn(n -> n.address() != null && n.address().getHostAddress().equals("127.0.2.2"))
                .extracting(n -> n.status() + " " + n.verdict().detail())
                .contains(Status.TIMEOUT + " " + SharedState.SILENT_EARLIER);
    }

    @Test
    void gluelessAddressesAreLookedUpOncePerProcess() {
        FakeNetwork net = TraceDeterminismTest.glueless();
        Tracer tracer = new Tracer(net, shared());
        tracer.run(Scenarios.request("www.example.com"), TraceListener.NONE);
        long lookups = net.queriesTo("127.0.3.1");

        Trace second = tracer.run(Scenarios.request("mail.example.com"), TraceListener.NONE);

        assertThat(lookups).isPositive();
        assertThat(net.queriesTo("127.0.3.1")).isEqualTo(lookups);
        assertThat(nodes(second.sections().get(0).root())).extracting(TraceNode::server).contains("ns.dns-host.net");
    }

    private static List<String> statuses(Trace trace) {
        return nodes(trace.sections().get(0).root()).stream()
                .map(n -> n.server() + " " + n.address() + " " + n.zone() + " " + n.status()).toList();
    }

    private static List<TraceNode> nodes(TraceNode root) {
        List<TraceNode> all = new ArrayList<>();
        collect(root, all);
        return all;
    }

    private static void collect(TraceNode n, List<TraceNode> all) {
        all.add(n);
        n.children().forEach(c -> collect(c, all));
    }
}
