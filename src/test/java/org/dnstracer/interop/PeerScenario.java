package org.dnstracer.interop;

import java.util.Set;

/** One broken delegation of the interop lab, the fault it is built to have, and the allowances its comparison needs. */
record PeerScenario(String zone, String fault, Set<PeerAllowance> allowances) {
    @Override
    public String toString() {
        return zone + " (" + fault + ")";
    }
}
