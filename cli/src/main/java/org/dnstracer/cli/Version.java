package org.dnstracer.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the Maven project version, written into the jar at build time. */
final class Version implements IVersionProvider {
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
