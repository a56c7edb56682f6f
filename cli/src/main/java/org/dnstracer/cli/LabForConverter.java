package org.dnstracer.cli;

import java.math.BigDecimal;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --lab-for SECONDS}: how long {@code --lab-serve} serves; without it, until interrupted. */
final class LabForConverter implements ITypeConverter<Duration> {
    private static final BigDecimal MIN = new BigDecimal("0.001");
    private static final BigDecimal MAX = new BigDecimal(366L * 24 * 3600);

    @Override
    public Duration convert(String text) {
        BigDecimal seconds = Seconds.parse(text);
        if (seconds.compareTo(MIN) < 0 || seconds.compareTo(MAX) > 0) {
            throw new TypeConversionException("must be a positive number of seconds (at most a year), not '" + text + "'");
        }
        return Seconds.toDuration(seconds);
    }
}
