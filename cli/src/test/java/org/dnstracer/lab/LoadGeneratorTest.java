package org.dnstracer.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The load generator stops by itself at its query budget, and the lab answers (nearly) all of it. */
class LoadGeneratorTest {
    @Test
    void boundedRunStopsAtItsQueryBudget() throws Exception {
        try (Lab lab = Lab.start(LabDefinition.builtIn(), 0)) {
            // the time limit is far beyond what 2,000 loopback queries take even on a busy machine: the budget ends it
            LoadGenerator.Result r = LoadGenerator.run(lab, 120, 2_000, 2, 8);
            assertThat(r.sent()).isEqualTo(2_000);
            assertThat(r.received()).isGreaterThan(1_900);
        }
    }
}
