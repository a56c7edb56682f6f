package org.dnstracer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.nio.channels.Pipe;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.AbstractSelector;
import java.nio.channels.spi.SelectorProvider;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MainTest {
    private static final String[] KEYS = {
        "picocli.converters.excludes", Main.SELECTOR_PROVIDER
    };
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
    void aUsersOwnSettingsWin() {
        System.setProperty("picocli.converters.excludes", "none");
        System.setProperty(Main.SELECTOR_PROVIDER, "com.example.SelectorProvider");

        Main.startupSettings();

        assertThat(System.getProperty("picocli.converters.excludes")).isEqualTo("none");
        assertThat(System.getProperty(Main.SELECTOR_PROVIDER)).isEqualTo("com.example.SelectorProvider");
    }

    @Test
    void onLinuxNamesTheJdksOwnSelectorProviderSoThatNoServiceLookUpOpensTheJar() {
        Main.startupSettings();

        if (System.getProperty("os.name").equals("Linux")) {
            assertThat(System.getProperty(Main.SELECTOR_PROVIDER)).isEqualTo(Main.LINUX_SELECTOR_PROVIDER);
        } else {
            assertThat(System.getProperty(Main.SELECTOR_PROVIDER)).isNull();
        }
    }

    @Test
    void namesOnlyAClassTheJdkCanMakeAProviderOf() {
        assertThat(Main.isUsableSelectorProvider("org.example.NoSuchProvider")).isFalse();
        assertThat(Main.isUsableSelectorProvider("java.lang.String")).isFalse();
        assertThat(Main.isUsableSelectorProvider(AbstractProvider.class.getName())).isFalse();
        assertThat(Main.isUsableSelectorProvider(HiddenProvider.class.getName())).isFalse();
        assertThat(Main.isUsableSelectorProvider(NoPublicConstructor.class.getName())).isFalse();
        assertThat(Main.isUsableSelectorProvider(UsableProvider.class.getName())).isTrue();
    }

    public abstract static class AbstractProvider extends SelectorProvider {
        public AbstractProvider() {}
    }

    /** Not public: the JDK, reflecting from java.base, could not call its constructor. */
    static class HiddenProvider extends UsableProvider {
        public HiddenProvider() {}
    }

    public static class NoPublicConstructor extends UsableProvider {
        NoPublicConstructor() {}
    }

    public static class UsableProvider extends SelectorProvider {
        @Override
        public DatagramChannel openDatagramChannel() {
            return null;
        }

        @Override
        public DatagramChannel openDatagramChannel(ProtocolFamily family) {
            return null;
        }

        @Override
        public Pipe openPipe() {
            return null;
        }

        @Override
        public AbstractSelector openSelector() {
            return null;
        }

        @Override
        public ServerSocketChannel openServerSocketChannel() {
            return null;
        }

        @Override
        public SocketChannel openSocketChannel() {
            return null;
        }
    }
}
