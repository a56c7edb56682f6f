package org.dnstracer.interop;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One tool's DNSSEC verdict per zone of a chain ({@code secure}, {@code insecure}, {@code bogus}, the words of our
 * JSON), zones written with their trailing dot ({@code .}, {@code sec.}). A zone the tool did not judge is absent.
 */
record ZoneVerdicts(Map<String, String> byZone) {
    ZoneVerdicts {
        byZone = Collections.unmodifiableMap(new LinkedHashMap<>(byZone));
    }

    Optional<String> of(String zone) {
        return Optional.ofNullable(byZone.get(zone));
    }

    /** The verdict of the chain's last zone: the one the answer came from. */
    String answer() {
        String last = null;
        for (String v : byZone.values()) {
            last = v;
        }
        return last;
    }
}
