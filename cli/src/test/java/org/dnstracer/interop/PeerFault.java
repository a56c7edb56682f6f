package org.dnstracer.interop;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One fault a peer reported, as far as it says where: the zone, and a server address, or only name server names, or
 * nothing (a fault of the whole zone).
 *
 * @param address the server address the peer blames, or null
 * @param names the name server names the peer's message lists (without trailing dot), when it gives no address
 */
record PeerFault(Peer peer, String tag, String zone, String address, Set<String> names) {

    PeerFault {
        zone = absolute(zone);
        names = names.stream().map(PeerFault::relative).collect(Collectors.toUnmodifiableSet());
    }

    static String absolute(String name) {
        String n = name.toLowerCase(Locale.ROOT).strip();
        return n.endsWith(".") ? n : n + ".";
    }

    static String relative(String name) {
        String n = name.toLowerCase(Locale.ROOT).strip();
        return n.endsWith(".") && n.length() > 1 ? n.substring(0, n.length() - 1) : n;
    }

    @Override
    public String toString() {
        return peer.tool() + " " + tag + " " + zone + " " + (address != null ? address : names.isEmpty() ? "(zone)"
                : names.stream().sorted().collect(Collectors.joining(",")));
    }
}
