package org.dnstracer.dnssec;

/** Why some data does not validate: the problem code and the words for the tree line. */
record Failure(DnssecProblemCode code, String message) {
    /** Of two failures, the one that says more (a signature that exists but is out of date before a missing one). */
    static Failure better(Failure a, Failure b) {
        if (a == null) {
            return b;
        }
        return b.code().ordinal() < a.code().ordinal() ? b : a;
    }
}
