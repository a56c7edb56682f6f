package org.dnstracer.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The Debian package installed for real (dpkg -i, as root), next to the classic dnstracer package, which .ci/run
 * installs: the tool runs as {@code dnstracer} and shows its man page; removing and purging it leaves nothing, and
 * the classic program is /usr/bin/dnstracer again, byte for byte. The machine is left as it was found: a test that
 * finds dnstracer-java already installed does not touch it, and a failed one purges what it installed.
 */
@Tag("interop")
class DebInstallInteropTest {
    static final Path USR_BIN = Path.of("/usr/bin/dnstracer");
    static final Path CLASSIC_ASIDE = Path.of("/usr/bin/dnstracer.classic");
    static final Path MAN_LINK = Path.of("/usr/share/man/man1/dnstracer.1.gz");
    static final Path COMPLETION = Path.of("/usr/share/bash-completion/completions/dnstracer");
    static final Path OPT = Path.of("/opt/dnstracer");

    Path deb;
    String classicDigest;
    boolean installedHere;

    @BeforeEach
    void preconditions() throws Exception {
        deb = Artifacts.deb();
        Skip.unless(missing());
        classicDigest = sha256(USR_BIN);
    }

    static Optional<String> missing() throws IOException, InterruptedException {
        if (!"root".equals(System.getProperty("user.name"))) {
            return Optional.of("installing a package needs root");
        }
        if (Run.of("sh", "-c", "command -v dpkg && command -v man").status() != 0) {
            return Optional.of("needs dpkg and man (Debian's man-db)");
        }
        if (Run.of("dpkg-query", "-W", "-f", "${Status}", "dnstracer").out().equals("install ok installed")
                && Files.isRegularFile(USR_BIN, LinkOption.NOFOLLOW_LINKS)) {
            if (Run.of("dpkg-query", "-W", "-f", "${Status}", "dnstracer-java").status() == 0) {
                return Optional.of("dnstracer-java is installed on this machine already: not touched");
            }
            return Optional.empty();
        }
        return Optional.of("needs the classic dnstracer package (Debian's dnstracer) installed, with its "
                + "/usr/bin/dnstracer a plain file, to check that it is restored");
    }

    @AfterEach
    void leaveTheMachineAsFound() throws Exception {
        if (installedHere && Run.of("dpkg-query", "-W", "dnstracer-java").status() == 0) {
            Run.of("dpkg", "--purge", "dnstracer-java");
        }
    }

    Run dpkg(String... args) throws Exception {
        installedHere = true;
        String[] command = new String[args.length + 1];
        command[0] = "dpkg";
        System.arraycopy(args, 0, command, 1, args.length);
        Run run = Run.of(java.util.Map.of("PATH", "/usr/sbin:/usr/bin:/sbin:/bin",
                "DEBIAN_FRONTEND", "noninteractive"), java.util.List.of(command));
        assertThat(run.status()).as("%s", run).isZero();
        return run;
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    void installedAndWorking() throws Exception {
        dpkg("--install", deb.toString());

        assertThat(USR_BIN.toRealPath()).isEqualTo(OPT.resolve("bin/dnstracer"));
        // found through PATH=/usr/bin:/bin by the shell, as a user's shell finds it
        Run trace = Run.of("sh", "-c", "exec dnstracer --lab www.example.com");
        assertThat(trace.status()).as("%s", trace).isZero();
        assertThat(trace.lines()).as("%s", trace).containsSubsequence(
                "Tracing to www.example.com[A] via a.root-servers.net, maximum of 3 retries",
                " |     |\\___ ns1.example.com [example.com] (127.53.2.1) Got authoritative answer",
                "        \\___ ns3.example.com [example.com] (127.53.2.3) (cached)");
        // the class-data archive (or AOT cache) is used where dpkg put the tree: -Xshare:on refuses to start else
        Run shared = Run.of("sh", "-c", "DNSTRACER_JAVA_OPTS=\"$0\" exec dnstracer --version",
                Files.exists(OPT.resolve("lib/dnstracer.aot")) ? "-XX:AOTMode=on" : "-Xshare:on");
        assertThat(shared.status()).as("%s", shared).isZero();
        Run man = Run.of("man", "-w", "dnstracer");
        assertThat(man.status()).as("%s", man).isZero();
        assertThat(Path.of(man.out().strip()).toRealPath())
                .isEqualTo(OPT.resolve("share/man/man1/dnstracer.1.gz"));
        assertThat(COMPLETION.toRealPath()).isEqualTo(OPT.resolve("share/bash-completion/completions/dnstracer"));
        // the classic program kept aside, untouched, and the other choice of the alternative
        assertThat(sha256(CLASSIC_ASIDE)).isEqualTo(classicDigest);
        assertThat(Run.of("update-alternatives", "--list", "dnstracer").lines())
                .containsExactlyInAnyOrder("/opt/dnstracer/bin/dnstracer", "/usr/bin/dnstracer.classic");
    }

    void nothingLeftAndTheClassicRestored() throws Exception {
        assertThat(Files.isRegularFile(USR_BIN, LinkOption.NOFOLLOW_LINKS)).as("/usr/bin/dnstracer a plain file")
                .isTrue();
        assertThat(sha256(USR_BIN)).isEqualTo(classicDigest);
        assertThat(CLASSIC_ASIDE).doesNotExist();
        assertThat(Run.of("dpkg-divert", "--list", "dnstracer-java").out()).isEmpty();
        assertThat(Run.of("dpkg-divert", "--truename", "/usr/bin/dnstracer").out().strip())
                .isEqualTo("/usr/bin/dnstracer");
        assertThat(Run.of("update-alternatives", "--list", "dnstracer").status()).isNotZero();
        assertThat(Path.of("/etc/alternatives/dnstracer")).doesNotExist();
        assertThat(Files.exists(MAN_LINK, LinkOption.NOFOLLOW_LINKS)).as(MAN_LINK.toString()).isFalse();
        assertThat(Files.exists(COMPLETION, LinkOption.NOFOLLOW_LINKS)).as(COMPLETION.toString()).isFalse();
        assertThat(OPT).doesNotExist();
        assertThat(Run.of("man", "-w", "dnstracer").out().strip()).isEqualTo("/usr/share/man/man8/dnstracer.8.gz");
    }

    @Test
    void installsRunsShowsItsManPageThenRemovesAndPurgesCleanly() throws Exception {
        installedAndWorking();

        dpkg("--remove", "dnstracer-java");
        nothingLeftAndTheClassicRestored();
        dpkg("--purge", "dnstracer-java");
        nothingLeftAndTheClassicRestored();
        assertThat(Run.of("dpkg-query", "-W", "dnstracer-java").status()).as("known to dpkg no more").isNotZero();
    }

    @Test
    void purgedStraightAwayLeavesNothing() throws Exception {
        installedAndWorking();

        dpkg("--purge", "dnstracer-java");
        nothingLeftAndTheClassicRestored();
        assertThat(Run.of("dpkg-query", "-W", "dnstracer-java").status()).as("known to dpkg no more").isNotZero();
    }
}
