package org.dnstracer.cli;

import java.math.BigDecimal;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code -t SECONDS}: the longest wait of one try. 0 means 30 s (a long wait for slow servers); below a
 * millisecond no reply can arrive, and a value that rounds to nothing would read as "no bound" further down.
 */
final class TimeoutConverter implements ITypeConverter<Duration> {
    static final Duration ZERO_MEANS = Duration.ofSeconds(30);
    private static final BigDecimal MIN = new BigDecimal("0.001");
    private static final BigDecimal MAX = new BigDecimal(3600);

    @Override
    public Duration convert(String text) {
        BigDecimal seconds = Seconds.parse(text);
        if (seconds.signum() == 0) {
            return ZERO_MEANS;
        }
        if (seconds.compareTo(MIN) < 0 || seconds.compareTo(MAX) > 0) {
            throw new TypeConversionException("must be 0 (meaning 30) or from 0.001 to 3600 seconds, not '" + text + "'");
        }
        return Seconds.toDuration(seconds);
    }
}
