package org.dnstracer.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AdaptiveTimeoutsTest {
    private static final ServerAddress A = server("127.0.0.1");
    private static final ServerAddress B = server("127.0.0.2");

    private static ServerAddress server(String ip) {
        return new ServerAddress(IpAddresses.parseLiteral(ip).orElseThrow(), 53);
    }

    @Test
    void usesTheConfiguredInitialTimeoutBeforeAnyRoundTrip() {
        AdaptiveTimeouts t = new AdaptiveTimeouts(Duration.ofMillis(800), Duration.ofSeconds(5));
        assertThat(t.forTry(A, Protocol.UDP, 0)).isEqualTo(Duration.ofMillis(800));
    }

    @Test
    void doublesPerTryUpToTheCap() {
        AdaptiveTimeouts t = new AdaptiveTimeouts(Duration.ofMillis(800), Duration.ofSeconds(2));
        assertThat(t.forTry(A, Protocol.UDP, 0)).isEqualTo(Duration.ofMillis(800));
        assertThat(t.forTry(A, Protocol.UDP, 1)).isEqualTo(Duration.ofMillis(1600));
        assertThat(t.forTry(A, Protocol.UDP, 2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(t.forTry(A, Protocol.UDP, 60)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void capsTheInitialTimeoutItselfByTheMaximum() {
        AdaptiveTimeouts t = new AdaptiveTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(1));
        assertThat(t.forTry(A, Protocol.UDP, 0)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void nullOrZeroMaximumMeansThirtySeconds() {
        assertThat(new AdaptiveTimeouts(Duration.ofSeconds(1), null).forTry(A, Protocol.UDP, 10))
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(new AdaptiveTimeouts(Duration.ofSeconds(1), Duration.ZERO).forTry(A, Protocol.UDP, 10))
                .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void tcpStartsFromTwiceTheUdpWaitForTheHandshake() {
        AdaptiveTimeouts t = new AdaptiveTimeouts(Duration.ofMillis(300), Duration.ofSeconds(5));
        assertThat(t.forTry(A, Protocol.TCP, 0)).isEqualTo(Duration.ofMillis(600));
        assertThat(t.forTry(A, Protocol.TCP, 1)).isEqualTo(Duration.ofMillis(1200));
    }

    @Test
    void aMeasuredServerGetsItsOwnEstimateWithAFiftyMillisecondFloor() {
        AdaptiveTimeouts t = new AdaptiveTimeouts(Duration.ofMillis(800), Duration.ofSeconds(5));
        t.sample(A, Duration.ofMillis(1));
        assertThat(t.initialFor(A)).isEqualTo(AdaptiveTimeouts.FLOOR);
        t.sample(A, Duration.ofMillis(100)); // srtt 13.375, rttvar 25.125: (13.375 + 100.5) * 2
        assertThat(t.initialFor(A)).isEqualTo(Duration.ofNanos(227_750_000));
    }

    @Test
    void anotherFloorHoldsForMeasuredAndUnmeasuredServersButNotBeyondTheCap() {
        AdaptiveTimeouts t = new AdaptiveTimeouts(Duration.ofMillis(400), Duration.ofSeconds(5), Duration.ofSeconds(2));
        t.sample(A, Duration.ofMillis(1));
        assertThat(t.initialFor(A)).isEqualTo(Duration.ofSeconds(2));
        assertThat(t.initialFor(B)).isEqualTo(Duration.ofSeconds(2));
        AdaptiveTimeouts capped = new AdaptiveTimeouts(Duration.ofMillis(400), Duration.ofSeconds(1), Duration.ofSeconds(2));
        capped.sample(A, Duration.ofMillis(1));
        assertThat(capped.initialFor(A)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aMeasuredServerMayWaitLongerThanTheConfiguredInitialButNotBeyondTheCap() {
        AdaptiveTimeouts t = new AdaptiveTimeouts(Duration.ofMillis(200), Duration.ofSeconds(1));
        t.sample(A, Duration.ofMillis(400));
        assertThat(t.initialFor(A)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void anUnmeasuredServerFallsBackToTheGlobalEstimateButNotBelowHalfTheConfiguredInitial() {
        AdaptiveTimeouts t = new AdaptiveTimeouts(Duration.ofMillis(800), Duration.ofSeconds(5));
        t.sample(A, Duration.ofMillis(2));
        assertThat(t.initialFor(B)).isEqualTo(Duration.ofMillis(400));
        t.sample(A, Duration.ofMillis(900));
        assertThat(t.initialFor(B)).isEqualTo(t.initialFor(A)).isGreaterThan(Duration.ofMillis(800));
    }

    @Test
    void withTheDefaultsASilentServerNeverHeardFromCostsTwoHundredPlusFourHundredPlusEightHundredMilliseconds() {
        AdaptiveTimeouts t = AdaptiveTimeouts.from(TransportOptions.defaults());
        assertThat(t.forTry(A, Protocol.UDP, 0)).isEqualTo(Duration.ofMillis(400)); // nothing measured yet
        t.sample(A, Duration.ofMillis(1)); // a fast trace so far
        assertThat(t.forTry(B, Protocol.UDP, 0)).isEqualTo(Duration.ofMillis(200));
        assertThat(t.forTry(B, Protocol.UDP, 1)).isEqualTo(Duration.ofMillis(400));
        assertThat(t.forTry(B, Protocol.UDP, 2)).isEqualTo(Duration.ofMillis(800));
    }

    @Test
    void nothingIsHedgedBeforeAnyRoundTripIsMeasured() {
        AdaptiveTimeouts t = new AdaptiveTimeouts(Duration.ofMillis(400), Duration.ofSeconds(5));
        assertThat(t.hedgeAfter(A)).isNull();
    }

    @Test
    void aTryIsHedgedAfterThreeOfTheServersOwnSmoothedRoundTrips() {
        AdaptiveTimeouts t = new AdaptiveTimeouts(Duration.ofMillis(400), Duration.ofSeconds(5));
        t.sample(A, Duration.ofMillis(40));
        t.sample(B, Duration.ofMillis(100));
        assertThat(t.hedgeAfter(A)).isEqualTo(Duration.ofMillis(120));
    }

    @Test
    void aServerNeverHeardFromIsHedgedAfterThreeOfTheRunsRoundTrips() {
        AdaptiveTimeouts t = new AdaptiveTimeouts(Duration.ofMillis(400), Duration.ofSeconds(5));
        t.sample(A, Duration.ofMillis(40));
        assertThat(t.hedgeAfter(B)).isEqualTo(Duration.ofMillis(120));
        assertThat(t.hedgeAfter(B)).isLessThan(t.initialFor(B));
    }

    @Test
    void aSlowFirstReplyOfTheRunDoesNotDelayTheHedgesOfNewServers() {
        // the run's first replies are the slowest (both ends still warming up): the median of recent ones forgets them
        AdaptiveTimeouts t = new AdaptiveTimeouts(Duration.ofMillis(400), Duration.ofSeconds(5));
        t.sample(A, Duration.ofMillis(160));
        t.sample(B, Duration.ofMillis(40));
        t.sample(server("127.0.0.3"), Duration.ofMillis(42));
        assertThat(t.hedgeAfter(server("127.0.0.4"))).isEqualTo(Duration.ofMillis(126));
    }

    @Test
    void aHedgedTryWaitsLongEnoughForTheHedgeToBeAnsweredWithinTheCap() {
        AdaptiveTimeouts t = new AdaptiveTimeouts(Duration.ofMillis(400), Duration.ofMillis(500));
        assertThat(t.withRoomForHedge(Duration.ofMillis(200), Duration.ofMillis(150))).isEqualTo(Duration.ofMillis(300));
        assertThat(t.withRoomForHedge(Duration.ofMillis(400), Duration.ofMillis(150))).isEqualTo(Duration.ofMillis(400));
        assertThat(t.withRoomForHedge(Duration.ofMillis(400), Duration.ofMillis(300))).isEqualTo(Duration.ofMillis(500));
        assertThat(t.withRoomForHedge(Duration.ofMillis(200), Duration.ofMillis(250))).isEqualTo(Duration.ofMillis(200));
        assertThat(t.withRoomForHedge(Duration.ofMillis(200), null)).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void aTcpTryToAFastUdpServerStillWaitsAtLeastTheConfiguredFirstWait() {
        AdaptiveTimeouts t = new AdaptiveTimeouts(Duration.ofMillis(400), Duration.ofSeconds(5));
        t.sample(A, Duration.ofMillis(4));
        assertThat(t.forTry(A, Protocol.UDP, 0)).isEqualTo(AdaptiveTimeouts.FLOOR);
        assertThat(t.forTry(A, Protocol.TCP, 0)).isEqualTo(Duration.ofMillis(400));
        assertThat(t.forTry(A, Protocol.TCP, 1)).isEqualTo(Duration.ofMillis(800));
    }

    @Test
    void hedgesWaitAtLeastTheFloorSoThatJitterAloneSendsNoHedge() {
        AdaptiveTimeouts t = new AdaptiveTimeouts(Duration.ofMillis(400), Duration.ofSeconds(5));
        t.sample(A, Duration.ofMillis(1));
        assertThat(t.hedgeAfter(A)).isEqualTo(AdaptiveTimeouts.FLOOR);
    }
}
