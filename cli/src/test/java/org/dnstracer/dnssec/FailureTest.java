package org.dnstracer.dnssec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which of two failures of one RRset's signatures the line reports. */
class FailureTest {
    private static final Failure EXPIRED = new Failure(DnssecProblemCode.DNSSEC_RRSIG_EXPIRED, "expired");
    private static final Failure INVALID = new Failure(DnssecProblemCode.DNSSEC_SIGNATURE_INVALID, "invalid");
    private static final Failure MISSING = new Failure(DnssecProblemCode.DNSSEC_MISSING_RRSIG, "missing");

    @Test
    void aSignatureThatExistsButIsOutOfDateSaysMoreThanOneThatDoesNotVerifyOrIsMissing() {
        assertThat(Failure.better(null, INVALID)).isSameAs(INVALID);
        assertThat(Failure.better(INVALID, EXPIRED)).isSameAs(EXPIRED);
        assertThat(Failure.better(EXPIRED, INVALID)).isSameAs(EXPIRED);
        assertThat(Failure.better(MISSING, INVALID)).isSameAs(INVALID);
        // of two of the same kind, the first met stays
        Failure second = new Failure(DnssecProblemCode.DNSSEC_RRSIG_EXPIRED, "expired too");
        assertThat(Failure.better(EXPIRED, second)).isSameAs(EXPIRED);
    }

    @Test
    void onlyUntraceableSignersAndTheUsedUpBudgetAreUndecidedAndOnlyExcessiveIterationsInsecure() {
        for (DnssecProblemCode code : DnssecProblemCode.values()) {
            Failure f = new Failure(code, "m");
            assertThat(f.undecided()).as(code.name()).isEqualTo(code == DnssecProblemCode.DNSSEC_SIGNER_BELOW_ZONE
                    || code == DnssecProblemCode.DNSSEC_VALIDATION_BUDGET);
            assertThat(f.insecure()).as(code.name()).isEqualTo(code == DnssecProblemCode.DNSSEC_NSEC3_ITERATIONS);
        }
    }
}
