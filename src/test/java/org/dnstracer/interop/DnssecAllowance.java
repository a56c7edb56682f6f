package org.dnstracer.interop;

/** A difference between our per-zone DNSSEC verdicts and delv's or drill's that a scenario names as expected. */
enum DnssecAllowance {
    /**
     * We check every server of a zone and call the zone bogus when one of them serves bad signatures (naming it);
     * delv (through a recursive resolver) and drill -TD validate one answer from one server, so they say secure or
     * bogus depending on the server they happened to get. Allows: ours bogus, theirs secure, for the answer's zone.
     */
    PER_SERVER_VERSUS_PER_ANSWER;

    boolean allows(String zone, String answerZone, String ours, String theirs) {
        return zone.equals(answerZone) && ours.equals("bogus") && theirs.equals("secure");
    }
}
