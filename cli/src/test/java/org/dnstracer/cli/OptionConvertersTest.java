package org.dnstracer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;
import picocli.CommandLine.TypeConversionException;

/** The values the typed converters accept (what they refuse is in TraceCommandTest's table of bad inputs). */
class OptionConvertersTest {
    @Test
    void timeoutsAreExactDecimalSecondsAndZeroMeansThirty() {
        TimeoutConverter t = new TimeoutConverter();
        assertThat(t.convert("5")).isEqualTo(Duration.ofSeconds(5));
        assertThat(t.convert("0.25")).isEqualTo(Duration.ofMillis(250));
        assertThat(t.convert("1e-3")).isEqualTo(Duration.ofMillis(1));
        assertThat(t.convert(" 3600 ")).isEqualTo(Duration.ofHours(1));
        assertThat(t.convert("0")).isEqualTo(Duration.ofSeconds(30));
        assertThat(t.convert("0.000")).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aTimeoutBelowAMillisecondIsRefusedNotRoundedToNothing() {
        assertThatThrownBy(() -> new TimeoutConverter().convert("0.0004")).isInstanceOf(TypeConversionException.class);
    }

    @Test
    void aTimeoutTooSmallForOneNanosecondIsRefusedNotReadAsZero() {
        assertThatThrownBy(() -> new TimeoutConverter().convert("0.0000000004"))
                .isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> new TimeoutConverter().convert("-0.0000000004"))
                .isInstanceOf(TypeConversionException.class);
    }

    @Test
    void secondsAreReadExactlyAsBigDecimalRoundsThem() {
        java.util.Random random = new java.util.Random(7);
        String[] shapes = {"%d", "%d.%d", ".%d", "%d.", "%1$de-%3$d", "+%d", "-%d.%d", "%d.%dE%d", "0%d.%d0",
            "%d%d.%d"};
        for (int i = 0; i < 20_000; i++) {
            String shape = shapes[random.nextInt(shapes.length)];
            String text = String.format(shape, random.nextInt(2_000_000_000), random.nextInt(1_000_000_000),
                    random.nextInt(12));
            java.math.BigDecimal seconds = new java.math.BigDecimal(text);
            java.math.BigDecimal nanos = seconds.movePointRight(9).setScale(0, java.math.RoundingMode.HALF_UP);
            long expected = seconds.abs().compareTo(java.math.BigDecimal.valueOf(9_223_372_036L)) > 0
                    ? (seconds.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE)
                    : nanos.signum() == 0 ? seconds.signum() : nanos.longValueExact();
            assertThat(Seconds.parseNanos(text)).as(text).isEqualTo(expected);
        }
        assertThat(Seconds.parseNanos("1e-999999999")).isEqualTo(1);
        assertThat(Seconds.parseNanos("-1e999999999")).isEqualTo(Long.MIN_VALUE);
        assertThat(Seconds.parseNanos("1e999999999")).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> new TimeoutConverter().convert("1e999999999"))
                .isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> Seconds.parseNanos("5s")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> Seconds.parseNanos(".")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> Seconds.parseNanos("NaN")).isInstanceOf(TypeConversionException.class);
    }

    @Test
    void labForTakesDecimalSeconds() {
        assertThat(new LabForConverter().convert("2.5")).isEqualTo(Duration.ofMillis(2500));
        assertThat(Seconds.format(Duration.ofMillis(2500))).isEqualTo("2.5");
        assertThat(Seconds.format(Duration.ofSeconds(3))).isEqualTo("3");
    }

    @Test
    void triesAndPortsAtTheirBounds() {
        assertThat(new TriesConverter().convert("1")).isEqualTo(1);
        assertThat(new TriesConverter().convert("20")).isEqualTo(20);
        assertThat(new PortConverter().convert("1")).isEqualTo(1);
        assertThat(new PortConverter().convert("65535")).isEqualTo(65535);
    }

    @Test
    void queryTypesKeepAnyAndTheObsoleteMailTypes() {
        QueryTypes q = new QueryTypes();
        assertThat(q.convert("any")).isEqualTo(Type.ANY);
        assertThat(q.convert("MAILB")).isEqualTo(Type.MAILB);
        assertThat(q.convert("caa")).isEqualTo(Type.CAA);
        assertThat(q.convert("TYPE65280")).isEqualTo(65280);
        assertThat(q.convert("65535")).isEqualTo(65535);
    }
}
