package org.dnstracer.dist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** Where the package phase left the archive and the Debian package (surefire passes dist.dir and dist.version). */
final class Artifacts {
    private Artifacts() {}

    static Path dir() {
        return Path.of(System.getProperty("dist.dir", "target"));
    }

    static String version() {
        return System.getProperty("dist.version", "2.0.0-SNAPSHOT");
    }

    /** The archive's top directory, which holds bin/, lib/, runtime/ and share/. */
    static String archiveTop() {
        return "dnstracer-" + version() + "-linux-x64";
    }

    /** The archive; the calling test is skipped (failed under CI) when this build did not make one. */
    static Path archive() {
        Path archive = dir().resolve(archiveTop() + ".tar.gz");
        Skip.unless(Files.isRegularFile(archive) ? Optional.empty()
                : Optional.of("no " + archive + ": it is built on Linux x86-64 only (profile linux-x64-archive)"));
        return archive;
    }

    /** The Debian package; the calling test is skipped (failed under CI) when this build did not make one. */
    static Path deb() throws IOException {
        Optional<Path> deb;
        try (Stream<Path> files = Files.list(dir())) {
            deb = files.filter(f -> f.getFileName().toString().matches("dnstracer_.*_amd64\\.deb")).findFirst();
        } catch (java.nio.file.NoSuchFileException e) {
            deb = Optional.empty();
        }
        Skip.unless(deb.isPresent() ? Optional.empty()
                : Optional.of("no dnstracer_*_amd64.deb in " + dir() + ": it is built where dpkg-shlibdeps is "
                        + "(Debian's dpkg-dev; profile linux-x64-deb)"));
        return deb.get();
    }
}
