package org.dnstracer.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnstracer.findings.HandBuiltTraces.answered;
import static org.dnstracer.findings.HandBuiltTraces.delegatingTo;

import java.util.List;
import org.junit.jupiter.api.Test;

class SlowServerTest {
    private static final AnalysisOptions LAB = new AnalysisOptions(true, true);

    private static List<Finding> slow(long... millis) {
        return Findings.of(delegatingTo(answered("ns1.example.com", "127.0.2.1", millis[0]),
                answered("ns2.example.com", "127.0.2.2", millis[1]),
                answered("ns3.example.com", "127.0.2.3", millis[2])), ProbeResults.NONE, LAB)
                .stream().filter(f -> f.code() == FindingCode.SLOW_SERVER).toList();
    }

    @Test
    void serverFarSlowerThanItsSiblingsIsNamed() {
        assertThat(slow(2, 600, 4)).singleElement().satisfies(f -> {
            assertThat(f.server()).isEqualTo("ns2.example.com");
            assertThat(f.message()).isEqualTo("round trip 600 ms, over 4 times the median 3 ms of its 2 siblings");
            assertThat(f.evidence()).containsExactly("delegated by a.root.test");
        });
    }

    @Test
    void slowButNotFarAboveTheSiblingsIsNotAFinding() {
        assertThat(slow(200, 600, 200)).isEmpty();
    }

    @Test
    void farAboveTheSiblingsButFastIsNotAFinding() {
        assertThat(slow(2, 240, 4)).isEmpty();
    }
}
