package org.dnstracer.testkit;

/**
 * A fuzzer's bytes read as a sequence of small choices, so that each mutated byte changes one decision. Past the
 * end every choice is 0: inputs can be short, and the choices numbered 0 are the plain ones.
 */
public final class FuzzChoices {
    private final byte[] bytes;
    private int position;

    public FuzzChoices(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A number from 0 to {@code bound - 1}. */
    public int next(int bound) {
        if (position >= bytes.length) {
            return 0;
        }
        return (bytes[position++] & 0xff) % bound;
    }

    public boolean flag() {
        return next(2) == 1;
    }

    public <T> T pick(java.util.List<T> values) {
        return values.get(next(values.size()));
    }
}
