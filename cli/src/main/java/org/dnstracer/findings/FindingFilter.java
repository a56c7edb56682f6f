package org.dnstracer.findings;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the user asked to see ({@code --level}, {@code --ignore}): findings below a severity, or of given codes, are
 * hidden. Hidden findings are left out of the text, the reports and the {@code --fail-on} decision; the JSON keeps
 * them, marked, so that nothing is lost to a later reader.
 *
 * @param level the mildest severity shown (null: all)
 * @param ignored codes never shown
 */
public record FindingFilter(Severity level, Set<FindingCode> ignored) {
    public static final FindingFilter ALL = new FindingFilter(null, Set.of());

    public FindingFilter {
        ignored = ignored.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(ignored));
    }

    public boolean shows(Finding f) {
        return (level == null || f.severity().atLeast(level)) && !ignored.contains(f.code());
    }

    public List<Finding> shown(List<Finding> findings) {
        // not equals(ALL): a record's generated equals is linked at its first call, at a cost on every run
        if (level == null && ignored.isEmpty()) {
            return findings;
        }
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            if (shows(f)) {
                out.add(f);
            }
        }
        return out;
    }

    /** Counts per severity, every severity present (0 when none). */
    public static Map<Severity, Integer> counts(List<Finding> findings) {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0);
        }
        for (Finding f : findings) {
            counts.merge(f.severity(), 1, Integer::sum);
        }
        return counts;
    }

    /**
     * {@code LAME_REFUSED,SAME_PREFIX} (any case, blanks allowed) as codes.
     *
     * @throws IllegalArgumentException naming the first word that is not a finding code
     */
    public static Set<FindingCode> parseCodes(String text) {
        Set<FindingCode> codes = EnumSet.noneOf(FindingCode.class);
        for (String word : text.split(",")) {
            String w = word.strip().toUpperCase(Locale.ROOT);
            if (w.isEmpty()) {
                continue;
            }
            try {
                codes.add(FindingCode.valueOf(w));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + word.strip() + "' is not a finding code (man dnstracer and docs/findings.md list them; --explain CODE prints one)");
            }
        }
        return codes;
    }
}
