package org.dnstracer.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

/** The judge of {@link DnsTransportUdpTest}'s ID test must fail the weak generators it exists to catch. */
class IdRandomnessTest {
    private static int[] ids(IntUnaryOperator nth) {
        int[] ids = new int[IdRandomness.SAMPLE];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = nth.applyAsInt(i) & 0xffff;
        }
        return ids;
    }

    @Test
    void aCounterFails() {
        assertThat(IdRandomness.whyNotRandom(ids(i -> i))).isPresent();
        assertThat(IdRandomness.whyNotRandom(ids(i -> 0xfff0 + i))).isPresent(); // wrapping around
        int start = new Random(7).nextInt(65536);
        assertThat(IdRandomness.looksRandom(ids(i -> start + i))).isFalse();
    }

    @Test
    void aConstantStrideFails() {
        assertThat(IdRandomness.whyNotRandom(ids(i -> 0x9e37 * i + 12345)))
                .hasValueSatisfying(why -> assertThat(why).contains("distinct steps"));
    }

    @Test
    void eightRandomBitsAreNotEnough() {
        Random random = new Random(11);
        assertThat(IdRandomness.looksRandom(ids(i -> 0x4200 | random.nextInt(256)))).isFalse();
        assertThat(IdRandomness.looksRandom(ids(i -> random.nextInt(256) << 8))).isFalse();
    }

    @Test
    void aRandomHighByteOverACountingLowByteFails() {
        Random random = new Random(13);
        assertThat(IdRandomness.looksRandom(ids(i -> random.nextInt(256) << 8 | i))).isFalse();
    }

    @Test
    void tooManyRepeatsFail() {
        Random random = new Random(17);
        assertThat(IdRandomness.whyNotRandom(ids(i -> random.nextInt(400) * 163)))
                .hasValueSatisfying(why -> assertThat(why).contains("repeated IDs"));
    }

    @Test
    void uniformRandomIdsPass() {
        // fixed seeds: deterministic, and each a fair sample of a uniform source
        for (long seed = 1; seed <= 200; seed++) {
            Random random = new Random(seed);
            int[] sample = ids(i -> random.nextInt(65536));
            assertThat(IdRandomness.whyNotRandom(sample)).as("seed %d", seed).isEmpty();
        }
    }

    @Test
    void rejectsASampleOfAnotherSizeOrNotSixteenBits() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> IdRandomness.looksRandom(new int[16]));
        int[] tooWide = ids(i -> i);
        tooWide[3] = 0x10000;
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> IdRandomness.looksRandom(tooWide));
    }
}
