package org.dnstracer.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RttEstimatorTest {
    @Test
    void hasNoEstimateBeforeTheFirstSample() {
        assertThat(new RttEstimator().estimate()).isEmpty();
    }

    @Test
    void firstSampleSetsSrttToTheSampleAndRttvarToHalfOfIt() {
        RttEstimator e = new RttEstimator();
        e.sample(Duration.ofMillis(100));
        assertThat(e.smoothedRtt()).contains(Duration.ofMillis(100));
        // (100 + 4 * 50) * 2
        assertThat(e.estimate()).contains(Duration.ofMillis(600));
    }

    @Test
    void steadySamplesShrinkTheVarianceTowardsTwiceTheRtt() {
        RttEstimator e = new RttEstimator();
        for (int i = 0; i < 100; i++) {
            e.sample(Duration.ofMillis(40));
        }
        assertThat(e.smoothedRtt().orElseThrow().toMillis()).isEqualTo(40);
        assertThat(e.estimate().orElseThrow().toMillis()).isBetween(80L, 81L);
    }

    @Test
    void aSlowOutlierRaisesTheEstimateMoreThanTheAverage() {
        RttEstimator e = new RttEstimator();
        for (int i = 0; i < 20; i++) {
            e.sample(Duration.ofMillis(20));
        }
        Duration before = e.estimate().orElseThrow();
        e.sample(Duration.ofMillis(220));
        // srtt moves by 1/8 of the error (25 ms), rttvar by 1/4 (50 ms) and counts four times
        assertThat(e.smoothedRtt().orElseThrow().toMillis()).isEqualTo(45);
        assertThat(e.estimate().orElseThrow()).isGreaterThan(before.plusMillis(400));
    }

    @Test
    void followsTheRfc6298UpdateOrder() {
        RttEstimator e = new RttEstimator();
        e.sample(Duration.ofMillis(100)); // srtt 100, rttvar 50
        e.sample(Duration.ofMillis(200)); // rttvar uses the old srtt: 0.75*50 + 0.25*100 = 62.5; srtt 112.5
        assertThat(e.smoothedRtt().orElseThrow().toNanos()).isEqualTo(112_500_000L);
        assertThat(e.estimate().orElseThrow().toNanos()).isEqualTo((112_500_000L + 4 * 62_500_000L) * 2);
        assertThat(e.samples()).isEqualTo(2);
    }
}
