package org.dnstracer.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The load generator stops by itself at its query budget, and the lab answers (nearly) all of it. */
class LoadGeneratorTest {
    @Test
    void boundedRunStopsAtItsQueryBudget() throws Exception {
        try (Lab lab = Lab.start(LabDefinition.builtIn(), 0)) {
            LoadGenerator.Result r = LoadGenerator.run(lab, 10, 2_000, 2, 8);
            assertThat(r.sent()).isEqualTo(2_000);
            assertThat(r.received()).isGreaterThan(1_900);
            assertThat(r.seconds()).isLessThan(10);
        }
    }
}
