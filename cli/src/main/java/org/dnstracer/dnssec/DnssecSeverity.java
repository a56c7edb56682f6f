package org.dnstracer.dnssec;

import java.util.Locale;

/**
 * How bad a problem is: an error breaks validation (bogus) or leaves it without protection; a warning leaves it
 * undecided or insecure, or is a policy fault that may break it later; a notice is a policy fault without harm.
 */
public enum DnssecSeverity {
    ERROR,
    WARNING,
    NOTICE;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
