package org.dnstracer.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** The default lab, loaded from the class path as the shaded jar does, answering each scenario as documented. */
class BuiltInLabTest {
    private static final String ROOT = "127.53.0.1";
    private static final String GTLD = "127.53.1.1";
    private static final String NS1_EXAMPLE = "127.53.2.1";
    private static Lab lab;
    private static LabClient client;

    @BeforeAll
    static void start() throws IOException {
        lab = Lab.start(LabDefinition.builtIn(), 0);
        client = new LabClient(lab.port());
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    private static List<String> section(Message m, int section) {
        return m.getSection(section).stream().map(r -> r.rdataToString()).collect(Collectors.toList());
    }

    private static List<Record> of(Message m, int section, int type) {
        return m.getSection(section).stream().filter(r -> r.getType() == type).collect(Collectors.toList());
    }

    @Test
    void builtInLabLoadsFromClasspathWithItsServersInFileOrder() {
        assertThat(lab.port()).isPositive();
        assertThat(lab.servers().get(0).name()).isEqualTo("a.root-servers.net");
        assertThat(lab.server("NS1.Example.COM.").addresses()).extracting(a -> a.getHostAddress())
                .contains("127.53.2.1");
        assertThat(lab.servers()).hasSizeGreaterThan(50);
        assertThat(lab.serverTable()).contains("a.root-servers.net", "127.53.0.1", Integer.toString(lab.port()),
                "refuse", "upward-referral", "silent", "servfail");
    }

    @Test
    void rootHintsNameTheRootServersWithTheirAddresses() {
        List<Record> hints = lab.rootHints();
        assertThat(hints.stream().filter(r -> r.getType() == Type.NS).map(r -> ((NSRecord) r).getTarget().toString()))
                .containsExactly("a.root-servers.net.", "b.root-servers.net.", "c.root-servers.net.");
        assertThat(hints.stream().filter(r -> r.getType() == Type.A).map(Record::rdataToString))
                .containsExactly("127.53.0.1", "127.53.0.2", "127.53.0.3");
        assertThat(hints).allMatch(r -> r.getType() == Type.NS ? r.getName().equals(Name.root) : true);
    }

    @Test
    void rootRefersToComWithGlueAndWithoutAa() throws IOException {
        Message m = client.udp(ROOT, "www.example.com", Type.A);
        assertThat(m.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(m.getHeader().getFlag(Flags.AA)).isFalse();
        assertThat(m.getHeader().getFlag(Flags.RA)).isFalse();
        assertThat(m.getSection(Section.ANSWER)).isEmpty();
        assertThat(section(m, Section.AUTHORITY)).containsExactlyInAnyOrder("a.gtld-servers.net.", "b.gtld-servers.net.");
        assertThat(section(m, Section.ADDITIONAL)).contains("127.53.1.1", "127.53.1.2");
    }

    @Test
    void comRefersToExampleComWithInBailiwickGlueIncludingIpv6() throws IOException {
        Message m = client.udp(GTLD, "www.example.com", Type.A);
        assertThat(m.getHeader().getFlag(Flags.AA)).isFalse();
        assertThat(of(m, Section.AUTHORITY, Type.NS)).hasSize(3);
        assertThat(section(m, Section.ADDITIONAL)).contains("127.53.2.1", "127.53.2.2", "127.53.2.3", "0:0:0:0:0:0:0:1");
    }

    @Test
    void glueless_comGivesNoGlue() throws IOException {
        Message m = client.udp(GTLD, "www.glueless.com", Type.A);
        assertThat(section(m, Section.AUTHORITY)).containsExactlyInAnyOrder("ns1.dns-host.net.", "ns2.dns-host.net.");
        assertThat(m.getSection(Section.ADDITIONAL)).isEmpty();
        Message a = client.udp("127.53.2.10", "www.glueless.com", Type.A);
        assertThat(section(a, Section.ANSWER)).containsExactly("192.0.2.11");
    }

    @Test
    void unknownEdnsVersionGetsBadversWithOneOptRecord() throws IOException {
        Message q = LabClient.query("example.com", Type.SOA);
        q.addRecord(new org.xbill.DNS.OPTRecord(1232, 0, 1, 0), Section.ADDITIONAL);
        Message m = client.udp(NS1_EXAMPLE, q);
        assertThat(m.getRcode()).isEqualTo(org.xbill.DNS.Rcode.BADVERS);
        assertThat(of(m, Section.ADDITIONAL, Type.OPT)).hasSize(1);
    }

    @Test
    void authoritativeAnswerCarriesAa() throws IOException {
        Message m = client.udp(NS1_EXAMPLE, "www.example.com", Type.A);
        assertThat(m.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(m.getHeader().getFlag(Flags.RA)).isFalse();
        assertThat(section(m, Section.ANSWER)).containsExactly("192.0.2.80");
        assertThat(section(client.udp(NS1_EXAMPLE, "www.example.com", Type.AAAA), Section.ANSWER)).containsExactly("2001:db8:0:0:0:0:0:80");
    }

    @Test
    void ns1ExampleComAnswersOnIpv6LoopbackToo() throws IOException {
        assertThat(lab.server("ns1.example.com").addresses()).hasSize(2);
        Message m = client.udp("::1", "www.example.com", Type.A);
        assertThat(section(m, Section.ANSWER)).containsExactly("192.0.2.80");
    }

    @Test
    void apexRecordsAndServiceRecordsAreServed() throws IOException {
        assertThat(section(client.udp(NS1_EXAMPLE, "example.com", Type.MX), Section.ANSWER)).containsExactly("10 mail.example.com.");
        assertThat(of(client.udp(NS1_EXAMPLE, "example.com", Type.TXT), Section.ANSWER, Type.TXT)).hasSize(1);
        assertThat(of(client.udp(NS1_EXAMPLE, "example.com", Type.SOA), Section.ANSWER, Type.SOA)).hasSize(1);
        assertThat(of(client.udp(NS1_EXAMPLE, "example.com", Type.NS), Section.ANSWER, Type.NS)).hasSize(3);
        assertThat(of(client.udp(NS1_EXAMPLE, "example.com", Type.NAPTR), Section.ANSWER, Type.NAPTR)).hasSize(1);
        assertThat(section(client.udp(NS1_EXAMPLE, "_sip._udp.example.com", Type.SRV), Section.ANSWER))
                .containsExactly("10 60 5060 sip.example.com.");
    }

    @Test
    void nxdomainCarriesSoaInAuthority() throws IOException {
        Message m = client.udp(NS1_EXAMPLE, "nope.example.com", Type.A);
        assertThat(m.getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(m.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(of(m, Section.AUTHORITY, Type.SOA)).hasSize(1);
        assertThat(of(m, Section.AUTHORITY, Type.SOA).get(0).getTTL()).isEqualTo(300);
    }

    @Test
    void nodataIsNoerrorWithSoaAndEmptyAnswer() throws IOException {
        Message m = client.udp(NS1_EXAMPLE, "www.example.com", Type.MX);
        assertThat(m.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(m.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(m.getSection(Section.ANSWER)).isEmpty();
        assertThat(of(m, Section.AUTHORITY, Type.SOA)).hasSize(1);
    }

    @Test
    void cnameIsFollowedInsideTheZone() throws IOException {
        Message m = client.udp(NS1_EXAMPLE, "web.example.com", Type.A);
        assertThat(m.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(m.getSection(Section.ANSWER)).extracting(Record::getType).containsExactly(Type.CNAME, Type.A);
        assertThat(((CNAMERecord) m.getSection(Section.ANSWER).get(0)).getTarget().toString()).isEqualTo("www.example.com.");
    }

    @Test
    void cnameChainStopsAtTheZoneEdge() throws IOException {
        Message m = client.udp("127.53.2.40", "www.cname-chain.com", Type.A);
        assertThat(section(m, Section.ANSWER)).containsExactly("alias.chain-target.net.");
        assertThat(section(client.udp("127.53.2.41", "alias.chain-target.net", Type.A), Section.ANSWER))
                .containsExactly("final.example.org.");
        assertThat(section(client.udp("127.53.2.42", "final.example.org", Type.A), Section.ANSWER)).containsExactly("192.0.2.200");
        assertThat(section(client.udp("127.53.2.50", "loop.cname-loop.com", Type.A), Section.ANSWER))
                .containsExactly("loop.cname-loop.net.");
        assertThat(section(client.udp("127.53.2.51", "loop.cname-loop.net", Type.A), Section.ANSWER))
                .containsExactly("loop.cname-loop.com.");
    }

    @Test
    void wildcardSynthesisesTheQueriedName() throws IOException {
        Message m = client.udp(NS1_EXAMPLE, "anything.wild.example.com", Type.A);
        assertThat(m.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(m.getSection(Section.ANSWER)).hasSize(1);
        assertThat(m.getSection(Section.ANSWER).get(0).getName().toString()).isEqualTo("anything.wild.example.com.");
        assertThat(section(m, Section.ANSWER)).containsExactly("192.0.2.99");
    }

    @Test
    void foreignNamesAreRefused() throws IOException {
        Message m = client.udp(NS1_EXAMPLE, "www.example.org", Type.A);
        assertThat(m.getRcode()).isEqualTo(Rcode.REFUSED);
        assertThat(m.getHeader().getFlag(Flags.AA)).isFalse();
        assertThat(client.udp("127.53.2.32", "www.partly-lame.com", Type.A).getRcode()).isEqualTo(Rcode.REFUSED);
    }

    @Test
    void serverWithSeveralZonesAnswersFromTheClosestEnclosingOne() throws IOException {
        // the roots serve "." and arpa: arpa names come from arpa (a referral to in-addr.arpa), not from "."
        Message m = client.udp(ROOT, "80.2.0.192.in-addr.arpa", Type.PTR);
        assertThat(section(m, Section.AUTHORITY)).containsExactlyInAnyOrder("a.in-addr-servers.arpa.", "b.in-addr-servers.arpa.");
        assertThat(section(m, Section.ADDITIONAL)).contains("127.53.1.21");
    }

    @Test
    void reverseZonesAnswerPtrForV4AndV6() throws IOException {
        assertThat(section(client.udp(NS1_EXAMPLE, "80.2.0.192.in-addr.arpa", Type.PTR), Section.ANSWER))
                .containsExactly("www.example.com.");
        String v6 = ReverseMap.fromAddress(LabClient.ip("2001:db8::80")).toString();
        assertThat(section(client.udp(NS1_EXAMPLE, v6, Type.PTR), Section.ANSWER)).containsExactly("www.example.com.");
        assertThat(section(client.udp("127.53.1.21", v6, Type.PTR), Section.AUTHORITY))
                .containsExactlyInAnyOrder("ns1.example.com.", "ns2.example.com.");
    }

    @Test
    void mediumAnswerNeedsEdnsAndBigAnswerNeedsTcp() throws IOException {
        Message plain = client.udp(NS1_EXAMPLE, "medium.example.com", Type.TXT);
        assertThat(plain.getHeader().getFlag(Flags.TC)).isTrue();
        assertThat(plain.getSection(Section.ANSWER)).isEmpty();
        assertThat(plain.getQuestion().getName().toString()).isEqualTo("medium.example.com.");

        Message withEdns = client.udp(NS1_EXAMPLE, LabClient.edns(LabClient.query("medium.example.com", Type.TXT), 1232));
        assertThat(withEdns.getHeader().getFlag(Flags.TC)).isFalse();
        assertThat(withEdns.getSection(Section.ANSWER)).hasSize(3);
        assertThat(withEdns.getOPT()).isNotNull();

        Message big = client.udp(NS1_EXAMPLE, LabClient.edns(LabClient.query("big.example.com", Type.TXT), 1232));
        assertThat(big.getHeader().getFlag(Flags.TC)).isTrue();
        assertThat(big.getSection(Section.ANSWER)).isEmpty();
        assertThat(big.getOPT()).isNotNull();

        Message bigEdns4096 = client.udp(NS1_EXAMPLE, LabClient.edns(LabClient.query("big.example.com", Type.TXT), 4096));
        assertThat(bigEdns4096.getHeader().getFlag(Flags.TC)).isFalse();

        Message tcp = client.tcp(NS1_EXAMPLE, "big.example.com", Type.TXT);
        assertThat(tcp.getHeader().getFlag(Flags.TC)).isFalse();
        assertThat(tcp.getSection(Section.ANSWER)).hasSize(8);
        assertThat(tcp.toWire().length).isGreaterThan(1500);
    }

    @Test
    void axfrIsAllowedForExampleComOnly() throws IOException {
        List<Record> records = client.axfr(NS1_EXAMPLE, "example.com");
        assertThat(records.get(0).getType()).isEqualTo(Type.SOA);
        assertThat(records.get(records.size() - 1).getType()).isEqualTo(Type.SOA);
        assertThat(records).extracting(r -> r.getName().toString()).contains("www.example.com.", "big.example.com.");

        Message refused = client.tcp(GTLD, "com", Type.AXFR);
        assertThat(refused.getRcode()).isEqualTo(Rcode.REFUSED);
        Message reverse = client.tcp(NS1_EXAMPLE, "2.0.192.in-addr.arpa", Type.AXFR);
        assertThat(reverse.getRcode()).isEqualTo(Rcode.REFUSED);
        Message overUdp = client.udp(NS1_EXAMPLE, "example.com", Type.AXFR);
        assertThat(overUdp.getRcode()).isEqualTo(Rcode.FORMERR);
    }

    @Test
    void lameComServersAreEachLameTheirOwnWay() throws IOException {
        assertThat(client.udp("127.53.2.20", "www.lame.com", Type.A).getRcode()).isEqualTo(Rcode.REFUSED);

        Message upward = client.udp("127.53.2.21", "www.lame.com", Type.A);
        assertThat(upward.getHeader().getFlag(Flags.AA)).isFalse();
        assertThat(upward.getSection(Section.AUTHORITY)).allMatch(r -> r.getName().equals(Name.root) && r.getType() == Type.NS);
        assertThat(section(upward, Section.ADDITIONAL)).contains("127.53.0.1");

        Message stale = client.udp("127.53.2.22", "www.lame.com", Type.A);
        assertThat(stale.getHeader().getFlag(Flags.AA)).isFalse();
        assertThat(stale.getSection(Section.AUTHORITY)).allMatch(r -> r.getName().toString().equals("lame.com."));
        assertThat(section(stale, Section.AUTHORITY)).contains("ns3.lame.com.");
    }

    @Test
    void disagreeComServersGiveDifferentSerialsAndAddresses() throws IOException {
        assertThat(section(client.udp("127.53.2.60", "www.disagree.com", Type.A), Section.ANSWER)).containsExactly("192.0.2.61");
        assertThat(section(client.udp("127.53.2.61", "www.disagree.com", Type.A), Section.ANSWER)).containsExactly("192.0.2.62");
        String soa1 = section(client.udp("127.53.2.60", "disagree.com", Type.SOA), Section.ANSWER).get(0);
        String soa2 = section(client.udp("127.53.2.61", "disagree.com", Type.SOA), Section.ANSWER).get(0);
        assertThat(soa1).isNotEqualTo(soa2);
    }

    @Test
    void deepOrgHasSixCutsEachReferringToTheNext() throws IOException {
        String[] servers = {"127.53.1.11", "127.53.3.1", "127.53.3.2", "127.53.3.3", "127.53.3.4", "127.53.3.5"};
        for (int i = 0; i < servers.length; i++) {
            Message m = client.udp(servers[i], "www.e.d.c.b.a.deep.org", Type.A);
            assertThat(m.getHeader().getFlag(Flags.AA)).as("server %s", servers[i]).isFalse();
            assertThat(section(m, Section.ADDITIONAL)).as("glue from %s", servers[i]).containsExactly("127.53.3." + (i + 1));
        }
        Message answer = client.udp("127.53.3.6", "www.e.d.c.b.a.deep.org", Type.A);
        assertThat(answer.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(section(answer, Section.ANSWER)).containsExactly("192.0.2.150");
    }

    @Test
    void wideNetHasThirteenServersWithGlue() throws IOException {
        Message m = client.udp(GTLD, "www.wide.net", Type.A);
        assertThat(of(m, Section.AUTHORITY, Type.NS)).hasSize(13);
        assertThat(of(m, Section.ADDITIONAL, Type.A)).hasSize(13);
        assertThat(section(client.udp("127.53.4.13", "www.wide.net", Type.A), Section.ANSWER)).containsExactly("192.0.2.130");
    }

    @Test
    void timeoutServfailAndLoopScenarios() throws IOException {
        assertThat(section(client.udp("127.53.2.70", "www.timeout.com", Type.A), Section.ANSWER)).containsExactly("192.0.2.70");
        assertThat(new LabClient(lab.port()).timeout(300).udp("127.53.2.71", "www.timeout.com", Type.A)).isNull();
        assertThat(client.udp("127.53.2.80", "www.servfail.com", Type.A).getRcode()).isEqualTo(Rcode.SERVFAIL);
        assertThat(section(client.udp("127.53.2.81", "www.servfail.com", Type.A), Section.ANSWER)).containsExactly("192.0.2.81");

        Message nsLoop = client.udp(GTLD, "www.ns-loop.com", Type.A);
        assertThat(section(nsLoop, Section.AUTHORITY)).containsExactly("ns.ns-loop.net.");
        assertThat(nsLoop.getSection(Section.ADDITIONAL)).isEmpty();

        Message fromNs1 = client.udp("127.53.2.90", "www.referral-loop.com", Type.A);
        assertThat(section(fromNs1, Section.AUTHORITY)).containsExactly("ns2.referral-loop.com.");
        assertThat(fromNs1.getHeader().getFlag(Flags.AA)).isFalse();
        Message fromNs2 = client.udp("127.53.2.91", "www.referral-loop.com", Type.A);
        assertThat(section(fromNs2, Section.AUTHORITY)).containsExactly("ns1.referral-loop.com.");
    }

    @Test
    void recursionDesiredIsEchoedButNeverHonoured() throws IOException {
        Message q = LabClient.query("www.example.com", Type.A);
        q.getHeader().setFlag(Flags.RD);
        Message m = client.udp(ROOT, q);
        assertThat(m.getHeader().getFlag(Flags.RD)).isTrue();
        assertThat(m.getHeader().getFlag(Flags.RA)).isFalse();
        assertThat(m.getSection(Section.ANSWER)).isEmpty();
    }

    @Test
    void theResolverAnswersFromTheWholeLabWithoutAuthorityOrReferral() throws Exception {
        Message chain = client.udp("127.53.30.1", "www.cname-chain.com", Type.A);
        assertThat(chain.getHeader().getFlag(org.xbill.DNS.Flags.RA)).isTrue();
        assertThat(chain.getHeader().getFlag(org.xbill.DNS.Flags.AA)).isFalse();
        assertThat(chain.getSection(org.xbill.DNS.Section.ANSWER)).extracting(r -> r.rdataToString())
                .containsExactly("alias.chain-target.net.", "final.example.org.", "192.0.2.200");
        assertThat(chain.getSection(org.xbill.DNS.Section.AUTHORITY)).isEmpty();
        Message nx = client.udp("127.53.30.1", "nope.example.com", Type.A);
        assertThat(nx.getRcode()).isEqualTo(org.xbill.DNS.Rcode.NXDOMAIN);
        assertThat(nx.getSection(org.xbill.DNS.Section.AUTHORITY)).extracting(r -> r.getType()).containsExactly(Type.SOA);
        assertThat(client.udp("127.53.30.1", "www.lame.com", Type.A).getRcode()).isEqualTo(org.xbill.DNS.Rcode.SERVFAIL);
    }

    @Test
    void theRdOnlyResolverRefusesQueriesWithoutRecursion() throws Exception {
        assertThat(client.udp("127.53.30.2", "www.example.com", Type.A).getRcode())
                .isEqualTo(org.xbill.DNS.Rcode.REFUSED);
        Message recursive = LabClient.query("www.example.com", Type.A);
        recursive.getHeader().setFlag(org.xbill.DNS.Flags.RD);
        assertThat(client.udp("127.53.30.2", recursive).getSection(org.xbill.DNS.Section.ANSWER))
                .extracting(r -> r.rdataToString()).containsExactly("192.0.2.80");
    }
}
