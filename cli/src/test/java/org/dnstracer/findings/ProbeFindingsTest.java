package org.dnstracer.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.InetAddress;
import java.time.Duration;
import java.util.EnumMap;
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
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** The findings of probe replies written out by hand: the analysis alone, no network. */
class ProbeFindingsTest {
    private static final Name ZONE = Name.fromConstantString("example.com.");

    private static Message withOpt(Message m) {
        m.addRecord(new OPTRecord(1232, 0, 0, 0), Section.ADDITIONAL);
        return m;
    }

    private static Message soa(long serial, String rname) {
        return withOpt(Replies.answer(new Question(ZONE, Type.SOA),
                "example.com. 300 IN SOA ns1.example.com. " + rname + ".example.com. " + serial + " 3600 900 604800 300"));
    }

    private static Exchange exchange(String address, Message reply) {
        ServerAddress to = new ServerAddress(FakeNetwork.ip(address), 53);
        Message sent = Message.newQuery(org.xbill.DNS.Record.newRecord(ZONE, Type.SOA, org.xbill.DNS.DClass.IN));
        Attempt a = new Attempt(Protocol.UDP, sent, Duration.ofSeconds(1), Duration.ofMillis(1),
                reply == null ? AttemptResult.TIMEOUT : AttemptResult.REPLY, reply, 0, List.of(), null);
        return new Exchange(to, ZONE, Type.SOA, reply, List.of(a), false);
    }

    private static final class Server {
        final String name;
        final String address;
        final Map<Probe, Exchange> probes = new EnumMap<>(Probe.class);

        Server(String name, String address) {
            this.name = name;
            this.address = address;
        }

        Server with(Probe probe, Message reply) {
            probes.put(probe, exchange(address, reply));
            return this;
        }

        /** The probe as sent ({@code sent}: its OPT record or none) over {@code protocol}, and its reply. */
        Server with(Probe probe, Message sent, Protocol protocol, Message reply) {
            Attempt a = new Attempt(protocol, sent, Duration.ofSeconds(1), Duration.ofMillis(1),
                    reply.getHeader().getFlag(org.xbill.DNS.Flags.TC) && protocol == Protocol.UDP
                            ? AttemptResult.TRUNCATED : AttemptResult.REPLY, reply, 0, List.of(), null);
            Record q = sent.getQuestion();
            probes.put(probe, new Exchange(new ServerAddress(FakeNetwork.ip(address), 53), q.getName(), q.getType(),
                    reply, List.of(a), false));
            return this;
        }

        ServerProbes done() {
            return new ServerProbes(name, FakeNetwork.ip(address), probes);
        }
    }

    private static List<Finding> findings(Map<Name, List<InetAddress>> glue, Server... children) {
        List<ServerProbes> list = java.util.Arrays.stream(children).map(Server::done).toList();
        ProbeResults results = new ProbeResults(List.of(new CutProbes(ZONE,
                List.of(Name.fromConstantString("ns1.example.com."), Name.fromConstantString("ns2.example.com.")),
                glue, List.of(), list)), 0);
        FindingCollector out = new FindingCollector();
        ProbeFindings.find(results, out);
        return out.findings();
    }

    private static Message ns(String... targets) {
        Question q = new Question(ZONE, Type.NS);
        String[] lines = java.util.Arrays.stream(targets).map(t -> "example.com. 300 IN NS " + t).toArray(String[]::new);
        return withOpt(Replies.answer(q, lines));
    }

    private static Message recursion(int rcode, boolean aa, boolean ra) {
        Message m = Replies.rcode(new Question(Checker.RECURSION_PROBE, Type.A), rcode);
        if (aa) {
            m.getHeader().setFlag(org.xbill.DNS.Flags.AA);
        } else {
            m.getHeader().unsetFlag(org.xbill.DNS.Flags.AA);
        }
        if (ra) {
            m.getHeader().setFlag(org.xbill.DNS.Flags.RA);
        }
        return m;
    }

    @Test
    void olderSerialWithTheSameDataIsOnlyANoticeEvenAcrossTheWrap() {
        List<Finding> found = findings(Map.of(),
                new Server("ns1.example.com", "127.0.2.1").with(Probe.SOA, soa(4294967295L, "hostmaster")),
                new Server("ns2.example.com", "127.0.2.2").with(Probe.SOA, soa(2, "hostmaster")),
                new Server("ns3.example.com", "127.0.2.3").with(Probe.SOA, soa(2, "hostmaster")));
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.SOA_SERIAL_ONLY_MISMATCH);
            assertThat(f.severity()).isEqualTo(Severity.NOTICE);
            assertThat(f.server()).isEqualTo("ns1.example.com");
            assertThat(f.message()).isEqualTo("serves example.com. with serial 4294967295, older than 2 "
                    + "(ns2.example.com (127.0.2.2), ns3.example.com (127.0.2.3)); the data compared is the same");
            assertThat(f.evidence()).containsExactly("serial 4294967295 from ns1.example.com (127.0.2.1)",
                    "serial 2 from ns2.example.com (127.0.2.2), ns3.example.com (127.0.2.3)");
        });
    }

    @Test
    void olderSerialWithAnotherNsSetIsAStaleSecondaryWarning() {
        assertThat(findings(Map.of(),
                new Server("ns1.example.com", "127.0.2.1").with(Probe.SOA, soa(8, "hostmaster"))
                        .with(Probe.NS, ns("ns1.example.com.", "ns2.example.com.")),
                new Server("ns2.example.com", "127.0.2.2").with(Probe.SOA, soa(7, "hostmaster"))
                        .with(Probe.NS, ns("ns1.example.com.", "ns2.example.com.", "ns9.example.com."))))
                .extracting(Finding::code, Finding::severity, Finding::server)
                .contains(tuple(FindingCode.SOA_SERIAL_MISMATCH, Severity.WARNING, "ns2.example.com"))
                .noneMatch(t -> t.toList().contains(FindingCode.SOA_SERIAL_ONLY_MISMATCH));
    }

    @Test
    void recursionIsOnlyNamedWhenTheServerReallyResolves() {
        // RA=1 with REFUSED: advertised, not given (Zonemaster's NAMESERVER01 would still call it a recursor)
        assertThat(findings(Map.of(),
                new Server("ns1.example.com", "127.0.2.1").with(Probe.RECURSION, recursion(Rcode.REFUSED, false, true)),
                new Server("ns2.example.com", "127.0.2.2").with(Probe.RECURSION, recursion(Rcode.SERVFAIL, false, true)),
                new Server("ns3.example.com", "127.0.2.3").with(Probe.RECURSION, recursion(Rcode.NXDOMAIN, true, false)),
                new Server("ns4.example.com", "127.0.2.4").with(Probe.RECURSION, recursion(Rcode.NXDOMAIN, false, true)),
                new Server("ns5.example.com", "127.0.2.5").with(Probe.RECURSION, recursion(Rcode.NXDOMAIN, false, false))))
                .extracting(Finding::code, Finding::server)
                .containsExactly(tuple(FindingCode.RECURSION_AVAILABLE, "ns4.example.com"),
                        tuple(FindingCode.RECURSION_AVAILABLE, "ns5.example.com"));
    }

    @Test
    void otherSoaFieldsBlameTheMinority() {
        assertThat(findings(Map.of(),
                new Server("ns1.example.com", "127.0.2.1").with(Probe.SOA, soa(7, "hostmaster")),
                new Server("ns2.example.com", "127.0.2.2").with(Probe.SOA, soa(7, "dnsadmin")),
                new Server("ns3.example.com", "127.0.2.3").with(Probe.SOA, soa(7, "dnsadmin"))))
                .extracting(Finding::code, Finding::server)
                .containsExactly(tuple(FindingCode.SOA_FIELDS_MISMATCH, "ns1.example.com"));
    }

    @Test
    void tcpIsOnlyBlamedOnServersThatAnswerOverUdp() {
        assertThat(findings(Map.of(),
                new Server("ns1.example.com", "127.0.2.1").with(Probe.SOA, soa(7, "h")).with(Probe.SOA_TCP, null),
                new Server("ns2.example.com", "127.0.2.2").with(Probe.SOA, null).with(Probe.SOA_TCP, null)))
                .extracting(Finding::code, Finding::server)
                .containsExactly(tuple(FindingCode.UNRESPONSIVE_TCP, "ns1.example.com"));
    }

    @Test
    void missingBadversIsOnlyNamedWhereEdnsWorksAtAll() {
        Message formerr = Replies.rcode(new Question(ZONE, Type.SOA), Rcode.FORMERR);
        Message plainAnswer = soa(7, "h");
        assertThat(findings(Map.of(),
                new Server("ns1.example.com", "127.0.2.1").with(Probe.SOA, soa(7, "h")).with(Probe.SOA_EDNS1, plainAnswer),
                new Server("ns2.example.com", "127.0.2.2").with(Probe.SOA, formerr).with(Probe.SOA_EDNS1, formerr)))
                .extracting(Finding::code, Finding::server)
                .containsExactly(tuple(FindingCode.EDNS_BADVERS_MISSING, "ns1.example.com"),
                        tuple(FindingCode.EDNS_NOT_SUPPORTED, "ns2.example.com"));
    }

    private static Message withOpt(Message m, OPTRecord opt) {
        m.addRecord(opt, Section.ADDITIONAL);
        return m;
    }

    private static Message plainSoa() {
        return Replies.answer(new Question(ZONE, Type.SOA),
                "example.com. 300 IN SOA ns1.example.com. h.example.com. 7 3600 900 604800 300");
    }

    @Test
    void unknownEdnsOptionMustBeIgnoredNotEchoedNorRefused() {
        OPTRecord echo = new OPTRecord(1232, 0, 0, 0,
                List.of(new org.xbill.DNS.GenericEDNSOption(Checker.UNKNOWN_OPTION, new byte[0])));
        Message formerr = withOpt(Replies.rcode(new Question(ZONE, Type.SOA), Rcode.FORMERR));
        List<Finding> found = findings(Map.of(),
                new Server("ns1.example.com", "127.0.2.1").with(Probe.SOA, soa(7, "h"))
                        .with(Probe.SOA_EDNS_OPTION, withOpt(plainSoa(), echo)),
                new Server("ns2.example.com", "127.0.2.2").with(Probe.SOA, soa(7, "h"))
                        .with(Probe.SOA_EDNS_OPTION, formerr),
                new Server("ns3.example.com", "127.0.2.3").with(Probe.SOA, soa(7, "h"))
                        .with(Probe.SOA_EDNS_OPTION, null),
                new Server("ns4.example.com", "127.0.2.4").with(Probe.SOA, soa(7, "h"))
                        .with(Probe.SOA_EDNS_OPTION, soa(7, "h")));
        assertThat(found).extracting(Finding::code, Finding::server).containsExactly(
                tuple(FindingCode.EDNS_UNKNOWN_OPTION_MISHANDLED, "ns1.example.com"),
                tuple(FindingCode.EDNS_UNKNOWN_OPTION_MISHANDLED, "ns2.example.com"),
                tuple(FindingCode.EDNS_UNKNOWN_OPTION_MISHANDLED, "ns3.example.com"));
        assertThat(found.get(0).message()).contains("echoed the option back");
        assertThat(found.get(1).message()).contains("FORMERR");
        assertThat(found.get(2).message()).contains("did not answer (timeout)");
        assertThat(found.get(0).evidence()).containsExactly(
                "dig @127.0.2.1 example.com. SOA +norec +edns=0 +noednsneg +ednsopt=100");
    }

    @Test
    void undefinedEdnsFlagMustBeClearedInTheReply() {
        List<Finding> found = findings(Map.of(),
                new Server("ns1.example.com", "127.0.2.1").with(Probe.SOA, soa(7, "h"))
                        .with(Probe.SOA_EDNS_FLAG, withOpt(plainSoa(), new OPTRecord(1232, 0, 0, 0x80))),
                new Server("ns2.example.com", "127.0.2.2").with(Probe.SOA, soa(7, "h"))
                        .with(Probe.SOA_EDNS_FLAG, soa(7, "h")));
        assertThat(found).extracting(Finding::code, Finding::server)
                .containsExactly(tuple(FindingCode.EDNS_UNKNOWN_FLAG_MISHANDLED, "ns1.example.com"));
        assertThat(found.get(0).evidence())
                .containsExactly("dig @127.0.2.1 example.com. SOA +norec +edns=0 +noednsneg +ednsflags=0x80");
    }

    @Test
    void ednsProbesAreNotJudgedOnAServerWithoutEdns() {
        Message formerr = Replies.rcode(new Question(ZONE, Type.SOA), Rcode.FORMERR);
        assertThat(findings(Map.of(),
                new Server("ns1.example.com", "127.0.2.1").with(Probe.SOA, formerr)
                        .with(Probe.SOA_EDNS_OPTION, formerr).with(Probe.SOA_EDNS_FLAG, formerr)))
                .extracting(Finding::code).containsExactly(FindingCode.EDNS_NOT_SUPPORTED);
    }

    @Test
    void unknownOpcodeMustGetNotimpNotSilenceNorAnotherRcode() {
        Message notimp = Replies.rcode(new Question(ZONE, Type.SOA), Rcode.NOTIMP);
        List<Finding> found = findings(Map.of(),
                new Server("ns1.example.com", "127.0.2.1").with(Probe.SOA, soa(7, "h"))
                        .with(Probe.UNKNOWN_OPCODE, null),
                new Server("ns2.example.com", "127.0.2.2").with(Probe.SOA, soa(7, "h"))
                        .with(Probe.UNKNOWN_OPCODE, plainSoa()),
                new Server("ns3.example.com", "127.0.2.3").with(Probe.SOA, soa(7, "h"))
                        .with(Probe.UNKNOWN_OPCODE, notimp),
                // silent to everything: the trace already says so, no opcode finding on top
                new Server("ns4.example.com", "127.0.2.4").with(Probe.SOA, null).with(Probe.UNKNOWN_OPCODE, null));
        assertThat(found).extracting(Finding::code, Finding::server).containsExactly(
                tuple(FindingCode.UNKNOWN_OPCODE_NOT_NOTIMP, "ns1.example.com"),
                tuple(FindingCode.UNKNOWN_OPCODE_NOT_NOTIMP, "ns2.example.com"));
        assertThat(found.get(0).message()).contains("no reply (timeout)");
        assertThat(found.get(1).message()).contains("with NOERROR instead of NOTIMP");
        assertThat(found.get(0).evidence()).containsExactly("dig @127.0.2.1 example.com. SOA +norec +noedns +opcode=15");
    }

    @Test
    void aaaaAndUnknownTypeOfANameWithARecordsMustBeNodataNotNxdomainNorSilence() {
        Name ns1 = Name.fromConstantString("ns1.example.com.");
        Name ns2 = Name.fromConstantString("ns2.example.com.");
        Message a1 = Replies.answer(new Question(ns1, Type.A), "ns1.example.com. 300 IN A 127.0.2.1");
        Message a2 = Replies.answer(new Question(ns2, Type.A), "ns2.example.com. 300 IN A 127.0.2.2");
        Message nxdomain = Replies.rcode(new Question(ns1, Type.AAAA), Rcode.NXDOMAIN);
        Message nodata = Replies.rcode(new Question(ns2, Type.AAAA), Rcode.NOERROR);
        List<Finding> found = findings(Map.of(),
                new Server("ns1.example.com", "127.0.2.1").with(Probe.ADDRESS_A, a1)
                        .with(Probe.ADDRESS_AAAA, nxdomain).with(Probe.UNKNOWN_TYPE, null),
                new Server("ns2.example.com", "127.0.2.2").with(Probe.ADDRESS_A, a2)
                        .with(Probe.ADDRESS_AAAA, nodata).with(Probe.UNKNOWN_TYPE, nodata));
        assertThat(found).extracting(Finding::code, Finding::server).containsExactly(
                tuple(FindingCode.AAAA_QUERY_MISHANDLED, "ns1.example.com"),
                tuple(FindingCode.UNKNOWN_TYPE_MISHANDLED, "ns1.example.com"));
        assertThat(found.get(0).message()).contains("answered NXDOMAIN");
        assertThat(found.get(1).message()).contains("did not answer (timeout)");
        assertThat(found.get(1).evidence()).containsExactly(
                "dig @127.0.2.1 ns1.example.com. TYPE65280 +norec +edns=0");
    }

    @Test
    void otherTypesAreNotJudgedWhenTheNameHasNoARecords() {
        Name ns1 = Name.fromConstantString("ns1.example.com.");
        Message nxdomain = Replies.rcode(new Question(ns1, Type.A), Rcode.NXDOMAIN);
        assertThat(findings(Map.of(), new Server("ns1.example.com", "127.0.2.1").with(Probe.ADDRESS_A, nxdomain)
                .with(Probe.ADDRESS_AAAA, Replies.rcode(new Question(ns1, Type.AAAA), Rcode.NXDOMAIN))
                .with(Probe.UNKNOWN_TYPE, null))).isEmpty();
    }

    @Test
    void aDisclosedSoftwareVersionIsANoticeWithTheString() {
        Question q = new Question(Checker.VERSION_BIND, Type.TXT);
        Message disclosed = new Message();
        disclosed.getHeader().setFlag(org.xbill.DNS.Flags.QR);
        disclosed.addRecord(org.xbill.DNS.Record.newRecord(Checker.VERSION_BIND, Type.TXT, org.xbill.DNS.DClass.CH),
                Section.QUESTION);
        disclosed.addRecord(new org.xbill.DNS.TXTRecord(Checker.VERSION_BIND, org.xbill.DNS.DClass.CH, 0,
                "9.18.28-1~deb12u2-Debian"), Section.ANSWER);
        List<Finding> found = findings(Map.of(),
                new Server("ns1.example.com", "127.0.2.1").with(Probe.VERSION_BIND, disclosed),
                new Server("ns2.example.com", "127.0.2.2").with(Probe.VERSION_BIND, Replies.rcode(q, Rcode.REFUSED)),
                new Server("ns3.example.com", "127.0.2.3").with(Probe.VERSION_BIND, null));
        assertThat(found).extracting(Finding::code, Finding::server)
                .containsExactly(tuple(FindingCode.SOFTWARE_VERSION_DISCLOSED, "ns1.example.com"));
        assertThat(found.get(0).code().severity()).isEqualTo(org.dnstracer.findings.Severity.NOTICE);
        assertThat(found.get(0).message()).contains("\"9.18.28-1~deb12u2-Debian\"");
        assertThat(found.get(0).evidence()).containsExactly("dig @127.0.2.1 version.bind. CH TXT +norec +edns=0");
    }

    private static Exchange asked(String address, Name qname, Message reply) {
        ServerAddress to = new ServerAddress(FakeNetwork.ip(address), 53);
        Message sent = Message.newQuery(org.xbill.DNS.Record.newRecord(qname, Type.SOA, org.xbill.DNS.DClass.IN));
        Attempt a = new Attempt(Protocol.UDP, sent, Duration.ofSeconds(1), Duration.ofMillis(1), AttemptResult.REPLY,
                reply, 0, List.of(), null);
        return new Exchange(to, qname, Type.SOA, reply, List.of(a), false);
    }

    @Test
    void theQuestionsLetterCaseMustBeKept() {
        Name mixed = Checker.mixedCase(ZONE);
        assertThat(mixed.toString()).isEqualTo("ExAmPlE.cOm.");
        Message lower = soa(7, "h");
        Message kept = withOpt(Replies.answer(new Question(mixed, Type.SOA),
                "example.com. 300 IN SOA ns1.example.com. h.example.com. 7 3600 900 604800 300"));
        ServerProbes ns1 = new ServerProbes("ns1.example.com", FakeNetwork.ip("127.0.2.1"),
                Map.of(Probe.QNAME_CASE, asked("127.0.2.1", mixed, lower)));
        ServerProbes ns2 = new ServerProbes("ns2.example.com", FakeNetwork.ip("127.0.2.2"),
                Map.of(Probe.QNAME_CASE, asked("127.0.2.2", mixed, kept)));
        FindingCollector out = new FindingCollector();
        ProbeFindings.find(new ProbeResults(List.of(new CutProbes(ZONE, List.of(), Map.of(), List.of(),
                List.of(ns1, ns2))), 0), out);
        assertThat(out.findings()).extracting(Finding::code, Finding::server)
                .containsExactly(tuple(FindingCode.QNAME_CASE_NOT_PRESERVED, "ns1.example.com"));
        assertThat(out.findings().get(0).evidence()).containsExactly("dig @127.0.2.1 ExAmPlE.cOm. SOA +norec +edns=0");
    }

    @Test
    void nameServerNameThatIsACnameIsNotAlsoAGlueMismatch() {
        Question a = new Question(Name.fromConstantString("ns2.example.com."), Type.A);
        Message cname = Replies.answer(a, "ns2.example.com. 300 IN CNAME real.example.com.",
                "real.example.com. 300 IN A 127.0.2.2");
        Message wrong = Replies.answer(new Question(Name.fromConstantString("ns1.example.com."), Type.A),
                "ns1.example.com. 300 IN A 127.0.2.9");
        Map<Name, List<InetAddress>> glue = Map.of(
                Name.fromConstantString("ns1.example.com."), List.of(FakeNetwork.ip("127.0.2.1")),
                Name.fromConstantString("ns2.example.com."), List.of(FakeNetwork.ip("127.0.2.2")));
        List<Finding> found = findings(glue,
                new Server("ns1.example.com", "127.0.2.1").with(Probe.ADDRESS_A, wrong),
                new Server("ns2.example.com", "127.0.2.2").with(Probe.ADDRESS_A, cname));
        assertThat(found).extracting(Finding::code, Finding::server).containsExactly(
                tuple(FindingCode.GLUE_MISMATCH, "ns1.example.com"), tuple(FindingCode.NS_IS_CNAME, "ns2.example.com"));
        assertThat(found.get(0).message()).isEqualTo("the parent's glue says 127.0.2.1, the zone itself says 127.0.2.9");
    }

    @Test
    void serialArithmeticFollowsRfc1982() {
        assertThat(ProbeFindings.newer(1, 0xFFFFFFFFL)).isTrue();
        assertThat(ProbeFindings.newer(0xFFFFFFFFL, 1)).isFalse();
        assertThat(ProbeFindings.newer(5, 5)).isFalse();
        assertThat(ProbeFindings.newer(2026120201L, 2026110101L)).isTrue();
    }

    private static Message withDo(Message m) {
        m.addRecord(new OPTRecord(1232, 0, 0, org.xbill.DNS.ExtendedFlags.DO), Section.ADDITIONAL);
        return m;
    }

    /** A server that answers plain EDNS: the precondition of every EDNS probe's judgement. */
    private static Server ednsServer(String name, String address) {
        return new Server(name, address).with(Probe.SOA, soa(7, "h")).with(Probe.SOA_TCP, soa(7, "h"));
    }

    @Test
    void theDoBitMustComeBackAndQueriesWithItBeAnswered() {
        Message formerr = Replies.rcode(new Question(ZONE, Type.SOA), Rcode.FORMERR);
        List<Finding> found = findings(Map.of(),
                ednsServer("ns1.example.com", "127.0.2.1").with(Probe.SOA_DO, soa(7, "h")),
                ednsServer("ns2.example.com", "127.0.2.2").with(Probe.SOA_DO, withDo(plainSoa())),
                ednsServer("ns3.example.com", "127.0.2.3").with(Probe.SOA_DO, null),
                // no EDNS at all: EDNS_NOT_SUPPORTED says it, the DO probe is not judged on top
                new Server("ns4.example.com", "127.0.2.4").with(Probe.SOA, formerr).with(Probe.SOA_DO, formerr));
        assertThat(found).extracting(Finding::code, Finding::server).containsExactly(
                tuple(FindingCode.EDNS_DO_MISHANDLED, "ns1.example.com"),
                tuple(FindingCode.EDNS_DO_MISHANDLED, "ns3.example.com"),
                tuple(FindingCode.EDNS_NOT_SUPPORTED, "ns4.example.com"));
        assertThat(found.get(0).message()).contains("answered without DO");
        assertThat(found.get(1).message()).contains("did not answer (timeout)");
        assertThat(found.get(0).evidence()).containsExactly("dig @127.0.2.1 example.com. SOA +norec +dnssec +noednsneg");
    }

    @Test
    void dnssecRecordsAreOnlyForQueriesWithDo() {
        Message signed = withOpt(Replies.answer(new Question(ZONE, Type.SOA),
                "example.com. 300 IN SOA ns1.example.com. h.example.com. 7 3600 900 604800 300",
                "example.com. 300 IN RRSIG SOA 13 2 300 20361204060832 20261207060832 38065 example.com. "
                        + "HyFBvOLQqQ5faB+nOqAnsv1V8nNzYxoqd1eQM9f/Ey3FVTAhWeqVk8iVGfwXbVs10qS0VsmSfGsejWEahsSL/w=="));
        List<Finding> found = findings(Map.of(),
                new Server("ns1.example.com", "127.0.2.1").with(Probe.SOA, signed).with(Probe.SOA_TCP, signed),
                new Server("ns2.example.com", "127.0.2.2").with(Probe.SOA, soa(7, "h")).with(Probe.SOA_DO,
                        withDo(plainSoa())));
        assertThat(found).extracting(Finding::code, Finding::server)
                .containsExactly(tuple(FindingCode.DNSSEC_RECORDS_WITHOUT_DO, "ns1.example.com"));
        assertThat(found.get(0).code().severity()).isEqualTo(Severity.NOTICE);
        assertThat(found.get(0).message()).isEqualTo("added RRSIG records to its reply to a SOA query without DO");
        assertThat(found.get(0).evidence())
                .containsExactly("dig @127.0.2.1 example.com. SOA +norec +edns=0 +nodnssec +noednsneg");
    }

    @Test
    void ednsOverTcpMustBeAnsweredWithOptAndIsToldApartFromNoTcpAtAll() {
        Message formerr = Replies.rcode(new Question(ZONE, Type.SOA), Rcode.FORMERR);
        List<Finding> found = findings(Map.of(),
                new Server("ns1.example.com", "127.0.2.1").with(Probe.SOA, soa(7, "h")).with(Probe.SOA_TCP, formerr),
                new Server("ns2.example.com", "127.0.2.2").with(Probe.SOA, soa(7, "h")).with(Probe.SOA_TCP, null)
                        .with(Probe.SOA_TCP_PLAIN, plainSoa()),
                new Server("ns3.example.com", "127.0.2.3").with(Probe.SOA, soa(7, "h")).with(Probe.SOA_TCP, null)
                        .with(Probe.SOA_TCP_PLAIN, null),
                new Server("ns4.example.com", "127.0.2.4").with(Probe.SOA, soa(7, "h")).with(Probe.SOA_TCP, soa(7, "h")),
                new Server("ns5.example.com", "127.0.2.5").with(Probe.SOA, soa(7, "h")).with(Probe.SOA_TCP, plainSoa()));
        assertThat(found).extracting(Finding::code, Finding::server).containsExactly(
                tuple(FindingCode.EDNS_OVER_TCP_MISHANDLED, "ns1.example.com"),
                tuple(FindingCode.EDNS_OVER_TCP_MISHANDLED, "ns2.example.com"),
                tuple(FindingCode.UNRESPONSIVE_TCP, "ns3.example.com"),
                tuple(FindingCode.EDNS_OVER_TCP_MISHANDLED, "ns5.example.com"));
        assertThat(found.get(0).message()).contains("answered FORMERR");
        assertThat(found.get(1).message()).contains("did not answer (timeout), while the same query without EDNS was "
                + "answered over TCP");
        assertThat(found.get(3).message()).contains("answered without an OPT record");
        assertThat(found.get(0).evidence()).containsExactly("dig @127.0.2.1 example.com. SOA +norec +tcp +edns=0 +noednsneg");
    }

    /** A DNSKEY reply with DO of about 700 octets: two keys of 300 octets. */
    private static Message bigDnskey(boolean truncated) {
        byte[] octets = new byte[300];
        java.util.Arrays.fill(octets, (byte) 3);
        String key = java.util.Base64.getEncoder().encodeToString(octets);
        Message m = withDo(Replies.answer(new Question(ZONE, Type.DNSKEY),
                "example.com. 300 IN DNSKEY 257 3 8 " + key, "example.com. 300 IN DNSKEY 256 3 8 " + key));
        if (truncated) {
            m.removeAllRecords(Section.ANSWER);
            m.getHeader().setFlag(org.xbill.DNS.Flags.TC);
        }
        return m;
    }

    @Test
    void aReplyOverA512OctetBufferMustBeTruncatedThenAnsweredOverTcp() {
        assertThat(bigDnskey(false).toWire().length).isGreaterThan(Checker.SMALL_BUFFER);
        List<Finding> found = findings(Map.of(),
                ednsServer("ns1.example.com", "127.0.2.1").with(Probe.SOA_DO, withDo(plainSoa()))
                        .with(Probe.BUFFER_512, bigDnskey(false)),
                ednsServer("ns2.example.com", "127.0.2.2").with(Probe.SOA_DO, withDo(plainSoa()))
                        .with(Probe.BUFFER_512, bigDnskey(true)).with(Probe.BUFFER_512_TCP, bigDnskey(false)),
                ednsServer("ns3.example.com", "127.0.2.3").with(Probe.SOA_DO, withDo(plainSoa()))
                        .with(Probe.BUFFER_512, bigDnskey(true)).with(Probe.BUFFER_512_TCP, null),
                ednsServer("ns4.example.com", "127.0.2.4").with(Probe.SOA_DO, withDo(plainSoa()))
                        .with(Probe.BUFFER_512, null),
                // fails every query with DO: EDNS_DO_MISHANDLED only, not the buffer probe too
                ednsServer("ns5.example.com", "127.0.2.5").with(Probe.SOA_DO, null).with(Probe.BUFFER_512, null));
        assertThat(found).extracting(Finding::code, Finding::server).containsExactly(
                tuple(FindingCode.EDNS_SMALL_BUFFER_MISHANDLED, "ns1.example.com"),
                tuple(FindingCode.UNRESPONSIVE_TCP, "ns3.example.com"),
                tuple(FindingCode.EDNS_SMALL_BUFFER_MISHANDLED, "ns4.example.com"),
                tuple(FindingCode.EDNS_DO_MISHANDLED, "ns5.example.com"));
        assertThat(found.get(0).message()).contains("sent " + bigDnskey(false).toWire().length + " octets without TC=1");
        assertThat(found.get(0).evidence())
                .containsExactly("dig @127.0.2.1 example.com. DNSKEY +norec +dnssec +bufsize=512 +noednsneg +ignore");
        // a truncating server without TCP is a TCP finding (issue 21 item 3), with the query that shows it
        assertThat(found.get(1).message()).contains("TC=1", "did not answer the same query over TCP");
        assertThat(found.get(1).evidence())
                .containsExactly("dig @127.0.2.3 example.com. DNSKEY +norec +dnssec +bufsize=512 +noednsneg +tcp");
        assertThat(found.get(2).message()).contains("did not answer (timeout)");
    }

    /** The query a probe sends: {@code type} of the zone, with an OPT record of this buffer and flags, or none. */
    private static Message query(int type, int buffer, int flags) {
        Message m = Message.newQuery(Record.newRecord(ZONE, type, org.xbill.DNS.DClass.IN));
        if (buffer > 0) {
            m.addRecord(new OPTRecord(buffer, 0, 0, flags), Section.ADDITIONAL);
        }
        return m;
    }

    private static Message withoutOpt(Message m) {
        m.removeAllRecords(Section.ADDITIONAL);
        return m;
    }

    @Test
    void aTruncatedReplyToAnEdnsQueryMustCarryAnOptRecord() {
        Message buffer512 = query(Type.DNSKEY, Checker.SMALL_BUFFER, org.xbill.DNS.ExtendedFlags.DO);
        Message truncatedNs = withoutOpt(ns("ns1.example.com."));
        truncatedNs.removeAllRecords(Section.ANSWER);
        truncatedNs.getHeader().setFlag(org.xbill.DNS.Flags.TC);
        Message notimpTruncated = withoutOpt(bigDnskey(true));
        notimpTruncated.getHeader().setRcode(Rcode.NOTIMP);
        Message formerr = Replies.rcode(new Question(ZONE, Type.SOA), Rcode.FORMERR);
        List<Finding> found = findings(Map.of(),
                // the DNSKEY probe with DO and a 512-octet buffer truncated, and the OPT record left out
                ednsServer("ns1.example.com", "127.0.2.1").with(Probe.SOA_DO, withDo(plainSoa()))
                        .with(Probe.BUFFER_512, buffer512, Protocol.UDP, withoutOpt(bigDnskey(true)))
                        .with(Probe.BUFFER_512_TCP, bigDnskey(false)),
                // truncated with its OPT record, as BIND, NSD and Knot do: healthy
                ednsServer("ns2.example.com", "127.0.2.2").with(Probe.SOA_DO, withDo(plainSoa()))
                        .with(Probe.BUFFER_512, buffer512, Protocol.UDP, bigDnskey(true))
                        .with(Probe.BUFFER_512_TCP, bigDnskey(false)),
                // any probe with EDNS counts (here the NS set); a query without EDNS wants no OPT back
                ednsServer("ns3.example.com", "127.0.2.3")
                        .with(Probe.NS, query(Type.NS, 1232, 0), Protocol.UDP, truncatedNs)
                        .with(Probe.UNKNOWN_OPCODE, query(Type.SOA, 0, 0), Protocol.UDP, notimpTruncated),
                // no EDNS at all: EDNS_NOT_SUPPORTED says it, the truncated reply is not judged on top
                new Server("ns4.example.com", "127.0.2.4").with(Probe.SOA, formerr)
                        .with(Probe.BUFFER_512, buffer512, Protocol.UDP, withoutOpt(bigDnskey(true))));
        assertThat(found).extracting(Finding::code, Finding::server).containsExactly(
                tuple(FindingCode.TRUNCATED_REPLY_WITHOUT_OPT, "ns1.example.com"),
                tuple(FindingCode.TRUNCATED_REPLY_WITHOUT_OPT, "ns3.example.com"),
                tuple(FindingCode.EDNS_NOT_SUPPORTED, "ns4.example.com"));
        assertThat(found.get(0).message()).isEqualTo("truncated its reply (TC=1) to an EDNS query for example.com. "
                + "DNSKEY and left out the OPT record; RFC 6891 §7 wants it in a truncated reply too");
        assertThat(found.get(0).evidence())
                .containsExactly("dig @127.0.2.1 example.com. DNSKEY +norec +dnssec +bufsize=512 +noednsneg +ignore");
        assertThat(found.get(1).message()).contains("for example.com. NS and left out");
        assertThat(found.get(1).evidence())
                .containsExactly("dig @127.0.2.3 example.com. NS +norec +bufsize=1232 +noednsneg +ignore");
        assertThat(found.get(0).code().severity()).isEqualTo(Severity.WARNING);
    }
}
