package org.dnstracer.findings;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.dnstracer.model.Question;
import org.dnstracer.net.Attempt;
import org.dnstracer.net.AttemptResult;
import org.dnstracer.net.Exchange;
import org.dnstracer.net.Protocol;
import org.dnstracer.net.ServerAddress;
import org.dnstracer.testkit.FakeNetwork;
import org.dnstracer.testkit.Replies;
import org.dnstracer.trace.NameLookups;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/** The host name findings of look-up and probe replies written out by hand: the analysis alone, no network. */
class HostNameFindingsTest {
    private static final Name ZONE = Name.fromConstantString("example.com.");
    private static final Name NS1 = Name.fromConstantString("ns1.example.com.");
    private static final Name OTHER = Name.fromConstantString("ns.provider.net.");
    private static final Name PROVIDER = Name.fromConstantString("provider.net.");
    private static final String SOA = "provider.net. 300 IN SOA ns.provider.net. hostmaster.provider.net. 1 3600 900 "
            + "604800 300";

    private static Exchange exchange(String address, Name qname, int qtype, Message reply) {
        Message sent = Message.newQuery(org.xbill.DNS.Record.newRecord(qname, qtype, org.xbill.DNS.DClass.IN));
        Attempt a = new Attempt(Protocol.UDP, sent, Duration.ofSeconds(1), Duration.ofMillis(1),
                reply == null ? AttemptResult.TIMEOUT : AttemptResult.REPLY, reply, 0, List.of(), null);
        return new Exchange(new ServerAddress(FakeNetwork.ip(address), 53), qname, qtype, reply, List.of(a), false);
    }

    /** ns1.example.com at 192.0.2.1, whose NS set adds ns.provider.net to the parent's ns1. */
    private static ServerProbes childListingOther() {
        Message ns = Replies.answer(new Question(ZONE, Type.NS), "example.com. 300 IN NS ns1.example.com.",
                "example.com. 300 IN NS ns.provider.net.");
        return new ServerProbes("ns1.example.com", FakeNetwork.ip("192.0.2.1"),
                Map.of(Probe.NS, exchange("192.0.2.1", ZONE, Type.NS, ns)));
    }

    private static List<String> findings(List<Name> parentNs, Map<Name, List<InetAddress>> glue,
            List<ServerProbes> mnameServers, HostAnswers... hosts) {
        Map<Name, HostAnswers> byName = new java.util.LinkedHashMap<>();
        for (HostAnswers h : hosts) {
            byName.put(h.name(), h);
        }
        CutProbes cut = new CutProbes(ZONE, parentNs, glue, List.of(), List.of(childListingOther()), mnameServers);
        FindingCollector out = new FindingCollector();
        HostNameFindings.find(new ProbeResults(List.of(cut), 0, byName), out);
        return out.findings().stream().map(f -> f.code() + " " + f.server()
                + (f.address() == null ? "" : " " + f.address().getHostAddress())).toList();
    }

    private static NameLookups.Answer answer(Name name, int type, String... lines) {
        return new NameLookups.Answer(Replies.answer(new Question(name, type), lines), PROVIDER, true);
    }

    private static NameLookups.Answer nxdomain(Name name, int type) {
        return new NameLookups.Answer(Replies.nxdomain(new Question(name, type), SOA), PROVIDER, true);
    }

    @Test
    void childOnlyNameDeniedByItsZoneIsUnresolvableButNotWhenTheLookUpWasCutShort() {
        HostAnswers denied = new HostAnswers(OTHER, nxdomain(OTHER, Type.A), nxdomain(OTHER, Type.AAAA));
        assertThat(findings(List.of(NS1), Map.of(), List.of(), denied))
                .containsExactly("NS_NAME_UNRESOLVABLE ns.provider.net");
        HostAnswers cut = new HostAnswers(OTHER, nxdomain(OTHER, Type.A),
                new NameLookups.Answer(null, null, false));
        assertThat(findings(List.of(NS1), Map.of(), List.of(), cut)).isEmpty();
    }

    @Test
    void withOneFamilyAskedOnlyNxdomainMakesANameUnresolvable() {
        NameLookups.Answer nodataA = new NameLookups.Answer(Replies.nodata(new Question(OTHER, Type.A), SOA),
                PROVIDER, true);
        // -4: the name may have AAAA records only, which nobody asked for
        assertThat(findings(List.of(NS1), Map.of(), List.of(), new HostAnswers(OTHER, nodataA, null))).isEmpty();
        NameLookups.Answer nodataAaaa = new NameLookups.Answer(Replies.nodata(new Question(OTHER, Type.AAAA), SOA),
                PROVIDER, true);
        assertThat(findings(List.of(NS1), Map.of(), List.of(), new HostAnswers(OTHER, nodataA, nodataAaaa)))
                .containsExactly("NS_NAME_UNRESOLVABLE ns.provider.net");
        assertThat(findings(List.of(NS1), Map.of(), List.of(), new HostAnswers(OTHER, nxdomain(OTHER, Type.A), null)))
                .containsExactly("NS_NAME_UNRESOLVABLE ns.provider.net");
    }

    @Test
    void outOfBailiwickGlueIsComparedWithTheNamesOwnZonePerFamilyAsked() {
        List<Name> parent = List.of(NS1, OTHER);
        HostAnswers onlyA = new HostAnswers(OTHER, answer(OTHER, Type.A, "ns.provider.net. 300 IN A 192.0.2.53"), null);
        assertThat(findings(parent, Map.of(OTHER, List.of(FakeNetwork.ip("192.0.2.53"))), List.of(), onlyA)).isEmpty();
        assertThat(findings(parent, Map.of(OTHER, List.of(FakeNetwork.ip("192.0.2.99"))), List.of(), onlyA))
                .containsExactly("GLUE_MISMATCH ns.provider.net 192.0.2.99");
        // AAAA glue where no AAAA was looked up (-4) is not judged
        assertThat(findings(parent, Map.of(OTHER, List.of(FakeNetwork.ip("2001:db8::53"))), List.of(), onlyA))
                .isEmpty();
    }

    @Test
    void outOfBailiwickNameServerThatIsAnAliasIsNsIsCname() {
        HostAnswers alias = new HostAnswers(OTHER,
                answer(OTHER, Type.A, "ns.provider.net. 300 IN CNAME real.provider.net.",
                        "real.provider.net. 300 IN A 192.0.2.53"), null);
        assertThat(findings(List.of(NS1, OTHER), Map.of(), List.of(), alias))
                .containsExactly("NS_IS_CNAME ns.provider.net");
    }

    @Test
    void primaryThatIsSilentOrRefusesIsNotAuthoritativeOneThatAnswersIsNot() {
        Question soa = new Question(ZONE, Type.SOA);
        ServerProbes silent = new ServerProbes("hidden.example.com", FakeNetwork.ip("192.0.2.7"),
                Map.of(Probe.MNAME_SOA, exchange("192.0.2.7", ZONE, Type.SOA, null)));
        ServerProbes refuses = new ServerProbes("hidden.example.com", FakeNetwork.ip("192.0.2.8"),
                Map.of(Probe.MNAME_SOA, exchange("192.0.2.8", ZONE, Type.SOA, Replies.rcode(soa, Rcode.REFUSED))));
        ServerProbes answers = new ServerProbes("hidden.example.com", FakeNetwork.ip("192.0.2.9"),
                Map.of(Probe.MNAME_SOA, exchange("192.0.2.9", ZONE, Type.SOA, Replies.answer(soa,
                        "example.com. 300 IN SOA hidden.example.com. hostmaster.example.com. 1 3600 900 604800 300"))));
        HostAnswers any = new HostAnswers(OTHER, nxdomain(OTHER, Type.A), null);
        assertThat(findings(List.of(NS1), Map.of(), List.of(silent, refuses, answers), any)).containsExactly(
                "NS_NAME_UNRESOLVABLE ns.provider.net",
                "SOA_MNAME_NOT_AUTHORITATIVE hidden.example.com 192.0.2.7",
                "SOA_MNAME_NOT_AUTHORITATIVE hidden.example.com 192.0.2.8");
    }

    private static Message soaReply(long serial) {
        return Replies.answer(new Question(ZONE, Type.SOA), "example.com. 300 IN SOA hidden.example.com. "
                + "hostmaster.example.com. " + serial + " 3600 900 604800 300");
    }

    /** The primary at 192.0.2.7 answering serial {@code primary}; the zone's two servers answering the others. */
    private static List<String> serialFindings(long primary, long ns1, long ns2) {
        ServerProbes child1 = new ServerProbes("ns1.example.com", FakeNetwork.ip("192.0.2.1"),
                Map.of(Probe.SOA, exchange("192.0.2.1", ZONE, Type.SOA, soaReply(ns1))));
        // a server without EDNS: its serial comes from the TCP probe
        ServerProbes child2 = new ServerProbes("ns2.example.com", FakeNetwork.ip("192.0.2.2"),
                Map.of(Probe.SOA, exchange("192.0.2.2", ZONE, Type.SOA, null),
                        Probe.SOA_TCP, exchange("192.0.2.2", ZONE, Type.SOA, soaReply(ns2))));
        ServerProbes hidden = new ServerProbes("hidden.example.com", FakeNetwork.ip("192.0.2.7"),
                Map.of(Probe.MNAME_SOA, exchange("192.0.2.7", ZONE, Type.SOA, soaReply(primary))));
        CutProbes cut = new CutProbes(ZONE, List.of(NS1), Map.of(), List.of(), List.of(child1, child2),
                List.of(hidden));
        FindingCollector out = new FindingCollector();
        HostNameFindings.find(new ProbeResults(List.of(cut), 0,
                Map.of(OTHER, new HostAnswers(OTHER, answer(OTHER, Type.A, "ns.provider.net. 300 IN A 192.0.2.99"),
                        null))), out);
        return out.findings().stream().map(f -> f.code() + " " + f.address().getHostAddress() + ": " + f.message()
                + " " + f.evidence()).toList();
    }

    @Test
    void primaryWithAnOlderSerialThanAServerOfTheZoneIsBehindByRfc1982() {
        assertThat(serialFindings(6, 5, 7)).containsExactly("SOA_MNAME_SERIAL_BEHIND 192.0.2.7: is the SOA MNAME "
                + "(primary) of example.com. but serves serial 6, older than 7 on a server of the zone [serial 6 from "
                + "the primary hidden.example.com (192.0.2.7), serial 7 from ns2.example.com (192.0.2.2), "
                + "dig +norec +noedns @192.0.2.7 example.com. SOA]");
        assertThat(serialFindings(5, 7, 7)).singleElement().asString()
                .contains("serves serial 5, older than 7", "serial 7 from ns1.example.com", "serial 7 from ns2");
        // the same serial, or a primary ahead (normal while a change is being transferred): silent
        assertThat(serialFindings(7, 7, 7)).isEmpty();
        assertThat(serialFindings(8, 7, 6)).isEmpty();
        // RFC 1982: 7 is 8 steps past 4294967295, so the primary is behind although its number is larger ...
        assertThat(serialFindings(4294967295L, 7, 7)).singleElement().asString()
                .contains("serves serial 4294967295, older than 7");
        // ... and 3 is ahead of 4294967290
        assertThat(serialFindings(3, 4294967290L, 4294967290L)).isEmpty();
    }
}
