package org.dnstracer.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dnstracer.findings.FindingCode;
import org.dnstracer.findings.Severity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Healthy but unusual zones served by real BIND (ns1), NSD (ns2) and Knot (ns3), as the built-in lab's tricky.org
 * group is by the lab: {@code --check} must give no error and no warning in the zone, only the notices listed.
 * geo.com: NSD answers www from another pool; multi.com: NSD's serial is numbered another way over the same data;
 * content.com: wildcard, empty non-terminal, DNAME, CNAME into example.com and a TXT set only TCP carries, as each
 * server software answers them. Skips (a failure under CI=true) without root or the Debian packages.
 */
class TrickyInteropTest {
    private static InteropLab lab;

    @BeforeAll
    static void startLab() throws Exception {
        Optional<String> missing = InteropLab.missingRequirement();
        Skip.unless(missing);
        lab = InteropLab.start();
    }

    @AfterAll
    static void stopLab() {
        if (lab != null) {
            lab.close();
        }
    }

    /**
     * content.com's DNSKEY set (two RSA-2048 keys) does not fit a 512-octet buffer: BIND, NSD and Knot each truncate
     * it, so the healthy run above meets the probe's TC=1 then TCP on real servers (and must raise nothing).
     */
    @org.junit.jupiter.api.Test
    void realServersTruncateTheDnskeyReplyToA512OctetBuffer() throws Exception {
        for (String server : List.of("127.54.62.1", "127.54.62.2", "127.54.62.3")) {
            Command.Result dig = lab.exec(java.time.Duration.ofSeconds(20), List.of("dig", "@" + server, "content.com",
                    "DNSKEY", "+norec", "+dnssec", "+bufsize=512", "+noednsneg", "+ignore", "+tries=1", "+time=3"));
            assertThat(dig.stdout()).as(dig.stdout()).containsPattern("flags: qr aa tc;");
            // RFC 6891 §7: the truncated reply keeps its OPT record (what TRUNCATED_REPLY_WITHOUT_OPT checks)
            assertThat(dig.stdout()).as(dig.stdout()).contains("OPT PSEUDOSECTION");
            Command.Result tcp = lab.exec(java.time.Duration.ofSeconds(20), List.of("dig", "@" + server, "content.com",
                    "DNSKEY", "+norec", "+dnssec", "+bufsize=512", "+noednsneg", "+tcp", "+tries=1", "+time=3"));
            assertThat(tcp.stdout()).as(tcp.stdout()).contains("status: NOERROR", "ANSWER: 2,"); // unsigned: no RRSIG
        }
    }

    /**
     * ok.sec, signed by dnssec-signzone and served by BIND (ns1.sec), NSD (ns2.sec) and Knot (ns3.sec): DO=1 comes
     * back with signatures, the probes without DO get none, EDNS over TCP and the 512-octet DNSKEY probe are
     * answered. None of the DO, TCP and buffer codes may fire on real servers of a signed zone.
     */
    @org.junit.jupiter.api.Test
    void signedZoneOnRealServersPassesTheDoTcpAndBufferProbes() throws Exception {
        Command.Result run = Tracers.ours(lab, List.of("-r", "1", "-t", "1", "-s", "127.54.0.1", "--check", "--json",
                "www.ok.sec"));
        assertThat(run.stdout()).as(run.describe()).isNotBlank();
        List<OurFinding> inZone = OurFinding.parse(run.stdout()).stream().filter(f -> f.zone().equals("ok.sec."))
                .toList();
        System.out.println("interop: tricky: www.ok.sec --check: " + inZone);
        assertThat(inZone).as(run.describe()).noneMatch(f -> f.code() == FindingCode.EDNS_DO_MISHANDLED
                || f.code() == FindingCode.DNSSEC_RECORDS_WITHOUT_DO || f.code() == FindingCode.EDNS_OVER_TCP_MISHANDLED
                || f.code() == FindingCode.EDNS_SMALL_BUFFER_MISHANDLED || f.code() == FindingCode.UNRESPONSIVE_TCP
                // each truncates the 512-octet DNSKEY reply keeping its OPT record (Zonemaster NAMESERVER13)
                || f.code() == FindingCode.TRUNCATED_REPLY_WITHOUT_OPT);
        // the probes reached Knot (ns3.sec), which sends its host name as NSID by default
        assertThat(run.stdout()).containsPattern("\"server\" : \"ns3.sec\",\n *\"address\" : \"127.54.51.3\",\n *\"nsid\" : ");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "www.geo.com, A, geo.com., ANSWER_MISMATCH 127.54.60.2",
        "www.multi.com, A, multi.com., SOA_SERIAL_ONLY_MISMATCH 127.54.61.2",
        "x.wild.content.com, A, content.com., ''",
        "b.ent.content.com, A, content.com., ''",
        "www.dname.content.com, A, content.com., ''",
        "alias.content.com, A, content.com., ''",
        "big.content.com, TXT, content.com., ''"})
    void noErrorAndNoWarningOnAHealthyZone(String name, String type, String zone, String notice) throws Exception {
        Command.Result run = Tracers.ours(lab, List.of("-r", "1", "-t", "1", "-s", "127.54.0.1", "--check", "--json",
                "-q", type, name));
        assertThat(run.stdout()).as(run.describe()).isNotBlank();
        // the interop lab lives on loopback (127.54.x.y) and is traced without --lab: GLUE_PRIVATE_ADDRESS there
        // is the lab's address plan, not the zone's fault
        List<OurFinding> inZone = OurFinding.parse(run.stdout()).stream()
                .filter(f -> f.zone().equals(zone) && f.code() != FindingCode.GLUE_PRIVATE_ADDRESS).toList();
        System.out.println("interop: tricky: " + name + " " + type + ": " + inZone);
        assertThat(inZone).as(run.describe()).noneMatch(f -> f.code().severity().atLeast(Severity.WARNING));
        List<String> notices = new ArrayList<>();
        for (OurFinding f : inZone) {
            notices.add(f.code() + " " + f.address());
        }
        if (!notice.isEmpty()) {
            assertThat(notices).as(run.describe()).contains(notice);
        }
        // BIND, NSD and Knot pass the protocol probes (ISC's ednsopt, ednsflags, opcode; AAAA, TYPE65280): not even a notice; BIND
        // and NSD answer opcode 15 with NOTIMP and no question, which the transport must accept
        assertThat(inZone).as(run.describe()).noneMatch(f -> f.code() == FindingCode.EDNS_UNKNOWN_OPTION_MISHANDLED
                || f.code() == FindingCode.EDNS_UNKNOWN_FLAG_MISHANDLED
                || f.code() == FindingCode.UNKNOWN_OPCODE_NOT_NOTIMP || f.code() == FindingCode.AAAA_QUERY_MISHANDLED
                || f.code() == FindingCode.UNKNOWN_TYPE_MISHANDLED || f.code() == FindingCode.QNAME_CASE_NOT_PRESERVED
                // ISC's do, ednstcp and edns512 (content.com's big TXT is no DNSKEY: these zones are unsigned)
                || f.code() == FindingCode.EDNS_DO_MISHANDLED || f.code() == FindingCode.DNSSEC_RECORDS_WITHOUT_DO
                || f.code() == FindingCode.EDNS_OVER_TCP_MISHANDLED
                || f.code() == FindingCode.EDNS_SMALL_BUFFER_MISHANDLED || f.code() == FindingCode.UNRESPONSIVE_TCP
                || f.code() == FindingCode.TRUNCATED_REPLY_WITHOUT_OPT);
        // the NSID each server software was configured with (server-id, nsid:), read back per address
        for (String nsid : List.of("1\",\n *\"nsid\" : \"bind-tricky\"", "2\",\n *\"nsid\" : \"nsd-tricky\"",
                "3\",\n *\"nsid\" : \"knot-tricky\"")) {
            assertThat(run.stdout()).as(run.describe()).containsPattern("\"address\" : \"127\\.54\\.6[0-2]\\." + nsid);
        }
        // BIND and Knot give their version for version.bind by default (this NSD's configuration hides it): a notice
        assertThat(inZone).as(run.describe()).anyMatch(f -> f.code() == FindingCode.SOFTWARE_VERSION_DISCLOSED);
        // every server answered: none of them is lame or silent on these zones
        assertThat(inZone).noneMatch(f -> f.code() == FindingCode.UNRESPONSIVE_UDP);
    }
}
