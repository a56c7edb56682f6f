package org.dnstracer.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.dnstracer.testkit.FakeNetwork;
import org.dnstracer.trace.Delegation;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;

class BulkCachesTest {
    private final AtomicLong now = new AtomicLong();
    private final InetAddress tld = FakeNetwork.ip("127.0.1.1");

    private BulkCaches caches(int entries) {
        return new BulkCaches(entries, Duration.ofHours(1), Duration.ofMinutes(1), now::get);
    }

    private static Name n(String s) {
        return Name.fromConstantString(s);
    }

    private static Delegation delegation(String zone) {
        return new Delegation(n(zone), List.of(n("ns1." + zone)), Map.of());
    }

    @Test
    void aReferralServesEveryNameBelowItsZoneFromTheSameServerAndZone() {
        BulkCaches c = caches(10);
        c.referred(tld, n("com."), delegation("example.com."), 300);
        assertThat(c.referral(tld, n("com."), n("a.b.example.com."))).contains(delegation("example.com."));
        assertThat(c.referral(tld, n("com."), n("example.com."))).isPresent();
        assertThat(c.referral(tld, n("com."), n("other.com."))).isEmpty();
        assertThat(c.referral(tld, n("example.com."), n("www.example.com."))).as("asked in another zone").isEmpty();
        assertThat(c.referral(FakeNetwork.ip("127.0.1.2"), n("com."), n("www.example.com."))).isEmpty();
    }

    @Test
    void theDeepestKnownCutWins() {
        BulkCaches c = caches(10);
        c.referred(tld, n("com."), delegation("example.com."), 300);
        c.referred(tld, n("com."), delegation("sub.example.com."), 300);
        assertThat(c.referral(tld, n("com."), n("www.sub.example.com.")).orElseThrow().zone())
                .isEqualTo(n("sub.example.com."));
    }

    @Test
    void referralsLiveForTheirTtlCappedByTheMaximum() {
        BulkCaches c = caches(10);
        c.referred(tld, n("com."), delegation("example.com."), 300);
        c.referred(tld, n("com."), delegation("long.com."), 86_400 * 7);
        c.referred(tld, n("com."), delegation("zero.com."), 0);
        now.addAndGet(TimeUnit.SECONDS.toNanos(299));
        assertThat(c.referral(tld, n("com."), n("www.example.com."))).isPresent();
        assertThat(c.referral(tld, n("com."), n("www.zero.com."))).isEmpty();
        now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        assertThat(c.referral(tld, n("com."), n("www.example.com."))).isEmpty();
        now.addAndGet(TimeUnit.HOURS.toNanos(1));
        assertThat(c.referral(tld, n("com."), n("www.long.com."))).isEmpty();
    }

    @Test
    void everyCacheIsBoundedWhateverTheNumberOfZones() {
        BulkCaches c = caches(100);
        for (int i = 0; i < 10_000; i++) {
            c.referred(tld, n("com."), delegation("z" + i + ".com."), 300);
            c.found(n("ns" + i + ".net."), List.of(tld));
            c.exchanged(FakeNetwork.ip("127.1." + (i / 250) + "." + (i % 250)), false);
        }
        assertThat(c.size()).isEqualTo(300);
        assertThat(c.referral(tld, n("com."), n("www.z9999.com."))).isPresent();
        assertThat(c.referral(tld, n("com."), n("www.z0.com."))).isEmpty();
    }

    @Test
    void anAddressIsSilentAfterThreeFailuresInARowUntilItAnswersOrItsTimeIsUp() {
        BulkCaches c = caches(10);
        c.exchanged(tld, false);
        c.exchanged(tld, false);
        assertThat(c.isDead(tld)).as("two failures may be a slow spell").isFalse();
        c.exchanged(tld, false);
        assertThat(c.isDead(tld)).isTrue();
        c.exchanged(tld, true);
        assertThat(c.isDead(tld)).isFalse();
        for (int i = 0; i < BulkCaches.FAILURES_TO_DEAD; i++) {
            c.exchanged(tld, false);
        }
        now.addAndGet(TimeUnit.MINUTES.toNanos(1));
        assertThat(c.isDead(tld)).isFalse();
    }

    @Test
    void aSilentAddressIsStillProbedNowAndThen() {
        BulkCaches c = caches(10);
        for (int i = 0; i < BulkCaches.FAILURES_TO_DEAD; i++) {
            c.exchanged(tld, false);
        }
        assertThat(c.isDead(tld)).isTrue();
        now.addAndGet(BulkCaches.PROBE_EVERY.toNanos());
        assertThat(c.isDead(tld)).as("the probe").isFalse();
        assertThat(c.isDead(tld)).as("only one").isTrue();
    }

    @Test
    void askingWhetherAnAddressIsSilentDoesNotProlongItsSilence() {
        BulkCaches c = caches(10);
        for (int i = 0; i < BulkCaches.FAILURES_TO_DEAD; i++) {
            c.exchanged(tld, false);
        }
        now.addAndGet(TimeUnit.SECONDS.toNanos(30));
        assertThat(c.isDead(tld)).as("the probe").isFalse();
        now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        assertThat(c.isDead(tld)).isTrue();
        now.addAndGet(TimeUnit.SECONDS.toNanos(29));
        // a minute after the last failure: forgotten, not merely due for its next probe
        assertThat(c.isDead(tld)).isFalse();
        assertThat(c.isDead(tld)).isFalse();
    }
}
