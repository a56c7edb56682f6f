package org.dnstracer.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnstracer.findings.HandBuiltTraces.answered;
import static org.dnstracer.findings.HandBuiltTraces.bare;
import static org.dnstracer.findings.HandBuiltTraces.delegatingTo;

import org.dnstracer.model.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Lines that say nothing about the server itself (repeats, bounds, options) are no finding. */
class UnjudgedStatusTest {
    @ParameterizedTest
    @EnumSource(value = Status.class, names = {"CACHED", "LOOP", "LIMIT", "NOT_QUERIED", "SEND_ERROR", "REFERRAL"})
    void statusGivesNoFinding(Status status) {
        assertThat(Findings.of(delegatingTo(answered("ns1.example.com", "127.0.2.1", 1),
                bare("ns2.example.com", "127.0.2.2", status)), ProbeResults.NONE, new AnalysisOptions(true, true)))
                .isEmpty();
    }

    @Test
    void timeoutWithoutAnyTryIsNotCountedAgain() {
        assertThat(Findings.of(delegatingTo(answered("ns1.example.com", "127.0.2.1", 1),
                bare("ns2.example.com", "127.0.2.2", Status.TIMEOUT)), ProbeResults.NONE, new AnalysisOptions(true, true)))
                .isEmpty();
    }
}
