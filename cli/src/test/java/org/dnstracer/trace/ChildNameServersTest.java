package org.dnstracer.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnstracer.testkit.FakeNetwork.ip;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.dnstracer.model.Question;
import org.dnstracer.testkit.FakeNetwork;
import org.dnstracer.testkit.Replies;
import org.dnstracer.testkit.Scenarios;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/** Zone mode learns the child's own NS set, and addresses for its names inside the zone, from the zone's servers. */
class ChildNameServersTest {
    private static final Name EXAMPLE = Name.fromConstantString("example.com.");
    private static final Name NS1 = Name.fromConstantString("ns1.example.com.");
    private static final Name NS2 = Name.fromConstantString("ns2.example.com.");
    private static final Name NS3 = Name.fromConstantString("ns3.example.com.");
    private static final Name OUTSIDE = Name.fromConstantString("ns.other.test.");

    /** The parent delegates to ns1 and ns2; the zone's servers list ns3 and a name outside the zone as well. */
    private static FakeNetwork childListsMore(String... ns3Addresses) {
        FakeNetwork net = Scenarios.healthy();
        for (String auth : List.of("127.0.2.1", "127.0.2.2")) {
            net.server(auth, q -> answer(q, ns3Addresses));
        }
        return net;
    }

    private static Message answer(Question q, String... ns3Addresses) {
        String name = q.name().toString();
        if (q.type() == Type.NS && name.equals("example.com.")) {
            return Replies.answer(q, "example.com. 300 IN NS ns1.example.com.", "example.com. 300 IN NS ns2.example.com.",
                    "example.com. 300 IN NS ns3.example.com.", "example.com. 300 IN NS ns.other.test.");
        }
        if (q.type() == Type.A && name.equals("ns3.example.com.") && ns3Addresses.length > 0) {
            return Replies.answer(q, Arrays.stream(ns3Addresses)
                    .map(a -> "ns3.example.com. 300 IN A " + a).toArray(String[]::new));
        }
        if (q.type() == Type.A && name.equals("ns1.example.com.")) {
            return Replies.answer(q, "ns1.example.com. 300 IN A 127.0.2.1");
        }
        if (q.type() == Type.A && name.equals("ns2.example.com.")) {
            return Replies.answer(q, "ns2.example.com. 300 IN A 127.0.2.2");
        }
        return Replies.nodata(q, Scenarios.SOA);
    }

    @Test
    void theChildsNsSetAndTheAddressesOfItsNamesInsideTheZoneAreLearned() {
        FakeNetwork net = childListsMore("127.0.2.3");
        ZoneDelegation learned = ChildNameServers.learn(new Tracer(net), Scenarios.request("example.com.", Type.SOA,
                true, false, IpFamily.ANY), new ZoneDelegation(EXAMPLE, null));

        assertThat(learned.zone()).isEqualTo(EXAMPLE);
        assertThat(learned.childNameServers()).containsExactly(NS1, NS2, NS3, OUTSIDE);
        assertThat(learned.childAddresses()).containsOnlyKeys(NS1, NS2, NS3);
        assertThat(learned.childAddresses().get(NS3)).containsExactly(ip("127.0.2.3"));
        // a name outside the zone is looked up by the trace as any glueless name, not asked of the zone's servers
        assertThat(net.queries()).noneMatch(q -> q.contains("ns.other.test"));
    }

    @Test
    void aNameTheZonesServersGiveNoAddressForIsKeptWithoutOne() {
        ZoneDelegation learned = ChildNameServers.learn(new Tracer(childListsMore()), Scenarios.request(
                "example.com.", Type.SOA, true, false, IpFamily.ANY), new ZoneDelegation(EXAMPLE, null));

        assertThat(learned.childNameServers()).contains(NS3);
        assertThat(learned.childAddresses()).doesNotContainKey(NS3);
    }

    @Test
    void aNameGivenWithAnAddressByNsIsNotAskedAgain() throws Exception {
        FakeNetwork net = childListsMore("127.0.2.3");
        Delegation given = new Delegation(EXAMPLE, List.of(NS3), Map.of(NS3, List.of(ip("127.0.2.3"))));
        ZoneDelegation learned = ChildNameServers.learn(new Tracer(net), Scenarios.request("example.com.", Type.SOA,
                true, false, IpFamily.ANY), new ZoneDelegation(EXAMPLE, given));

        assertThat(learned.given()).isSameAs(given);
        assertThat(learned.childAddresses()).doesNotContainKey(NS3);
        assertThat(net.queries()).noneMatch(q -> q.contains("ns3.example.com") && q.contains(" A"));
    }

    @Test
    void onlyAnswersFromTheZonesOwnServersAboutTheZoneCount() {
        // the com servers answer the NS question themselves (authoritatively): they are not servers of the zone
        FakeNetwork net = new FakeNetwork();
        net.server("127.0.0.1", q -> Replies.referral(q, "com. 172800 IN NS a.gtld.test.",
                "a.gtld.test. 172800 IN A 127.0.1.1"));
        net.server("127.0.1.1", q -> Replies.answer(q, "example.com. 300 IN NS ns9.example.com."));
        ZoneDelegation learned = ChildNameServers.learn(new Tracer(net), Scenarios.request("example.com.", Type.SOA,
                true, false, IpFamily.ANY), new ZoneDelegation(EXAMPLE, null));

        assertThat(learned.childNameServers()).isEmpty();
        assertThat(learned.childAddresses()).isEmpty();
    }

}
