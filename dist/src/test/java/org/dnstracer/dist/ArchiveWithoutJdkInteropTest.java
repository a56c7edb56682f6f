package org.dnstracer.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive on a machine without Java or Maven, as near as this one gets to it: in a mount namespace of its own
 * (as root, {@code unshare -m}), empty file systems hide every JDK (/usr/lib/jvm, so /usr/bin/java leads nowhere)
 * and Maven (/usr/share/maven) for the tool's run only; the rest of the machine sees nothing of it.
 */
@Tag("interop")
class ArchiveWithoutJdkInteropTest {
    @TempDir
    Path unpacked;

    @Test
    void tracesTheLabWithNoJdkOrMavenOnTheMachine() throws Exception {
        Path archive = Artifacts.archive();
        Skip.unless("root".equals(System.getProperty("user.name")) ? Optional.empty()
                : Optional.of("hiding the JDK in a mount namespace needs root"));
        assertThat(Run.of("tar", "-xzf", archive.toAbsolutePath().toString(), "-C", unpacked.toString()).status())
                .isZero();
        Path tool = unpacked.resolve(Artifacts.archiveTop()).resolve("bin/dnstracer");

        Run run = Run.of(Map.of("PATH", "/usr/sbin:/usr/bin:/sbin:/bin"), List.of("unshare", "-m", "--propagation",
                "private", "sh", "-c", "for d in /usr/lib/jvm /usr/share/maven; do"
                        + " if [ -d $d ]; then mount -t tmpfs none $d || exit 97; fi; done"
                        + " && ! command -v java && ! command -v mvn && ! ls /usr/lib/jvm/*/bin/java"
                        + " && exec env -i PATH=/usr/bin:/bin \"$0\" --lab www.example.com",
                tool.toString()));

        assertThat(run.status()).as("%s", run).isZero();
        assertThat(run.lines()).as("%s", run).containsSubsequence(
                "Tracing to www.example.com[A] via a.root-servers.net, maximum of 3 retries",
                " |     |\\___ ns1.example.com [example.com] (127.53.2.1) Got authoritative answer",
                "        \\___ ns3.example.com [example.com] (127.53.2.3) (cached)");
    }
}
