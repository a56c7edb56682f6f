package org.dnstracer.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.dnstracer.testkit.FakeNetwork;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final InetAddress a = FakeNetwork.ip("127.0.0.1");
    private final InetAddress b = FakeNetwork.ip("127.0.0.2");

    @Test
    void aBurstGoesAtOnceThenQueriesAreSpacedByTheRate() {
        TokenBuckets buckets = new TokenBuckets(10, 3, now::get);
        assertThat(buckets.reserve(a)).isZero();
        assertThat(buckets.reserve(a)).isZero();
        assertThat(buckets.reserve(a)).isZero();
        assertThat(buckets.reserve(a)).isEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
        assertThat(buckets.reserve(a)).isEqualTo(TimeUnit.MILLISECONDS.toNanos(200));
        assertThat(buckets.reserve(b)).as("another address has its own bucket").isZero();
    }

    @Test
    void theWaitsHandedOutAreSummedForTheBulkSummary() {
        TokenBuckets buckets = new TokenBuckets(10, 1, now::get);
        buckets.reserve(a);
        assertThat(buckets.waitedNanos()).isZero();
        buckets.reserve(a);
        buckets.reserve(a);
        buckets.tryTake(a); // a hedge left out waits for nothing
        assertThat(buckets.waitedNanos()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(100 + 200));
    }

    @Test
    void noWindowSeesMoreThanBurstPlusRateTimesItsLength() {
        TokenBuckets buckets = new TokenBuckets(20, 5, now::get);
        long start = now.get();
        long[] sendTimes = new long[200];
        for (int i = 0; i < sendTimes.length; i++) {
            now.addAndGet(TimeUnit.MILLISECONDS.toNanos(7)); // asked every 7 ms: faster than 20/s
            sendTimes[i] = now.get() + buckets.reserve(a);
        }
        for (int i = 0; i < sendTimes.length; i++) {
            for (int j = i; j < sendTimes.length; j++) {
                double seconds = (sendTimes[j] - sendTimes[i]) / 1e9;
                assertThat(j - i + 1).isLessThanOrEqualTo((int) Math.floor(5 + 20 * seconds) + 1);
            }
        }
        assertThat(sendTimes[199] - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos((200 - 5) * 50));
    }

    @Test
    void tokensRefillWhileAnAddressIsQuiet() {
        TokenBuckets buckets = new TokenBuckets(10, 2, now::get);
        buckets.reserve(a);
        buckets.reserve(a);
        now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        assertThat(buckets.reserve(a)).isZero();
        assertThat(buckets.reserve(a)).isZero();
    }

    @Test
    void theMapForgetsOnlyFullBuckets() {
        TokenBuckets buckets = new TokenBuckets(10, 1, now::get);
        buckets.reserve(a);
        buckets.reserve(a); // a owes a token: it must not be forgotten
        buckets.reserve(b);
        buckets.reserve(FakeNetwork.ip("127.0.0.3"));
        assertThat(buckets.size()).isEqualTo(3);
        now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        for (int i = 4; i < 50; i++) {
            buckets.reserve(FakeNetwork.ip("127.0.0." + i));
            now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        }
        assertThat(buckets.size()).isLessThanOrEqualTo(2);
    }

    @Test
    void aBucketInDebtIsRememberedUntilItHasRefilled() {
        TokenBuckets buckets = new TokenBuckets(10, 1, now::get);
        buckets.reserve(a);
        assertThat(buckets.reserve(a)).isEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
        // longer than a bucket takes to fill from empty (100 ms), shorter than from one token in debt (200 ms)
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(150));
        assertThat(buckets.reserve(a)).isEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(150));
        assertThat(buckets.size()).as("full again at 200 ms after the last take: forgotten").isZero();
        assertThat(buckets.reserve(a)).isZero();
    }

    @Test
    void aRateBelowOneASecondSpacesQueriesBySeconds() {
        TokenBuckets buckets = new TokenBuckets(0.5, 1, now::get);
        assertThat(buckets.reserve(a)).isZero();
        assertThat(buckets.reserve(a)).isEqualTo(TimeUnit.SECONDS.toNanos(2));
        assertThat(buckets.tryTake(a)).isFalse();
        now.addAndGet(TimeUnit.SECONDS.toNanos(4));
        assertThat(buckets.tryTake(a)).isTrue();
    }
}
