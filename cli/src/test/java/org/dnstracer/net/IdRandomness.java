package org.dnstracer.net;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A deterministic judgement of whether a sequence of 16-bit message IDs could come from a uniform random source,
 * strict enough that counters, constant strides and generators with fewer than 16 random bits fail it.
 *
 * <p>Each check's bound lies at least six standard deviations (or a Poisson tail below 1e-7) away from what
 * uniform random IDs give for {@link #SAMPLE} IDs, so a good source fails with a probability below one in a
 * million per run while any of the weak ones named above fails every time.
 */
final class IdRandomness {
    /** How many IDs the checks are tuned for. */
    static final int SAMPLE = 512;

    private IdRandomness() {}

    static boolean looksRandom(int[] ids) {
        return whyNotRandom(ids).isEmpty();
    }

    /** The first check the IDs fail, in words, or empty when they pass all of them. */
    static Optional<String> whyNotRandom(int[] ids) {
        if (ids.length != SAMPLE) {
            throw new IllegalArgumentException("the bounds are tuned for " + SAMPLE + " IDs, not " + ids.length);
        }
        for (int id : ids) {
            if (id < 0 || id > 0xffff) {
                throw new IllegalArgumentException("not a 16-bit ID: " + id);
            }
        }
        // 512 draws from 65536: about 2 repeats expected (Poisson); more than 14 has probability below 1e-7
        int repeats = ids.length - distinct(ids);
        if (repeats > 14) {
            return Optional.of(repeats + " repeated IDs");
        }
        // a counter or a constant stride has a handful of distinct steps; random IDs about 509 of 511
        int[] steps = new int[ids.length - 1];
        for (int i = 1; i < ids.length; i++) {
            steps[i - 1] = (ids[i] - ids[i - 1]) & 0xffff;
        }
        int distinctSteps = distinct(steps);
        if (distinctSteps < steps.length - 20) {
            return Optional.of("only " + distinctSteps + " distinct steps between consecutive IDs");
        }
        // steps within ±255: probability 511/65536 each, about 4 expected; over 30 is a slow walk
        int small = 0;
        for (int step : steps) {
            if (step < 256 || step > 0xffff - 255) {
                small++;
            }
        }
        if (small > 30) {
            return Optional.of(small + " steps of less than 256 between consecutive IDs");
        }
        for (int bit = 0; bit < 16; bit++) {
            // each bit set in half of the IDs (binomial, sd 11.3): 180..332 is more than 6.7 sd either way
            int set = 0;
            for (int id : ids) {
                set += (id >>> bit) & 1;
            }
            if (set < 180 || set > 332) {
                return Optional.of("bit " + bit + " set in " + set + " of " + ids.length + " IDs");
            }
            // and flipping between consecutive IDs half the time: a counter's lowest bit always flips
            int flips = 0;
            for (int i = 1; i < ids.length; i++) {
                flips += ((ids[i] ^ ids[i - 1]) >>> bit) & 1;
            }
            if (flips < 180 || flips > 331) {
                return Optional.of("bit " + bit + " flips between " + flips + " of " + steps.length + " consecutive IDs");
            }
        }
        // the high and the low byte each spread over 16 buckets of their top nibble: chi-square with 15 degrees of
        // freedom exceeds 60 with probability below 1e-7
        for (int shift : new int[] {12, 4}) {
            int[] buckets = new int[16];
            for (int id : ids) {
                buckets[(id >>> shift) & 0xf]++;
            }
            double expected = ids.length / 16.0;
            double chiSquare = 0;
            for (int count : buckets) {
                chiSquare += (count - expected) * (count - expected) / expected;
            }
            if (chiSquare > 60) {
                return Optional.of(String.format("nibble at bit %d unevenly spread (chi-square %.1f)", shift, chiSquare));
            }
        }
        return Optional.empty();
    }

    private static int distinct(int[] values) {
        Set<Integer> seen = new HashSet<>();
        for (int v : values) {
            seen.add(v);
        }
        return seen.size();
    }
}
