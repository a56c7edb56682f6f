package org.dnstracer.interop;

import java.util.Set;
import org.dnstracer.findings.FindingCode;

/**
 * One broken delegation of the interop lab, the fault it is built to have (described, and as our code, which we and
 * at least one peer must report), and the allowances its comparison needs (the first that explains a difference, in
 * the enum's order, is the one counted), why dnsviz is not run on it, or null, and why no peer reports the fault at
 * a level compared (NOTICE or worse), or null.
 */
record PeerScenario(String zone, String fault, FindingCode expected, Set<PeerAllowance> allowances,
        String withoutDnsviz, String peersSilent) {

    PeerScenario(String zone, String fault, FindingCode expected, Set<PeerAllowance> allowances) {
        this(zone, fault, expected, allowances, null, null);
    }

    /** The same scenario compared with zonemaster-cli only, for the reason given. */
    PeerScenario withoutDnsviz(String why) {
        return new PeerScenario(zone, fault, expected, allowances, why, peersSilent);
    }

    /** The same scenario where no peer reports the fault as one (for the reason given): only we must name it. */
    PeerScenario peersSilent(String why) {
        return new PeerScenario(zone, fault, expected, allowances, withoutDnsviz, why);
    }

    @Override
    public String toString() {
        return zone + " (" + fault + ")";
    }
}
