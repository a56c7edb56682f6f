package org.dnstracer.interop;

/** A difference between our per-zone DNSSEC verdicts and delv's or drill's that a scenario names as expected. */
enum DnssecAllowance {
    /**
     * We check every server of a zone and call the zone bogus when one of them serves bad signatures (naming it);
     * delv (through a recursive resolver) and drill -TD validate one answer from one server, so they say secure or
     * bogus depending on the server they happened to get. Allows: ours bogus, theirs secure, for the answer's zone.
     */
    PER_SERVER_VERSUS_PER_ANSWER {
        @Override
        boolean allows(String peer, String zone, String answerZone, String ours, String theirs) {
            return zone.equals(answerZone) && ours.equals("bogus") && theirs.equals("secure");
        }
    },
    /**
     * drill -S only chases signatures up to a trusted key and has no insecure: for an answer from a zone whose
     * unsigned delegation is proven (NSEC) it says "Chase failed". Allows: ours insecure, drill -S bogus.
     */
    DRILL_CHASE_HAS_NO_INSECURE {
        @Override
        boolean allows(String peer, String zone, String answerZone, String ours, String theirs) {
            return peer.equals(DnssecPeersInteropTest.DRILL_CHASE) && zone.equals(answerZone)
                    && ours.equals("insecure") && theirs.equals("bogus");
        }
    };

    abstract boolean allows(String peer, String zone, String answerZone, String ours, String theirs);
}
