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
