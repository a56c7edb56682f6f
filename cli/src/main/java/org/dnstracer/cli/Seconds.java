package org.dnstracer.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import picocli.CommandLine.TypeConversionException;

/** A number of seconds as people write it ({@code 5}, {@code 0.25}, {@code 1e-3}), exact to the nanosecond. */
final class Seconds {
    private Seconds() {}

    /** Plain decimal notation only: unlike Double.parseDouble, no "NaN", "Infinity", "5d" or hexadecimal. */
    static BigDecimal parse(String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + text + "' is not a number of seconds");
        }
    }

    /** {@code 3}, {@code 0.5}: as few digits as the value needs. */
    static String format(Duration duration) {
        return BigDecimal.valueOf(duration.toNanos(), 9).stripTrailingZeros().toPlainString();
    }

    /** Only for values already checked to be in range. */
    static Duration toDuration(BigDecimal seconds) {
        return Duration.ofNanos(seconds.movePointRight(9).setScale(0, RoundingMode.HALF_UP).longValueExact());
    }
}
