package org.dnstracer.dnssec;

import java.util.Locale;

/** How bad a problem is: an error breaks validation (bogus); a warning leaves it undecided or insecure. */
public enum DnssecSeverity {
    ERROR,
    WARNING;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
