package org.dnstracer.findings;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.dnstracer.model.TraceNode;
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
                byServer.computeIfAbsent(key(w.node()), k -> new LinkedHashSet<>()).add(w.parent().server());
            }
        }
    }

    List<String> of(TraceNode node) {
        return new ArrayList<>(byServer.getOrDefault(key(node), Set.of()));
    }

    private static Key key(TraceNode node) {
        InetAddress address = node.address();
        return new Key(node.zone(), address != null ? address : Objects.requireNonNullElse(node.server(), ""));
    }
}
