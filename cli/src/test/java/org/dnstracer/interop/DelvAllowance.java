package org.dnstracer.interop;

/**
 * A difference between our verdict on an answer and delv's that the real-signers and fuzz comparisons accept, each
 * named, narrow (a kind of question and the two verdicts), and printed when used. Only where delv cannot see what we
 * see: it validates the one answer a recursive resolver got, we judge every server. (The ISSUE_20_* allowances for
 * the validator's defects of issue 20 are gone: the validator agrees with delv there now.)
 */
enum DelvAllowance {
    /**
     * One server of three serves expired signatures: we judge every server and say bogus naming it; delv, through a
     * recursive resolver, validates the one answer it got, secure (or insecure, below an unsigned delegation) when
     * that came from a healthy server. Also for a CNAME whose missing target lies in such a zone (the denial of the
     * target comes from each of its servers).
     */
    PER_SERVER_VERSUS_PER_ANSWER {
        @Override
        boolean allows(SignedQuestion q, String ours, String delv) {
            return SignerZones.reachesStaleZone(q) && ours.equals("bogus") && !delv.equals("bogus");
        }
    };

    abstract boolean allows(SignedQuestion q, String ours, String delv);
}
