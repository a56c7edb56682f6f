package org.dnstracer.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the Maven project version, written into the code at build time. */
final class Version implements IVersionProvider {
    /** The one version line, as {@code --version} prints it; it names the tool in a saved trace. */
    static String line() {
        return "dnstracer " + BuildVersion.VERSION + " (Java; a successor of dnstracer 1.9 by Edwin Groothuis)";
    }

    @Override
    public String[] getVersion() {
        return new String[] {line()};
    }
}
