package org.dnstracer.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the Maven project version, written into the jar at build time. */
final class Version implements IVersionProvider {
    /** The one version line, as {@code --version} prints it; it names the tool in a saved trace. */
    static String line() throws IOException {
        return new Version().getVersion()[0];
    }

    @Override
    public String[] getVersion() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/org/dnstracer/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        }
        return new String[] {"dnstracer " + p.getProperty("version", "unknown")
                + " (Java; a successor of dnstracer 1.9 by Edwin Groothuis)"};
    }
}
