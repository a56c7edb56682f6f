package org.dnstracer.interop;

import java.util.function.Function;

/**
 * Where dnsjava's validator (run per server line by {@code CoreValidator}) and delv differ on the real signers'
 * zones, each named and narrow: the kind of question, the two verdicts, and dnsjava's own reason on the server lines
 * (its words, from {@code messages.properties} of dnsjava 3.7.1). On each of these our hand-written validator agrees
 * with delv: they are what keeps it hand-written (issue 20 item 1).
 */
enum CoreAllowance {
    /**
     * We judge every server, delv the one answer a recursive resolver got (as {@link DelvAllowance}): the same
     * difference our own validator has on the zone whose copy on one server expired.
     */
    PER_SERVER_VERSUS_PER_ANSWER {
        @Override
        boolean allows(SignedQuestion q, String core, String delv, String lines, Function<String, String> modeOf) {
            return SignerZones.reachesStaleZone(q) && core.equals("bogus") && !delv.equals("bogus");
        }
    },
    /**
     * A denial (NXDOMAIN, an empty non-terminal, a wildcard NODATA, the missing target of a CNAME) proven by a
     * closest-encloser proof whose next-closer name is covered by an opt-out NSEC3: dnsjava's NSEC3ValUtils says
     * insecure ("NSEC3 proofed that the target domain is under opt-out"); BIND's validator (delv) says the denial is
     * proven, secure: opt-out only leaves room for an unsigned delegation, and the name asked is not one (RFC 5155
     * 9.2 makes insecure only a positive answer or a DS denial it leaves open).
     */
    OPT_OUT_DENIAL_CALLED_INSECURE {
        @Override
        boolean allows(SignedQuestion q, String core, String delv, String lines, Function<String, String> modeOf) {
            // every insecure line is a server of an opt-out zone, with dnsjava's reason for an NXDOMAIN proof or, for
            // its NODATA proof (proveNodata), none
            return DENIALS.contains(q.kind()) && core.equals("insecure") && delv.equals("secure")
                    && lines.lines().filter(l -> l.contains(": insecure"))
                            .allMatch(l -> modeOf.apply(zoneOf(l)).contains("optout")
                                    && (l.contains("under opt-out") || l.endsWith(": insecure")));
        }
    },
    NSEC3_ITERATIONS_HANDLED_UNLIKE_BIND {
        @Override
        boolean allows(SignedQuestion q, String core, String delv, String lines, Function<String, String> modeOf) {
            return q.mode().contains("iter500") && !core.equals(delv)
                    && lines.contains("ignored due to unknown algorithms or invalid iteration counts");
        }
    },
    /**
     * The parent's NXDOMAIN for a name below an unsigned delegation, "proven" by the delegation-point NSEC: dnsjava
     * judges that reply alone, proof missing, bogus; a resolver (delv) follows the delegation, finds it unsigned by
     * the same NSEC, and calls the name insecure (RFC 6840 4.1): so does our validator.
     */
    DENIAL_BELOW_UNSIGNED_CUT {
        @Override
        boolean allows(SignedQuestion q, String core, String delv, String lines, Function<String, String> modeOf) {
            return q.kind() == QuestionKind.FORGED_DELEGATION_NSEC && core.equals("bogus") && delv.equals("insecure")
                    && lines.contains("NameError response has failed to prove");
        }
    },
    /**
     * A zone delegated more than one label below its parent (b.c.b.zone from zone): Unbound's validator walks
     * the DS label by label and asks the DS of the non-cut name between (b.zone), which no server was asked during
     * the trace; the recorded-replies resolver answers SERVFAIL, and dnsjava calls the unsigned child bogus where
     * delv, asking, gets the NODATA and says insecure, as ours does from the referral's proof of no DS. Recording it
     * would need the -D trace to ask that DS too (a query our validator does not need).
     */
    UNRECORDED_DS_BELOW_A_NON_CUT {
        @Override
        boolean allows(SignedQuestion q, String core, String delv, String lines, Function<String, String> modeOf) {
            return core.equals("bogus") && !delv.equals("bogus")
                    && lines.lines().filter(l -> l.contains(": bogus"))
                            .allMatch(l -> l.matches(".*\\[unrecorded: \\[[^ ]+ DS\\]\\]$"));
        }
    };

    private static final java.util.Set<QuestionKind> DENIALS = java.util.EnumSet.of(QuestionKind.NXDOMAIN,
            QuestionKind.WILDCARD_NODATA, QuestionKind.EMPTY_NON_TERMINAL, QuestionKind.CNAME_TO_MISSING_INSIDE,
            QuestionKind.CNAME_TO_MISSING_ACROSS,
            // a DNAME whose synthesized target is missing or lacks the type ends in the same denial proof (seen on
            // seed 899626093536523211: c.a.c0z1.sig AAAA, "NSEC3 proofed that the target domain is under opt-out")
            QuestionKind.DNAME);

    /** The zone of a line of {@code CoreVerdicts.of}: "SERVER (ZONE): STATUS...". */
    private static String zoneOf(String line) {
        int open = line.indexOf(" (");
        int close = line.indexOf("): ", open);
        return open < 0 || close < 0 ? "" : line.substring(open + 2, close);
    }

    /**
     * @param lines dnsjava's verdict on each server line of our trace ({@code CoreVerdicts.of} without its first line)
     * @param modeOf the signing mode of a zone by name ("nsec3+optout"...), "" for one the lab did not sign
     */
    abstract boolean allows(SignedQuestion q, String core, String delv, String lines, Function<String, String> modeOf);
}
