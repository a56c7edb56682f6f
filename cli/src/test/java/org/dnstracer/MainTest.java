package org.dnstracer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.spi.SLF4JServiceProvider;

class MainTest {
    private static final String[] KEYS = {"slf4j.provider", "slf4j.internal.verbosity", "picocli.converters.excludes"};
    private Properties saved;

    @BeforeEach
    void clear() {
        saved = (Properties) System.getProperties().clone();
        for (String key : KEYS) {
            System.clearProperty(key);
        }
    }

    @AfterEach
    void restore() {
        System.setProperties(saved);
    }

    @Test
    void namesTheBundledSlf4jProviderSoThatSlf4jSearchesForNone() throws Exception {
        Main.startupSettings();

        Class<?> provider = Class.forName(System.getProperty("slf4j.provider"));
        assertThat(SLF4JServiceProvider.class).isAssignableFrom(provider);
        assertThat(System.getProperty("slf4j.internal.verbosity")).isEqualTo("WARN");
    }

    @Test
    void picocliSkipsTheReflectiveConvertersOfTypesNoOptionHas() {
        Main.startupSettings();

        String[] excludes = System.getProperty("picocli.converters.excludes").split(",");
        assertThat(Arrays.stream(excludes).filter("java.sql.Timestamp"::matches)).isNotEmpty();
        assertThat(Arrays.stream(excludes).filter("java.time.Duration"::matches)).isNotEmpty();
        assertThat(Arrays.stream(excludes).filter("java.nio.file.Path"::matches)).isEmpty();
        assertThat(Arrays.stream(excludes).filter("java.io.File"::matches)).isEmpty();
    }

    @Test
    void aUsersOwnSettingsWin() {
        System.setProperty("slf4j.provider", "com.example.Provider");
        System.setProperty("picocli.converters.excludes", "none");

        Main.startupSettings();

        assertThat(System.getProperty("slf4j.provider")).isEqualTo("com.example.Provider");
        assertThat(System.getProperty("slf4j.internal.verbosity")).isNull();
        assertThat(System.getProperty("picocli.converters.excludes")).isEqualTo("none");
    }
}
