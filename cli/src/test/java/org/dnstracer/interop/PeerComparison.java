package org.dnstracer.interop;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Our findings against one peer's faults, both ways: every peer fault must be one of our findings (same code family,
 * zone and address), and every finding of ours that the peer has a name for must be among the peer's faults; what
 * differs must be explained by one of the scenario's allowances.
 */
final class PeerComparison {
    /** How precisely a peer's fault and our finding were found to be the same. */
    enum Match { ADDRESS, NAME, ZONE }

    private final Peer peer;
    private int byAddress;
    private final Map<PeerAllowance, Integer> allowed = new EnumMap<>(PeerAllowance.class);
    private final List<String> unexplained = new ArrayList<>();

    private PeerComparison(Peer peer) {
        this.peer = peer;
    }

    static PeerComparison of(Peer peer, String zone, List<PeerFault> faults, List<OurFinding> ours,
            Set<PeerAllowance> allowances) {
        PeerComparison c = new PeerComparison(peer);
        String scenarioZone = PeerFault.absolute(zone);
        for (PeerFault fault : faults) {
            Optional<Match> best = ours.stream().map(f -> match(fault, f)).flatMap(Optional::stream)
                    .min(Enum::compareTo);
            if (best.isPresent()) {
                c.count(best.get(), allowances, "peer fault matched only by " + best.get() + ": " + fault);
            } else {
                c.explain(allowances.stream().filter(a -> a.explainsOnlyPeer(fault, ours)).findFirst(),
                        "only " + peer.tool() + ": " + fault);
            }
        }
        for (OurFinding finding : ours) {
            if (!peer.maps(finding.code())) {
                continue;
            }
            Optional<Match> best = faults.stream().map(p -> match(p, finding)).flatMap(Optional::stream)
                    .min(Enum::compareTo);
            if (best.isPresent()) {
                // counted from the peer's side already, unless the peer's fault was about a name or the zone
                if (best.get() != Match.ADDRESS) {
                    c.count(best.get(), allowances, "our finding matched only by " + best.get() + ": " + finding);
                }
            } else {
                c.explain(allowances.stream()
                        .filter(a -> a.explainsOnlyOurs(finding, peer, scenarioZone, ours)).findFirst(),
                        "only ours (" + peer.tool() + " has " + peer.tags(finding.code()) + "): " + finding);
            }
        }
        return c;
    }

    /** Whether this peer fault and our finding are the same fault, and by what. */
    static Optional<Match> match(PeerFault fault, OurFinding ours) {
        if (!fault.peer().codes(fault.tag()).contains(ours.code()) || !fault.zone().equals(ours.zone())) {
            return Optional.empty();
        }
        if (fault.address() != null) {
            return fault.address().equals(ours.address()) ? Optional.of(Match.ADDRESS) : Optional.empty();
        }
        if (!fault.names().isEmpty()) {
            return ours.server() != null && fault.names().contains(PeerFault.relative(ours.server()))
                    ? Optional.of(Match.NAME) : Optional.empty();
        }
        return Optional.of(Match.ZONE);
    }

    private void count(Match match, Set<PeerAllowance> allowances, String what) {
        if (match == Match.ADDRESS) {
            byAddress++;
        } else {
            explain(allowances.contains(PeerAllowance.PEER_GIVES_NO_ADDRESS)
                    ? Optional.of(PeerAllowance.PEER_GIVES_NO_ADDRESS) : Optional.empty(), what);
        }
    }

    private void explain(Optional<PeerAllowance> allowance, String what) {
        allowance.ifPresentOrElse(a -> allowed.merge(a, 1, Integer::sum), () -> unexplained.add(what));
    }

    List<String> unexplained() {
        return unexplained;
    }

    String summary() {
        return peer.tool() + ": " + byAddress + " same fault at the same address"
                + (allowed.isEmpty() ? "" : ", " + allowed.entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")))
                + (unexplained.isEmpty() ? "" : ", " + unexplained.size() + " UNEXPLAINED");
    }
}
