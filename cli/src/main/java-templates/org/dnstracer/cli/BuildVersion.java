package org.dnstracer.cli;

/**
 * The Maven project version, written into this source at build time: a constant, so that {@code --version} reads
 * nothing from the jar (opening and indexing it was a fifth of {@code --version}'s time).
 */
final class BuildVersion {
    static final String VERSION = "${project.version}";

    private BuildVersion() {}
}
