package org.dnstracer.interop;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The faults in {@code zonemaster-cli --json --level INFO} output: every NOTICE-or-worse message whose tag maps to one
 * of our codes, blamed on the address its arguments name ({@code ns}, {@code ns_ip}, {@code ns_list}), or else on the
 * name server names they list, or else on the whole zone.
 */
final class ZonemasterOutput {
    private static final Set<String> FAULT_LEVELS = Set.of("NOTICE", "WARNING", "ERROR", "CRITICAL");
    private static final List<String> NAME_ARGS = List.of("nsname", "nsname_list", "extra", "names",
            "parent_addresses", "zone_addresses");

    private ZonemasterOutput() {}

    /** Faults of {@code zone}, and the NOTICE-or-worse tags that map to none of our codes (in {@code unmapped}). */
    @SuppressWarnings("unchecked")
    static List<PeerFault> faults(String json, String zone, Set<String> unmapped) throws IOException {
        List<Map<String, Object>> messages = (List<Map<String, Object>>) (List<?>) new ObjectMapper().readValue(json, Object.class);
        Set<PeerFault> faults = new LinkedHashSet<>();
        for (Map<String, Object> m : messages) {
            String tag = (String) m.get("tag");
            Map<String, Object> args = (Map<String, Object>) m.getOrDefault("args", Map.of());
            if (!FAULT_LEVELS.contains((String) m.get("level"))) {
                continue;
            }
            if (tag.equals("MULTIPLE_SOA_SERIALS")) {
                faults.addAll(staleServers(messages, zone, tag));
            } else if (Peer.ZONEMASTER.codes(tag).isEmpty()) {
                unmapped.add(tag);
            } else {
                faults.addAll(located(tag, zone, args));
            }
        }
        return List.copyOf(faults);
    }

    private static List<PeerFault> located(String tag, String zone, Map<String, Object> args) {
        List<PeerFault> out = new ArrayList<>();
        if (args.get("ns") instanceof String ns) {
            out.add(fault(tag, zone, ns));
        } else if (args.get("ns_ip") instanceof String ip) {
            out.add(new PeerFault(Peer.ZONEMASTER, tag, zone, ip,
                    args.get("nsname") instanceof String n ? Set.of(n) : Set.of()));
        } else if (args.get("ns_list") instanceof String list && !list.isBlank()) {
            for (String item : list.split("[;,]")) {
                out.add(fault(tag, zone, item));
            }
        } else {
            Set<String> names = new LinkedHashSet<>();
            for (String key : NAME_ARGS) {
                if (args.get(key) instanceof String list && !list.isBlank()) {
                    for (String item : list.split("[;,]")) {
                        names.add(item.split("/")[0]);
                    }
                }
            }
            out.add(new PeerFault(Peer.ZONEMASTER, tag, zone, null, names));
        }
        return out;
    }

    /** "name/address" as a fault of that address. */
    private static PeerFault fault(String tag, String zone, String nameSlashAddress) {
        String[] parts = nameSlashAddress.strip().split("/", 2);
        return parts.length == 2 ? new PeerFault(Peer.ZONEMASTER, tag, zone, parts[1], Set.of(parts[0]))
                : new PeerFault(Peer.ZONEMASTER, tag, zone, null, Set.of(parts[0]));
    }

    /**
     * MULTIPLE_SOA_SERIALS names only a count; its INFO companions SOA_SERIAL list the servers of each serial, so the
     * servers with an older serial than the newest are the stale ones (what our SOA_SERIAL_MISMATCH blames).
     */
    @SuppressWarnings("unchecked")
    private static List<PeerFault> staleServers(List<Map<String, Object>> messages, String zone, String tag) {
        record Serial(long serial, String nsList) {}
        List<Serial> serials = messages.stream().filter(m -> "SOA_SERIAL".equals(m.get("tag")))
                .map(m -> (Map<String, Object>) m.get("args"))
                .map(a -> new Serial(Long.parseLong(String.valueOf(a.get("serial"))), (String) a.get("ns_list")))
                .toList();
        long newest = serials.stream().mapToLong(Serial::serial).max().orElse(0);
        List<PeerFault> out = new ArrayList<>();
        for (Serial s : serials) {
            if (s.serial() < newest) {
                for (String item : s.nsList().split("[;,]")) {
                    out.add(fault(tag, zone, item));
                }
            }
        }
        return out;
    }
}
