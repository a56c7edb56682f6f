package org.dnstracer.interop;

/**
 * A difference between our verdict on an answer and delv's that the real-signers and fuzz comparisons accept, each
 * named, narrow (a kind of question and the two verdicts), and printed when used. The ISSUE_20_* ones are today's
 * validator defects of issue 20, found by this comparison: remove each when the validator fix lands, so that the
 * comparison then demands agreement there.
 */
enum DelvAllowance {
    /**
     * One server of three serves expired signatures: we judge every server and say bogus naming it; delv, through a
     * recursive resolver, validates the one answer it got, secure (or insecure, below an unsigned delegation) when
     * that came from a healthy server.
     */
    PER_SERVER_VERSUS_PER_ANSWER {
        @Override
        boolean allows(SignedQuestion q, String ours, String delv) {
            return q.mode().contains("stale2") && ours.equals("bogus") && !delv.equals("bogus");
        }
    },
    /** Issue 20: a CNAME to a missing name is called bogus (the denial is checked for the question name). Remove when the validator fix lands. */
    ISSUE_20_CNAME_TO_MISSING_NAME_FALSE_BOGUS {
        @Override
        boolean allows(SignedQuestion q, String ours, String delv) {
            return (q.kind() == QuestionKind.CNAME_TO_MISSING_INSIDE || q.kind() == QuestionKind.CNAME_TO_MISSING_ACROSS)
                    && ours.equals("bogus") && delv.equals("secure");
        }
    },
    /** Issue 20: the CNAME synthesized from a DNAME (unsigned by design, RFC 6672) is called bogus. Remove when the validator fix lands. */
    ISSUE_20_DNAME_FALSE_BOGUS {
        @Override
        boolean allows(SignedQuestion q, String ours, String delv) {
            return q.kind() == QuestionKind.DNAME && ours.equals("bogus") && delv.equals("secure");
        }
    },
    /** Issue 20: a valid wildcard NODATA proof (RFC 4035 3.1.3.4) is rejected. Remove when the validator fix lands. */
    ISSUE_20_WILDCARD_NODATA_FALSE_BOGUS {
        @Override
        boolean allows(SignedQuestion q, String ours, String delv) {
            return q.kind() == QuestionKind.WILDCARD_NODATA && ours.equals("bogus") && delv.equals("secure");
        }
    },
    /** Issue 20: a wildcard expansion without the proof that the name does not exist is called secure. Remove when the validator fix lands. */
    ISSUE_20_WILDCARD_WITHOUT_PROOF_FALSE_SECURE {
        @Override
        boolean allows(SignedQuestion q, String ours, String delv) {
            return q.kind() == QuestionKind.FORGED_WILDCARD && ours.equals("secure") && delv.equals("bogus");
        }
    },
    /**
     * Issue 20: a name below a DNAME denied with the NSEC of the DNAME's owner (DNAME bit set), which proves nothing
     * below it (RFC 6672 5.3), is secure for us; delv says bogus. Remove when the validator fix lands.
     */
    ISSUE_20_DNAME_NSEC_ACCEPTED_AS_DENIAL {
        @Override
        boolean allows(SignedQuestion q, String ours, String delv) {
            return q.kind() == QuestionKind.FORGED_DNAME_NSEC && ours.equals("secure") && delv.equals("bogus");
        }
    },
    /**
     * Issue 20: a name below a delegation denied with the parent's NSEC at the delegation point (NS, no SOA, no DS)
     * is a secure NXDOMAIN for us; that NSEC proves nothing below the cut (RFC 6840 4.1), only that the delegation
     * is unsigned, so delv says insecure. Remove when the validator fix lands.
     */
    ISSUE_20_DELEGATION_NSEC_ACCEPTED_AS_DENIAL {
        @Override
        boolean allows(SignedQuestion q, String ours, String delv) {
            return q.kind() == QuestionKind.FORGED_DELEGATION_NSEC && ours.equals("secure") && delv.equals("insecure");
        }
    },
    /**
     * Issue 20, found by the fuzz test (seed 1): in an NSEC3 opt-out zone dnssec-signzone gives no NSEC3 to an empty
     * non-terminal that has only unsigned delegations below it; its NODATA is then the closest encloser proof with
     * an opt-out NSEC3 covering the name. We call it bogus; delv says secure. Remove when the validator fix lands.
     */
    ISSUE_20_OPT_OUT_EMPTY_NON_TERMINAL_FALSE_BOGUS {
        @Override
        boolean allows(SignedQuestion q, String ours, String delv) {
            return q.kind() == QuestionKind.EMPTY_NON_TERMINAL && q.mode().contains("optout") && ours.equals("bogus")
                    && delv.equals("secure");
        }
    },
    /**
     * Issue 20: a wildcard answer whose proof is an NSEC3 with the opt-out flag is secure for us; delv says insecure
     * (RFC 5155 9.2: opt-out cannot prove that no unsigned delegation is there). Remove when the validator fix lands.
     */
    ISSUE_20_WILDCARD_OPT_OUT_FALSE_SECURE {
        @Override
        boolean allows(SignedQuestion q, String ours, String delv) {
            return q.kind() == QuestionKind.WILDCARD && q.mode().contains("optout") && ours.equals("secure")
                    && delv.equals("insecure");
        }
    },
    /**
     * Issue 20: NSEC3 with 500 iterations is not capped: we check its proofs (secure, or bogus where our wildcard
     * NODATA check fails); delv ignores such NSEC3 records (RFC 9276 3.2): insecure for denials, bogus for a wildcard
     * answer it cannot prove. Remove when the validator fix lands.
     */
    ISSUE_20_NSEC3_ITERATIONS_NOT_CAPPED {
        @Override
        boolean allows(SignedQuestion q, String ours, String delv) {
            return q.mode().contains("iter500") && (ours.equals("secure") || ours.equals("bogus"))
                    && (delv.equals("insecure") || delv.equals("bogus"));
        }
    };

    abstract boolean allows(SignedQuestion q, String ours, String delv);
}
