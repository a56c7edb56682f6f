package org.dnstracer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MainTest {
    private static final String[] KEYS = {"picocli.converters.excludes"};
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
    void picocliSkipsTheReflectiveConvertersOfTypesNoOptionHas() {
        Main.startupSettings();

        String[] excludes = System.getProperty("picocli.converters.excludes").split(",");
        assertThat(Arrays.stream(excludes).filter("java.sql.Timestamp"::matches)).isNotEmpty();
        assertThat(Arrays.stream(excludes).filter("java.time.Duration"::matches)).isNotEmpty();
        assertThat(Arrays.stream(excludes).filter("java.nio.file.Path"::matches)).isEmpty();
        assertThat(Arrays.stream(excludes).filter("java.io.File"::matches)).isEmpty();
    }

    @Test
    void aUsersOwnSettingWins() {
        System.setProperty("picocli.converters.excludes", "none");

        Main.startupSettings();

        assertThat(System.getProperty("picocli.converters.excludes")).isEqualTo("none");
    }
}
