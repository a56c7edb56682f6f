package org.dnstracer.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RecentRoundTripsTest {
    @Test
    void isEmptyBeforeTheFirstSample() {
        assertThat(new RecentRoundTrips().median()).isEmpty();
    }

    @Test
    void isTheMedianOfTheLastSamplesOnly() {
        RecentRoundTrips r = new RecentRoundTrips();
        r.sample(Duration.ofMillis(500));
        for (int i = 0; i < RecentRoundTrips.KEPT; i++) {
            r.sample(Duration.ofMillis(10 + i));
        }
        assertThat(r.median()).contains(Duration.ofMillis(14));
    }
}
