package org.dnstracer.cli;

import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code -t SECONDS}: the longest wait of one try. 0 means 30 s (a long wait for slow servers); below a
 * millisecond no reply can arrive, and a value that rounds to nothing would read as "no bound" further down.
 */
final class TimeoutConverter implements ITypeConverter<Duration> {
    static final Duration ZERO_MEANS = Duration.ofSeconds(30);
    private static final long MIN_NANOS = 1_000_000L;
    private static final long MAX_NANOS = 3600L * 1_000_000_000L;

    @Override
    public Duration convert(String text) {
        long nanos = Seconds.parseNanos(text);
        if (nanos == 0) {
            return ZERO_MEANS;
        }
        if (nanos < MIN_NANOS || nanos > MAX_NANOS) {
            throw new TypeConversionException("must be 0 (meaning 30) or from 0.001 to 3600 seconds, not '" + text + "'");
        }
        return Duration.ofNanos(nanos);
    }
}
