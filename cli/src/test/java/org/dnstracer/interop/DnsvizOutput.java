package org.dnstracer.interop;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The faults in {@code dnsviz grok} JSON: every error or warning (of the zone, its delegation, its servers or one of
 * its queries) whose code maps to one of our codes, once per server address it lists; one without servers is blamed
 * on the name server names its description lists, or else on the whole zone.
 */
final class DnsvizOutput {
    private DnsvizOutput() {}

    /** Faults per zone of the document, and the codes that map to none of ours (in {@code unmapped}). */
    @SuppressWarnings("unchecked")
    static List<PeerFault> faults(String json, Set<String> unmapped) throws IOException {
        Set<PeerFault> faults = new LinkedHashSet<>();
        Map<String, Object> doc = (Map<String, Object>) new ObjectMapper().readValue(json, Object.class);
        for (Map.Entry<String, Object> zone : doc.entrySet()) {
            walk(zone.getValue(), zone.getKey(), faults, unmapped);
        }
        return List.copyOf(faults);
    }

    @SuppressWarnings("unchecked")
    private static void walk(Object node, String zone, Set<PeerFault> faults, Set<String> unmapped) {
        if (node instanceof Map<?, ?> map) {
            if (map.get("code") instanceof String code) {
                add((Map<String, Object>) map, code, zone, faults, unmapped);
            }
            map.values().forEach(v -> walk(v, zone, faults, unmapped));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> walk(v, zone, faults, unmapped));
        }
    }

    private static void add(Map<String, Object> message, String code, String zone, Set<PeerFault> faults,
            Set<String> unmapped) {
        if (Peer.DNSVIZ.codes(code).isEmpty()) {
            unmapped.add(code);
            return;
        }
        Set<String> names = names(String.valueOf(message.getOrDefault("description", "")), zone);
        if (message.get("servers") instanceof List<?> servers && !servers.isEmpty()) {
            for (Object server : servers) {
                faults.add(new PeerFault(Peer.DNSVIZ, code, zone, String.valueOf(server), names));
            }
        } else {
            faults.add(new PeerFault(Peer.DNSVIZ, code, zone, null, names));
        }
    }

    /** Names below {@code zone} that a description mentions (DNSViz lists NS names only in its prose). */
    static Set<String> names(String description, String zone) {
        String suffix = PeerFault.relative(zone);
        Matcher m = Pattern.compile("([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*)\\." + Pattern.quote(suffix) + "\\b")
                .matcher(description);
        Set<String> names = new LinkedHashSet<>();
        while (m.find()) {
            names.add(m.group(1) + "." + suffix);
        }
        return names;
    }
}
