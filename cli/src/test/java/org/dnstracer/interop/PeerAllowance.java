package org.dnstracer.interop;

import java.util.List;
import java.util.Set;
import org.dnstracer.findings.FindingCode;

/**
 * A deliberate difference between our findings and a peer's faults (after mapping tags to codes by {@link Peer}). A
 * peer scenario names the allowances it expects; a difference none of them explains fails the test.
 */
enum PeerAllowance {
    PEER_GIVES_NO_ADDRESS("the peer's message names only name servers, or nothing but the zone (Zonemaster: "
            + "zonemaster/zonemaster#395; DNSViz: delegation and zone errors): matched by name or by zone, "
            + "not by address"),
    ANCESTOR_ZONES("we report the faults of every zone on the traced path (the root, com.); the peers were asked "
            + "about the scenario's zone only"),
    FAILED_SERVER_NOT_PROBED("a server that failed (lame, silent) is not checked further, by us (--check skips it, "
            + "so the peer's consequential fault, e.g. its NS name only at the parent, is our lame finding for it) nor "
            + "by the peer (Zonemaster's ADDRESS01 takes the names from the child's NS set, which a lame zone lacks)"),
    CHILD_SIDE_ADDRESS("Zonemaster judges (ADDRESS01) the addresses the child gives: of a name server only in the "
            + "child's NS set, or the child's address where the glue differs; we judge the addresses of the "
            + "delegation we trace and name the mismatch itself (NS_ONLY_AT_CHILD, GLUE_MISMATCH). DNSViz judges "
            + "the private address of sibling glue (GLUE_PRIVATE_IP) not at all once the name's own zone differs"),
    RECURSOR_ANSWERS_ROOT("Zonemaster's NAMESERVER07 asks each server for the root's NS set: a server that offers "
            + "recursion answers it from its cache, which Zonemaster calls an upward referral; we ask only for names "
            + "in the zone and name the cause, RECURSION_AVAILABLE, at that address"),
    NO_ASN_DATA("Zonemaster judges servers in one AS (CONNECTIVITY03) by an ASN lookup the lab cannot answer, so it "
            + "is silent where we see one /24"),
    DNSVIZ_DROPS_DENIED_NS_NAME("a name server name of the child's NS set outside the zone whose own zone denies it "
            + "(NXDOMAIN): dnsviz (2.1) reports nothing about it, neither NS_NAME_NOT_IN_PARENT nor "
            + "NO_ADDRESS_FOR_NS_NAME, as observed in this lab; it does report both for such a name inside the zone"),
    PEER_REPORTS_AT_INFO("Zonemaster's default profile reports an MNAME in no NS set (Z01_MNAME_NOT_IN_NS_LIST) and "
            + "an MX that is a CNAME (MX_RECORD_IS_CNAME) at INFO, below the faults compared; we call both a notice");

    private static final Set<FindingCode> FAILED = Set.of(FindingCode.LAME_REFUSED, FindingCode.LAME_SERVFAIL,
            FindingCode.LAME_NOTAUTH, FindingCode.LAME_NOT_AUTHORITATIVE, FindingCode.LAME_SAME_ZONE_REFERRAL,
            FindingCode.LAME_UNRELATED_REFERRAL, FindingCode.UPWARD_REFERRAL, FindingCode.SERVER_ERROR,
            FindingCode.UNRESPONSIVE_UDP, FindingCode.UNREACHABLE, FindingCode.MALFORMED_REPLY);
    private static final Set<FindingCode> CHILD_SIDE = Set.of(FindingCode.NS_ONLY_AT_CHILD, FindingCode.GLUE_MISMATCH);

    private final String why;

    PeerAllowance(String why) {
        this.why = why;
    }

    String why() {
        return why;
    }

    /** A peer's fault that none of our findings matches. */
    boolean explainsOnlyPeer(PeerFault fault, List<OurFinding> ours) {
        return switch (this) {
            case FAILED_SERVER_NOT_PROBED -> ours.stream().anyMatch(f -> FAILED.contains(f.code()) && about(fault, f));
            case CHILD_SIDE_ADDRESS -> fault.peer() == Peer.ZONEMASTER
                    && fault.tag().equals("NAMESERVER_IP_PRIVATE_NETWORK")
                    && ours.stream().anyMatch(f -> CHILD_SIDE.contains(f.code()) && f.zone().equals(fault.zone())
                            && f.server() != null && fault.names().contains(PeerFault.relative(f.server())));
            case RECURSOR_ANSWERS_ROOT -> fault.peer() == Peer.ZONEMASTER && fault.tag().equals("UPWARD_REFERRAL")
                    && ours.stream().anyMatch(f -> f.code() == FindingCode.RECURSION_AVAILABLE
                            && f.zone().equals(fault.zone()) && f.address() != null
                            && f.address().equals(fault.address()));
            default -> false;
        };
    }

    /** One of our findings (of a code the peer has a name for) that none of its faults matches. */
    boolean explainsOnlyOurs(OurFinding finding, Peer peer, String scenarioZone, List<OurFinding> ours) {
        return switch (this) {
            case ANCESTOR_ZONES -> !finding.zone().equals(scenarioZone);
            case NO_ASN_DATA -> peer == Peer.ZONEMASTER && finding.code() == FindingCode.SAME_PREFIX;
            case DNSVIZ_DROPS_DENIED_NS_NAME -> peer == Peer.DNSVIZ && finding.server() != null
                    && (finding.code() == FindingCode.NS_ONLY_AT_CHILD
                            || finding.code() == FindingCode.NS_NAME_UNRESOLVABLE)
                    && !(finding.server() + ".").endsWith("." + finding.zone())
                    && ours.stream().anyMatch(f -> f.code() == FindingCode.NS_NAME_UNRESOLVABLE
                            && f.zone().equals(finding.zone()) && finding.server().equals(f.server()));
            case PEER_REPORTS_AT_INFO -> peer == Peer.ZONEMASTER && (finding.code() == FindingCode.SOA_MNAME_NOT_IN_NS
                    || finding.code() == FindingCode.MX_IS_CNAME);
            case FAILED_SERVER_NOT_PROBED -> peer == Peer.ZONEMASTER && finding.address() != null
                    && ours.stream().anyMatch(f -> FAILED.contains(f.code()) && f.zone().equals(finding.zone())
                            && finding.address().equals(f.address()));
            case CHILD_SIDE_ADDRESS -> finding.code() == FindingCode.GLUE_PRIVATE_ADDRESS
                    && ours.stream().anyMatch(f -> f.code() == FindingCode.GLUE_MISMATCH
                            && f.zone().equals(finding.zone()) && f.server() != null
                            && f.server().equals(finding.server()));
            default -> false;
        };
    }

    /** Our finding is about the server (address, else one of the names, else anywhere in the zone) of the fault. */
    private static boolean about(PeerFault fault, OurFinding f) {
        if (!f.zone().equals(fault.zone())) {
            return false;
        }
        if (fault.address() != null) {
            return fault.address().equals(f.address());
        }
        return fault.names().isEmpty() || f.server() != null && fault.names().contains(PeerFault.relative(f.server()));
    }
}
