package org.dnstracer.interop;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code drill -TD} marks each zone's DNSKEY RRset on its way down: [T] trusted (secure), [B] bogus, [S] "self sig
 * OK" but no chain to the trust anchor (the parent's DS matches no key: bogus to a validator). A zone without a
 * DNSKEY whose missing DS drill proved ("[T] Existence denied: ZONE DS") is insecure.
 */
final class DrillTraceOutput {
    private DrillTraceOutput() {}

    static ZoneVerdicts alongChain(String output, List<String> chain) {
        Map<String, String> zones = new LinkedHashMap<>();
        for (String zone : chain) {
            Matcher key = Pattern.compile("(?m)^\\[([TBSU])\\] " + Pattern.quote(zone) + "\\s+\\d+\\s+IN\\s+DNSKEY\\s")
                    .matcher(output);
            if (key.find()) {
                zones.put(zone, switch (key.group(1)) {
                    case "T" -> "secure";
                    case "U" -> "insecure";
                    default -> "bogus";
                });
            } else if (output.contains("[T] Existence denied: " + zone + " DS")
                    && output.contains(";; No DNSKEY record found for " + zone)) {
                zones.put(zone, "insecure");
            }
        }
        return new ZoneVerdicts(zones);
    }
}
