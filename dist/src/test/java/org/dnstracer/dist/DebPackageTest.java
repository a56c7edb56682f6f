package org.dnstracer.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Debian package's control data and contents, read with dpkg-deb (nothing is installed here). */
class DebPackageTest {
    static Path deb;

    @BeforeAll
    static void find() throws Exception {
        deb = Artifacts.deb();
    }

    static String field(String name) throws Exception {
        Run run = Run.of("dpkg-deb", "--field", deb.toString(), name);
        assertThat(run.status()).as("%s", run).isZero();
        return run.out().strip();
    }

    /** path -> "mode owner/group" of each entry of dpkg-deb -c, paths without the leading "." */
    static Map<String, String> contents() throws Exception {
        Run run = Run.of("dpkg-deb", "--contents", deb.toString());
        assertThat(run.status()).as("%s", run).isZero();
        return run.lines().stream().map(l -> l.split("\\s+"))
                .collect(Collectors.toMap(f -> f[5].replaceFirst("^\\.", ""), f -> f[0] + " " + f[1]));
    }

    @Test
    void isNamedApartFromTheClassicPackageAndReplacesNothing() throws Exception {
        assertThat(field("Package")).isEqualTo("dnstracer-java");
        assertThat(field("Architecture")).isEqualTo("amd64");
        assertThat(field("Version")).isEqualTo(Artifacts.version().replace('-', '~'));
        for (String relation : List.of("Conflicts", "Replaces", "Breaks", "Provides")) {
            assertThat(field(relation)).as(relation).isEmpty();
        }
    }

    @Test
    void dependsOnTheLibrariesOfItsRuntimeWithVersions() throws Exception {
        String depends = field("Depends");

        // libjvm.so is C++ (libstdc++6, libgcc-s1); libzip.so of Debian's JDK uses the system's zlib
        assertThat(depends).containsPattern("(^|, )libc6 \\(>= [0-9.]+\\)");
        assertThat(depends).containsPattern("(^|, )libstdc\\+\\+6 \\(>= ");
        assertThat(depends).containsPattern("(^|, )libgcc-s1 \\(>= ");
        // the runtime has no AWT: no X11 libraries
        assertThat(depends).doesNotContain("libx11", "libxext", "libfreetype", "libasound");
    }

    @Test
    void installsTheToolUnderOptAndLeavesUsrBinToAlternatives() throws Exception {
        Map<String, String> contents = contents();

        assertThat(contents).containsEntry("/opt/dnstracer/bin/dnstracer", "-rwxr-xr-x root/root")
                .containsEntry("/opt/dnstracer/runtime/bin/java", "-rwxr-xr-x root/root")
                .containsKeys("/opt/dnstracer/lib/dnstracer.jar", "/opt/dnstracer/lib/dnstracer.jsa",
                        "/opt/dnstracer/share/man/man1/dnstracer.1.gz",
                        "/opt/dnstracer/share/bash-completion/completions/dnstracer",
                        "/usr/share/doc/dnstracer-java/copyright");
        // the classic package's files (dpkg -L dnstracer): none of them is shipped, /usr/bin/dnstracer and the man
        // page's link are made by update-alternatives
        assertThat(contents).doesNotContainKeys("/usr/bin/dnstracer", "/usr/share/man/man8/dnstracer.8.gz",
                "/usr/share/man/man1/dnstracer.1.gz", "/usr/share/bash-completion/completions/dnstracer");
        assertThat(contents.keySet()).allMatch(p -> p.startsWith("/opt/dnstracer/")
                || p.startsWith("/usr/share/doc/dnstracer-java/") || List.of("/", "/opt/", "/usr/", "/usr/share/",
                        "/usr/share/doc/").contains(p));
    }

    @Test
    void maintainerScriptsDivertTheClassicProgramAndUndoIt() throws Exception {
        Run info = Run.of("dpkg-deb", "--info", deb.toString());
        assertThat(info.out()).contains("preinst", "postinst", "prerm", "postrm");

        String preinst = Run.of("dpkg-deb", "--info", deb.toString(), "preinst").out();
        String postinst = Run.of("dpkg-deb", "--info", deb.toString(), "postinst").out();
        String prerm = Run.of("dpkg-deb", "--info", deb.toString(), "prerm").out();
        String postrm = Run.of("dpkg-deb", "--info", deb.toString(), "postrm").out();

        assertThat(preinst).contains("dpkg-divert --package dnstracer-java --add --rename",
                "--divert /usr/bin/dnstracer.classic /usr/bin/dnstracer");
        assertThat(postinst).contains("update-alternatives --install /usr/bin/dnstracer dnstracer "
                + "/opt/dnstracer/bin/dnstracer 50", "/usr/bin/dnstracer.classic 10");
        assertThat(prerm).contains("update-alternatives --remove dnstracer /opt/dnstracer/bin/dnstracer");
        assertThat(postrm).contains("dpkg-divert --package dnstracer-java --remove --rename");
        for (String script : List.of(preinst, postinst, prerm, postrm)) {
            assertThat(script).startsWith("#!/bin/sh").contains("set -e");
        }
    }
}
