package org.dnstracer.findings;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dnstracer.model.TraceNode;
import org.dnstracer.net.Attempt;
import org.dnstracer.trace.Delegation;
import org.xbill.DNS.Name;

/**
 * What only the servers of a zone together show: a single name server, every address in one network, private
 * addresses, one server much slower than its siblings.
 */
final class ZoneFindings {
    /** A server is slow when its round trip is at least this long ... */
    static final long SLOW_MILLIS = 250;
    /** ... and more than this many times the median of its siblings' round trips. */
    static final int SLOW_FACTOR = 4;

    private ZoneFindings() {}

    /** The servers of one delegated zone as the tree met them. */
    private static final class Members {
        final Set<String> names = new LinkedHashSet<>();
        final Map<InetAddress, String> serverAt = new LinkedHashMap<>();
        final Map<InetAddress, TraceNode> firstNode = new LinkedHashMap<>();
        final Map<InetAddress, Double> rttMillis = new LinkedHashMap<>();
        final Map<InetAddress, Set<String>> namesAt = new LinkedHashMap<>();
    }

    static void find(List<TreeWalk> walk, Delegators delegators, AnalysisOptions options, FindingCollector out) {
        Map<Name, Members> zones = new LinkedHashMap<>();
        for (TreeWalk w : walk) {
            TraceNode node = w.node();
            if (node.verdict().delegates() && !node.children().isEmpty()) {
                Set<String> names = new LinkedHashSet<>();
                node.children().forEach(c -> names.add(c.server()));
                missingGlue(node, out);
                if (names.size() == 1) {
                    Name zone = node.verdict().referralZone();
                    out.add(FindingCode.SINGLE_NAME_SERVER, zone, names.iterator().next(), null,
                            "is the only name server of " + ServerText.zone(zone), List.of(),
                            List.of(node.server()));
                }
            }
            if (w.parent() == null || node.zone() == null) {
                continue;
            }
            Members m = zones.computeIfAbsent(node.zone(), z -> new Members());
            m.names.add(node.server());
            InetAddress address = node.address();
            if (address == null) {
                continue;
            }
            m.serverAt.putIfAbsent(address, node.server());
            m.namesAt.computeIfAbsent(address, a -> new LinkedHashSet<>()).add(node.server());
            m.firstNode.putIfAbsent(address, node);
            rtt(node).ifPresent(ms -> m.rttMillis.merge(address, ms, Math::min));
        }
        zones.forEach((zone, m) -> {
            if (!options.lab()) {
                privateAddresses(zone, m, delegators, out);
            }
            samePrefix(zone, m, options, out);
            sharedAddresses(zone, m, delegators, out);
            slowServers(zone, m, delegators, out);
        });
    }

    /** In-bailiwick name servers need glue: without it their addresses can only be had from themselves. */
    private static void missingGlue(TraceNode node, FindingCollector out) {
        if (node.exchange() == null || !node.exchange().answered()
                || org.dnstracer.trace.ZoneDelegation.isGiven(node.verdict())) {
            return; // the user's --ns servers replaced this referral: its glue is not what is followed
        }
        Name zone = node.verdict().referralZone();
        Delegation d = Delegation.from(node.exchange().reply(), zone, null);
        for (Name ns : d.nameServers()) {
            if (ns.subdomain(zone) && d.glueFor(ns).isEmpty()) {
                out.add(FindingCode.GLUE_MISSING, zone, ServerText.name(ns), null, "is inside "
                        + ServerText.zone(zone) + " but the referral has no glue for it", List.of(),
                        List.of(node.server()));
            }
        }
    }

    private static void privateAddresses(Name zone, Members m, Delegators delegators, FindingCollector out) {
        m.serverAt.forEach((address, server) -> AddressRanges.special(address).ifPresent(range ->
                out.add(FindingCode.GLUE_PRIVATE_ADDRESS, zone, server, address, "address is in " + range + " space",
                        List.of(), delegators.of(m.firstNode.get(address)))));
    }

    /*
     * In the lab every server is in 127.53.0.0/16, so "one /24" would flag most zones; there the rule narrows to
     * "several name servers on one address", the same fault (no network diversity) at the lab's scale.
     */
    private static void samePrefix(Name zone, Members m, AnalysisOptions options, FindingCollector out) {
        if (m.names.size() < 2 || m.serverAt.isEmpty()) {
            return; // a single name server is its own finding
        }
        Set<String> networks = new LinkedHashSet<>();
        for (InetAddress a : m.serverAt.keySet()) {
            networks.add(options.lab() ? org.dnstracer.net.IpAddresses.format(a) : AddressRanges.networkOf(a));
        }
        if (networks.size() != 1) {
            return;
        }
        List<String> evidence = new ArrayList<>();
        m.serverAt.forEach((a, s) -> evidence.add(ServerText.of(s, a)));
        String network = networks.iterator().next();
        String message = m.serverAt.size() == 1
                ? "its " + m.names.size() + " name servers all share the one address " + network
                : "all " + m.serverAt.size() + " addresses of its " + m.names.size() + " name servers are "
                        + (options.lab() ? "on the one address " : "in ") + network;
        out.add(FindingCode.SAME_PREFIX, zone, null, null, message,
                evidence);
    }

    /** Several name server names on one address: fewer servers than the NS set claims (Zonemaster DELEGATION02). */
    private static void sharedAddresses(Name zone, Members m, Delegators delegators, FindingCollector out) {
        m.namesAt.forEach((address, names) -> {
            if (names.size() > 1) {
                out.add(FindingCode.NS_SHARED_ADDRESS, zone, m.serverAt.get(address), address,
                        "is the one address of " + names.size() + " name servers of " + ServerText.zone(zone) + ": "
                                + String.join(", ", names), List.of(), delegators.of(m.firstNode.get(address)));
            }
        });
    }

    private static void slowServers(Name zone, Members m, Delegators delegators, FindingCollector out) {
        if (m.rttMillis.size() < 2) {
            return;
        }
        m.rttMillis.forEach((address, rtt) -> {
            List<Double> siblings = new ArrayList<>();
            m.rttMillis.forEach((other, r) -> {
                if (!other.equals(address)) {
                    siblings.add(r);
                }
            });
            double median = median(siblings);
            if (rtt >= SLOW_MILLIS && rtt > SLOW_FACTOR * median) {
                out.add(FindingCode.SLOW_SERVER, zone, m.serverAt.get(address), address,
                        String.format(java.util.Locale.ROOT, "round trip %.0f ms, over %d times the median %.0f ms "
                                + "of its %d sibling%s", rtt, SLOW_FACTOR, median, siblings.size(),
                                siblings.size() == 1 ? "" : "s"),
                        List.of(), delegators.of(m.firstNode.get(address)));
            }
        });
    }

    /** The round trip of the try that brought the reply, in milliseconds. */
    private static Optional<Double> rtt(TraceNode node) {
        if (node.exchange() == null || !node.exchange().answered() || node.exchange().attempts().isEmpty()) {
            return Optional.empty();
        }
        List<Attempt> attempts = node.exchange().attempts();
        Attempt last = attempts.get(attempts.size() - 1);
        return last.elapsed() == null ? Optional.empty() : Optional.of(last.elapsed().toNanos() / 1_000_000.0);
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
