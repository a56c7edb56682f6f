package org.dnstracer.cli;

import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --lab-for SECONDS}: how long {@code --lab-serve} serves; without it, until interrupted. */
final class LabForConverter implements ITypeConverter<Duration> {
    private static final long MIN_NANOS = 1_000_000L;
    private static final long MAX_NANOS = 366L * 24 * 3600 * 1_000_000_000L;

    @Override
    public Duration convert(String text) {
        long nanos = Seconds.parseNanos(text);
        if (nanos < MIN_NANOS || nanos > MAX_NANOS) {
            throw new TypeConversionException("must be a positive number of seconds (at most a year), not '" + text + "'");
        }
        return Duration.ofNanos(nanos);
    }
}
