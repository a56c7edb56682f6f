package org.dnstracer.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import picocli.CommandLine.TypeConversionException;

/** A number of seconds as people write it ({@code 5}, {@code 0.25}, {@code 1e-3}), exact to the nanosecond. */
final class Seconds {
    private static final long NANOS = 1_000_000_000L;

    private Seconds() {}

    /**
     * The value in nanoseconds, rounded half up, saturated at {@code Long.MIN_VALUE}/{@code MAX_VALUE} (callers
     * check a range far inside). Plain decimal notation only: unlike Double.parseDouble, no "NaN", "Infinity",
     * "5d" or hexadecimal.
     *
     * <p>The common forms ({@code 5}, {@code 0.25}) are read with long arithmetic: {@code -t 5} is the default,
     * converted on every run, and BigDecimal's static initialiser alone took a fifth of a trace's start-up on
     * the main thread (profiled on JDK 25 with the AOT cache).
     */
    static long parseNanos(String text) {
        String t = text.trim();
        long simple = simpleNanos(t);
        if (simple >= 0) {
            return simple;
        }
        BigDecimal seconds;
        try {
            seconds = new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + text + "' is not a number of seconds");
        }
        // compared before scaling: 1e-999999999 or 1e999999999 cannot be scaled to nanoseconds at all
        if (seconds.abs().compareTo(Limits.SATURATED) > 0) {
            return seconds.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        BigDecimal nanos = seconds.abs().compareTo(Limits.TINY) < 0 ? BigDecimal.ZERO
                : seconds.movePointRight(9).setScale(0, RoundingMode.HALF_UP);
        if (nanos.signum() == 0) {
            // below half a nanosecond but not zero: too small, not "0" (which -t reads as 30 s)
            return seconds.signum();
        }
        return nanos.longValueExact();
    }

    /** Up to 9 digits, optionally a point and up to 9 more: the nanoseconds; -1 for anything else. */
    private static long simpleNanos(String t) {
        int point = t.indexOf('.');
        int intEnd = point < 0 ? t.length() : point;
        int fraction = point < 0 ? 0 : t.length() - point - 1;
        if (intEnd > 9 || fraction > 9 || (intEnd == 0 && fraction == 0)) {
            return -1;
        }
        long whole = 0;
        for (int i = 0; i < intEnd; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            whole = whole * 10 + (c - '0');
        }
        long part = 0;
        for (int i = 0; i < 9; i++) {
            int d = 0;
            if (i < fraction) {
                char c = t.charAt(point + 1 + i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                d = c - '0';
            }
            part = part * 10 + d;
        }
        return whole * NANOS + part;
    }

    /** Apart, so that only a number in another form initialises BigDecimal. */
    private static final class Limits {
        /** Beyond this many seconds (about 292 years) nanoseconds no longer fit a long. */
        static final BigDecimal SATURATED = new BigDecimal(9_223_372_036L);
        static final BigDecimal TINY = new BigDecimal("1e-10");
    }

    /** {@code 3}, {@code 0.5}: as few digits as the value needs. */
    static String format(Duration duration) {
        return BigDecimal.valueOf(duration.toNanos(), 9).stripTrailingZeros().toPlainString();
    }
}
