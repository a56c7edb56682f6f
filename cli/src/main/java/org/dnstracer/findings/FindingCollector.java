package org.dnstracer.findings;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.xbill.DNS.Name;

/**
 * Gathers findings in tree order, once per (code, zone, address): a server met on several paths is one finding,
 * with every server that delegated to it in the evidence.
 */
final class FindingCollector {
    /** The address, or the server's name when there is no address. */
    private record Key(FindingCode code, Name zone, Object where) {}

    private static final class Draft {
        final FindingCode code;
        final Name zone;
        final String server;
        final InetAddress address;
        final String message;
        final Set<String> evidence = new LinkedHashSet<>();
        final Set<String> delegators = new LinkedHashSet<>();

        Draft(FindingCode code, Name zone, String server, InetAddress address, String message) {
            this.code = code;
            this.zone = zone;
            this.server = server;
            this.address = address;
            this.message = message;
        }
    }

    private final Map<Key, Draft> drafts = new LinkedHashMap<>();

    /** Adds a finding, or more evidence to the same one found before. */
    FindingCollector add(FindingCode code, Name zone, String server, InetAddress address, String message,
            List<String> evidence, List<String> delegators) {
        Object where = address != null ? address : Objects.requireNonNullElse(server, "");
        Draft draft = drafts.computeIfAbsent(new Key(code, zone, where),
                k -> new Draft(code, zone, server, address, message));
        draft.evidence.addAll(evidence);
        draft.delegators.addAll(delegators);
        return this;
    }

    FindingCollector add(FindingCode code, Name zone, String server, InetAddress address, String message,
            List<String> evidence) {
        return add(code, zone, server, address, message, evidence, List.of());
    }

    /** True when a finding of one of the codes was added for the zone, whatever the server. */
    boolean has(Name zone, FindingCode... codes) {
        for (Key k : drafts.keySet()) {
            for (FindingCode c : codes) {
                if (k.code() == c && Objects.equals(k.zone(), zone)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** In the order found (tree order); {@link Findings#of} puts the worst first. */
    List<Finding> findings() {
        List<Finding> out = new ArrayList<>();
        for (Draft d : drafts.values()) {
            List<String> evidence = new ArrayList<>(d.evidence);
            if (!d.delegators.isEmpty()) {
                evidence.add("delegated by " + String.join(", ", d.delegators));
            }
            out.add(new Finding(d.code.severity(), d.code, d.zone, d.server, d.address, d.message, evidence));
        }
        return out;
    }
}
