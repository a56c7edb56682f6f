package org.dnstracer.findings;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.dnstracer.model.Names;
import org.dnstracer.model.TraceNode;
import org.dnstracer.trace.Delegation;
import org.dnstracer.trace.ZoneDelegation;
import org.xbill.DNS.Name;

/**
 * Which servers delegated a zone to each server address, over every place the address appears in the tree
 * ("(cached)" repeats included: they are delegations too, only not asked again).
 */
final class Delegators {
    private record Key(Name zone, Object where) {}

    private final Map<Key, Set<String>> byServer = new HashMap<>();

    Delegators(List<TreeWalk> walk) {
        for (TreeWalk w : walk) {
            if (w.parent() != null) {
                byServer.computeIfAbsent(key(w.node()), k -> new LinkedHashSet<>()).add(delegator(w));
            }
        }
    }

    /**
     * Who named this server: the parent above it, or in zone mode the user ({@code --ns}) or the child's own NS
     * set, for a server the parent's referral does not list.
     */
    private static String delegator(TreeWalk w) {
        TraceNode parent = w.parent();
        String detail = parent.verdict().detail();
        if (ZoneDelegation.isGiven(parent.verdict())) {
            return ZoneDelegation.givenByUser(parent.verdict(), w.node().server()) ? "--ns" : "the child's NS set";
        }
        if (ZoneDelegation.CHILD_ADDED.equals(detail) && parent.exchange() != null && parent.exchange().answered()) {
            List<Name> listed = Delegation.from(parent.exchange().reply(), parent.verdict().referralZone(), null)
                    .nameServers();
            if (listed.stream().noneMatch(ns -> Names.display(ns).equals(w.node().server()))) {
                return "the child's NS set";
            }
        }
        return parent.server();
    }

    List<String> of(TraceNode node) {
        return new ArrayList<>(byServer.getOrDefault(key(node), Set.of()));
    }

    private static Key key(TraceNode node) {
        InetAddress address = node.address();
        return new Key(node.zone(), address != null ? address : Objects.requireNonNullElse(node.server(), ""));
    }
}
