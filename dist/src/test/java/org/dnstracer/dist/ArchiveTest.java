package org.dnstracer.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive as a user gets it: unpacked into an empty directory (not where it was built), run with an environment
 * that holds no JDK: nothing but a PATH whose first {@code java} fails, and a JAVA_HOME that does not exist.
 */
class ArchiveTest {
    @TempDir
    static Path unpacked;
    static Path tool;
    static Path fakeBin;

    @BeforeAll
    static void unpack() throws IOException, InterruptedException {
        Path archive = Artifacts.archive();
        Run tar = Run.of("tar", "-xzf", archive.toAbsolutePath().toString(), "-C", unpacked.toString());
        assertThat(tar.status()).as("%s", tar).isZero();
        tool = unpacked.resolve(Artifacts.archiveTop()).resolve("bin/dnstracer");
        fakeBin = Files.createDirectories(unpacked.resolve("fake-bin"));
        Path java = fakeBin.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho 'a java on PATH was run' >&2\nexit 99\n");
        assertThat(java.toFile().setExecutable(true)).isTrue();
    }

    /** Runs the unpacked tool from the root directory, without a JDK in its environment. */
    static Run tool(Map<String, String> extra, String... args) throws IOException, InterruptedException {
        Map<String, String> environment = new java.util.HashMap<>(extra);
        environment.put("PATH", fakeBin + ":/usr/bin:/bin");
        environment.put("JAVA_HOME", "/nonexistent");
        List<String> command = new java.util.ArrayList<>(List.of("/bin/sh", "-c", "cd / && exec \"$0\" \"$@\"",
                tool.toString()));
        command.addAll(List.of(args));
        return Run.of(environment, command);
    }

    @Test
    void tracesTheLabWithItsOwnRuntime() throws Exception {
        Run run = tool(Map.of(), "--lab", "www.example.com");

        assertThat(run.status()).as("%s", run).isZero();
        assertThat(run.lines()).as("%s", run).containsSubsequence(
                "Tracing to www.example.com[A] via a.root-servers.net, maximum of 3 retries",
                "a.root-servers.net [.] (127.53.0.1)",
                " |\\___ a.gtld-servers.net [com] (127.53.1.1)",
                " |     |\\___ ns1.example.com [example.com] (127.53.2.1) Got authoritative answer",
                "  \\___ b.gtld-servers.net [com] (127.53.1.2)",
                "        \\___ ns3.example.com [example.com] (127.53.2.3) (cached)");
        assertThat(run.err()).doesNotContain("a java on PATH was run");
    }

    @Test
    void startsFromTheClassDataArchiveMadeAtBuildTime() throws Exception {
        // -Xshare:on (-XX:AOTMode=on for a JDK 25 build's AOT cache): the JVM refuses to start when the archive
        // cannot be used (as when its recorded class path does not match the jar's); the class loading log says
        // where Main came from
        boolean aot = Files.exists(unpacked.resolve(Artifacts.archiveTop()).resolve("lib/dnstracer.aot"));
        String required = aot ? "-XX:AOTMode=on" : "-Xshare:on";
        Run run = tool(Map.of("DNSTRACER_JAVA_OPTS", required + " -Xlog:class+load=info:stderr"), "--version");

        assertThat(run.status()).as("%s", run).isZero();
        assertThat(run.out()).startsWith("dnstracer " + Artifacts.version());
        assertThat(run.err()).contains("org.dnstracer.Main source: shared objects file");
    }

    @Test
    void checksDnssecSignaturesOfEcdsaAndEd25519Keys() throws Exception {
        // the keys' provider (jdk.crypto.ec) is found at run time, not named in any class file
        Run ecdsa = tool(Map.of(), "-D", "--lab", "www.secure.dnssec.org");
        Run ed25519 = tool(Map.of(), "-D", "--lab", "www.ed25519.dnssec.org");

        assertThat(ecdsa.status()).as("%s", ecdsa).isZero();
        assertThat(ecdsa.lines()).as("%s", ecdsa)
                .anyMatch(l -> l.contains("ns1.secure.dnssec.org") && l.endsWith("[DNSSEC secure]"));
        assertThat(ed25519.status()).as("%s", ed25519).isZero();
        assertThat(ed25519.lines()).as("%s", ed25519)
                .anyMatch(l -> l.contains("ns1.ed25519.dnssec.org") && l.endsWith("[DNSSEC secure]"));
    }

    @Test
    void drawsAnHtmlReportWithoutTheDesktopModule() throws Exception {
        Path report = unpacked.resolve("report.html");

        Run run = tool(Map.of(), "--lab", "-t", "1", "--html", report.toString(), "www.lame.com");

        assertThat(run.status()).as("%s", run).isEqualTo(1);
        assertThat(run.err()).as("%s", run).doesNotContain("internal error");
        assertThat(Files.readString(report)).contains("data-outcome=\"lame\"");
    }

    @Test
    void tracesInternationalisedNamesInAUtf8Locale() throws Exception {
        // the name's UTF-8 bytes made by printf, as this JVM would pass a non-ASCII argument in its own locale's
        // encoding (in the C locale as '?'); the shaded jar keeps only part of ICU4J
        Run run = Run.of(Map.of("PATH", fakeBin + ":/usr/bin:/bin", "LC_ALL", "C.UTF-8"), List.of("/bin/sh", "-c",
                "cd / && exec \"$0\" --lab -t 1 \"$(printf 'stra\\303\\237e.b\\303\\274cher.example.com')\"",
                tool.toString()));

        assertThat(run.lines()).as("%s", run).first().asString()
                .startsWith("Tracing to xn--strae-oqa.xn--bcher-kva.example.com[A]");
    }

    @Test
    void holdsTheManPageAndTheBashCompletion() throws Exception {
        Path top = unpacked.resolve(Artifacts.archiveTop());
        Run man = Run.of("sh", "-c", "gzip -dc \"$0\" | head -c 4096",
                top.resolve("share/man/man1/dnstracer.1.gz").toString());

        assertThat(man.out()).contains(".TH DNSTRACER 1 ").contains(".SH SYNOPSIS");
        assertThat(top.resolve("share/bash-completion/completions/dnstracer")).content()
                .contains("complete -F _complete_dnstracer");
    }
}
