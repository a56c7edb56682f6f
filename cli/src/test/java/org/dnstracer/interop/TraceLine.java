package org.dnstracer.interop;

/**
 * One server line of a trace tree, classic layout: {@code <graphics><name> [<zone>] (<ip>) <status>}.
 * {@code zone} is null at depth 0 (no zone label), {@code ip} is null for "(No IP address)".
 * Name, zone and ip are already normalised; status is the raw text after the address.
 */
record TraceLine(int section, int depth, String name, String zone, String ip, String status) {

    Outcome outcome() {
        return Outcome.of(this);
    }

    /** The status in brackets contains this tag, e.g. "REFUSED" for "Lame server [REFUSED] ". */
    boolean hasTag(String tag) {
        return status.contains("[" + tag);
    }
}
