package org.dnstracer.findings;

import java.util.Locale;

/** How bad a finding is; declared from worst to mildest, so the natural order sorts the worst first. */
public enum Severity {
    /** Resolution fails, or may fail, at this server. */
    ERROR,
    /** Works today, but against the rules or fragile. */
    WARNING,
    /** Worth knowing; often a deliberate choice. */
    NOTICE;

    /** The word printed and accepted by {@code --fail-on}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this severity is as bad as {@code threshold} or worse. */
    public boolean atLeast(Severity threshold) {
        return compareTo(threshold) <= 0;
    }

    /** Parses {@code error}, {@code warning} or {@code notice} (any case); null when it is none of them. */
    public static Severity parse(String text) {
        for (Severity s : values()) {
            if (s.label().equalsIgnoreCase(text)) {
                return s;
            }
        }
        return null;
    }
}
