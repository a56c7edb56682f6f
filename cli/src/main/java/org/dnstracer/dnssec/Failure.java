package org.dnstracer.dnssec;

/**
 * Why some data does not validate: the problem code and the words for the tree line. The code is null for data a
 * proof shows to be outside what a validator checks (opt-out, below an unsigned delegation): insecure, and nothing
 * wrong to report.
 */
record Failure(DnssecProblemCode code, String message) {
    /** Insecure by a proof, not by a fault: no problem code. */
    static Failure insecureByProof(String message) {
        return new Failure(null, message);
    }

    /** True when the data could not be judged rather than found bad: indeterminate, not bogus. */
    boolean undecided() {
        return code == DnssecProblemCode.DNSSEC_SIGNER_BELOW_ZONE || code == DnssecProblemCode.DNSSEC_VALIDATION_BUDGET;
    }

    /** True when the data is provably outside what a validator checks (RFC 4035 §4.3): insecure, not bogus. */
    boolean insecure() {
        return code == null || code == DnssecProblemCode.DNSSEC_NSEC3_ITERATIONS;
    }

    /** Of two failures, the one that says more (a signature that exists but is out of date before a missing one). */
    static Failure better(Failure a, Failure b) {
        if (a == null) {
            return b;
        }
        return b.code().ordinal() < a.code().ordinal() ? b : a;
    }
}
