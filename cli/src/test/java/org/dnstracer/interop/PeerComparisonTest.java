package org.dnstracer.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.dnstracer.findings.FindingCode;
import org.junit.jupiter.api.Test;

/** The peer comparison's mapping, parsers and rules, on output captured from zonemaster-cli 5.0.2 and dnsviz 0.9.4. */
class PeerComparisonTest {
    private static final OurFinding STALE = new OurFinding(FindingCode.SOA_SERIAL_MISMATCH, "stale.com.",
            "ns2.stale.com", "127.54.43.2");

    @Test
    void tagsComeFromTheFindingCodeColumnsAndInvertedOrNoticeOnlyOnesAreNoTags() {
        assertThat(Peer.ZONEMASTER.codes("CHILD_ZONE_LAME")).contains(FindingCode.LAME_REFUSED,
                FindingCode.LAME_SERVFAIL, FindingCode.UPWARD_REFERRAL);
        assertThat(Peer.ZONEMASTER.codes("AXFR_FAILURE")).isEmpty();
        assertThat(Peer.ZONEMASTER.tags(FindingCode.GLUE_MISSING)).isEmpty();
        assertThat(Peer.DNSVIZ.codes("GLUE_MISMATCH")).containsExactly(FindingCode.GLUE_MISMATCH);
        assertThat(Peer.DNSVIZ.tags(FindingCode.SOA_SERIAL_MISMATCH)).isEmpty();
    }

    @Test
    void multipleSoaSerialsBlamesTheServersOfTheOlderSerial() throws Exception {
        String json = """
                [ {"level":"INFO","tag":"SOA_SERIAL",
                   "args":{"ns_list":"ns2.stale.com/127.54.43.2","serial":"2026010101"}},
                  {"level":"INFO","tag":"SOA_SERIAL",
                   "args":{"ns_list":"ns1.stale.com/127.54.43.1;ns3.stale.com/127.54.43.3","serial":"2026010102"}},
                  {"level":"WARNING","tag":"MULTIPLE_SOA_SERIALS","args":{"count":2}},
                  {"level":"NOTICE","tag":"SOA_SERIAL_VARIATION","args":{}} ]""";
        Set<String> unmapped = new TreeSet<>();

        List<PeerFault> faults = ZonemasterOutput.faults(json, "stale.com", unmapped);

        assertThat(faults).containsExactly(new PeerFault(Peer.ZONEMASTER, "MULTIPLE_SOA_SERIALS", "stale.com.",
                "127.54.43.2", Set.of("ns2.stale.com")));
        assertThat(unmapped).containsExactly("SOA_SERIAL_VARIATION");
        assertThat(PeerComparison.of(Peer.ZONEMASTER, "stale.com", faults, List.of(STALE), Set.of()).unexplained())
                .isEmpty();
    }

    @Test
    void dnsvizServersAreOneFaultEachAndDelegationErrorsNameTheirNamesInProse() throws Exception {
        String json = """
                {"lame.com.": {"queries": {"lame.com./IN/NS": {"error": [ {"code": "INVALID_RCODE",
                    "description": "The response had an invalid RCODE (REFUSED).",
                    "servers": ["127.54.12.1", "127.54.12.2"]} ]}},
                  "delegation": {"warnings": [ {"code": "MISSING_GLUE_FOR_NS_NAME", "description":
                    "The following NS name(s) required glue, but no glue was returned in the referral: \
                ns2.lame.com"} ]}}}""";

        List<PeerFault> faults = DnsvizOutput.faults(json, new TreeSet<>());

        assertThat(faults).extracting(PeerFault::address).containsExactly("127.54.12.1", "127.54.12.2", null);
        assertThat(faults.get(2).names()).containsExactly("ns2.lame.com");
    }

    @Test
    void aPeerFaultAtAnotherAddressThanOursIsADifferenceBothWays() {
        PeerFault other = new PeerFault(Peer.ZONEMASTER, "MULTIPLE_SOA_SERIALS", "stale.com", "127.54.43.1", Set.of());

        PeerComparison c = PeerComparison.of(Peer.ZONEMASTER, "stale.com", List.of(other), List.of(STALE), Set.of());

        assertThat(c.unexplained()).hasSize(2).anyMatch(u -> u.startsWith("only zonemaster-cli: "))
                .anyMatch(u -> u.startsWith("only ours ") && u.endsWith("(127.54.43.2)"));
    }

    @Test
    void aFaultNamedWithoutAddressNeedsItsAllowance() {
        PeerFault byName = new PeerFault(Peer.DNSVIZ, "GLUE_MISMATCH", "glue.com.", null, Set.of("ns2.glue.com"));
        OurFinding ours = new OurFinding(FindingCode.GLUE_MISMATCH, "glue.com.", "ns2.glue.com", "127.54.41.2");

        assertThat(PeerComparison.of(Peer.DNSVIZ, "glue.com", List.of(byName), List.of(ours), Set.of())
                .unexplained()).isNotEmpty();
        assertThat(PeerComparison.of(Peer.DNSVIZ, "glue.com", List.of(byName), List.of(ours),
                Set.of(PeerAllowance.PEER_GIVES_NO_ADDRESS)).unexplained()).isEmpty();
    }

    @Test
    void ourFindingThePeerHasANameForButDidNotReportIsUnexplainedUnlessInAnAncestorZone() {
        OurFinding glue = new OurFinding(FindingCode.GLUE_MISMATCH, "com.", "a.gtld-servers.net", "127.54.1.1");

        assertThat(PeerComparison.of(Peer.DNSVIZ, "glue.com", List.of(), List.of(glue), Set.of()).unexplained())
                .hasSize(1);
        assertThat(PeerComparison.of(Peer.DNSVIZ, "glue.com", List.of(), List.of(glue),
                Set.of(PeerAllowance.ANCESTOR_ZONES)).unexplained()).isEmpty();
    }
}
