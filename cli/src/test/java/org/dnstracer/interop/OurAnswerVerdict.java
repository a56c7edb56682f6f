package org.dnstracer.interop;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Our {@code -D --json} verdict on a whole answer, in the words delv uses for one: the worst status of every zone of
 * every chain (the question's and those of followed CNAME targets), bogus over indeterminate over insecure over
 * secure, as a validating resolver's answer is only as good as the weakest zone it needed.
 */
final class OurAnswerVerdict {
    private static final List<String> WORST_FIRST = List.of("bogus", "indeterminate", "insecure", "secure");

    private OurAnswerVerdict() {}

    @SuppressWarnings("unchecked")
    static String of(String json) throws IOException {
        Object root = new ObjectMapper().readValue(json, Object.class);
        if (!(root instanceof Map<?, ?> doc) || !(doc.get("dnssec") instanceof Map<?, ?> dnssec)
                || !(dnssec.get("chains") instanceof List<?> chains) || chains.isEmpty()) {
            return "no chain";
        }
        int worst = WORST_FIRST.size() - 1;
        for (Object chain : chains) {
            for (Object zone : (List<Object>) ((Map<String, Object>) chain).get("zones")) {
                Object status = ((Map<String, Object>) zone).get("status");
                int rank = WORST_FIRST.indexOf(String.valueOf(status));
                if (rank < 0) {
                    return "unknown status " + status;
                }
                worst = Math.min(worst, rank);
            }
        }
        return WORST_FIRST.get(worst);
    }

    /** "ZONE STATUS: REASON" of every zone that is not secure, for the message of a difference. */
    @SuppressWarnings("unchecked")
    static List<String> reasons(String json) throws IOException {
        List<String> reasons = new java.util.ArrayList<>();
        if (new ObjectMapper().readValue(json, Object.class) instanceof Map<?, ?> doc && doc.get("dnssec") instanceof Map<?, ?> dnssec
                && dnssec.get("chains") instanceof List<?> chains) {
            for (Object chain : chains) {
                for (Object z : (List<Object>) ((Map<String, Object>) chain).get("zones")) {
                    Map<String, Object> zone = (Map<String, Object>) z;
                    if (!"secure".equals(zone.get("status"))) {
                        reasons.add(zone.get("zone") + " " + zone.get("status") + ": " + zone.get("reason"));
                    }
                }
            }
        }
        return reasons;
    }
}
