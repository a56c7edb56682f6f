package org.dnstracer.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Type;

/** Lab directories on disk: a good one loads and serves; every bad one gets one error naming file and line. */
class LabFileTest {
    @TempDir
    Path dir;

    private Path lab(String labConf) throws IOException {
        Files.writeString(dir.resolve("root.zone"), TestLabs.ROOT_ZONE);
        Files.writeString(dir.resolve("test.zone"), TestLabs.TEST_ZONE);
        Files.writeString(dir.resolve(LabDefinition.LAB_FILE), labConf);
        return dir;
    }

    private String error(String labConf) throws IOException {
        Path d = lab(labConf);
        try {
            LabDefinition.load(d);
        } catch (LabException e) {
            return e.getMessage();
        }
        throw new AssertionError("no LabException for:\n" + labConf);
    }

    @Test
    void goodLabDirectoryLoadsAndServes() throws IOException, LabException {
        Path d = lab("""
                # a comment
                server a.root.test 127.53.9.9 zones=.   # trailing comment
                server ns1.test 127.53.9.1 zones=test:test.zone axfr=test delay=1ms loss=0 seed=3
                """);
        LabDefinition def = LabDefinition.load(d);
        assertThat(def.servers()).hasSize(2);
        assertThat(def.servers().get(1).behaviour().delay()).hasMillis(1);
        try (Lab lab = Lab.start(def, 0)) {
            LabClient c = new LabClient(lab.port());
            assertThat(c.udp(TestLabs.NS1_ADDR, "www.test", Type.A).getSection(1)).hasSize(1);
            assertThat(c.axfr(TestLabs.NS1_ADDR, "test")).isNotEmpty();
            assertThat(lab.rootHints()).extracting(r -> r.rdataToString()).containsExactly("a.root.test.", "127.53.9.9");
        }
    }

    @Test
    void unknownDirectiveNamesFileAndLine() throws IOException {
        assertThat(error("server a.root.test 127.53.9.9 zones=.\n\nzone test\n"))
                .isEqualTo(dir.resolve("lab.conf") + ":3: unknown directive 'zone' (expected 'server NAME ADDRESS[,ADDRESS] zones=...')");
    }

    @Test
    void nonLoopbackAndHostNameAddressesAreRejected() throws IOException {
        assertThat(error("server a.root.test 192.0.2.53 zones=.\n"))
                .isEqualTo(dir.resolve("lab.conf") + ":1: address 192.0.2.53 is not a loopback address: the lab binds only 127.0.0.0/8 and ::1");
        assertThat(error("server a.root.test localhost zones=.\n")).contains("lab.conf:1:", "not an IP address");
        assertThat(error("server a.root.test 127.53.9.9,2001:db8::1 zones=.\n")).contains("lab.conf:1:", "not a loopback");
    }

    @Test
    void unknownBehaviourNamesTheLine() throws IOException {
        assertThat(error("server a.root.test 127.53.9.9 zones=.\nserver ns1.test 127.53.9.1 zones=test flaky\n"))
                .startsWith(dir.resolve("lab.conf") + ":2: unknown behaviour 'flaky'");
        assertThat(error("server a.root.test 127.53.9.9 loss=2\n")).contains("lab.conf:1:", "loss must be a probability");
        assertThat(error("server a.root.test 127.53.9.9 delay=soon\n")).contains("lab.conf:1:", "delay");
    }

    @Test
    void missingZoneFileNamesTheLabFileLine() throws IOException {
        assertThat(error("server a.root.test 127.53.9.9 zones=.\nserver ns1.test 127.53.9.1 zones=example.net\n"))
                .isEqualTo(dir.resolve("lab.conf") + ":2: zone file example.net.zone (for zone example.net) not found");
    }

    @Test
    void zoneFileSyntaxErrorNamesTheZoneFileAndLine() throws IOException {
        Files.writeString(dir.resolve("broken.zone"), "@ SOA ns1 host 1 2 3 4 5\n@ NS ns1\nns1 A 127.0.0.1.5\n");
        assertThat(error("server ns1.test 127.53.9.1 zones=test:broken.zone\n"))
                .isEqualTo(dir.resolve("broken.zone") + ":3: Invalid address: 127.0.0.1.5");
    }

    @Test
    void zoneWithoutSoaOrWithForeignDataIsRejected() throws IOException {
        Files.writeString(dir.resolve("nosoa.zone"), "@ NS ns1\nns1 A 127.0.0.1\n");
        assertThat(error("server ns1.test 127.53.9.1 zones=test:nosoa.zone\n")).startsWith(dir.resolve("nosoa.zone") + ": ").contains("SOA");
        Files.writeString(dir.resolve("foreign.zone"), TestLabs.TEST_ZONE + "www.example.net. A 192.0.2.1\n");
        assertThat(error("server ns1.test 127.53.9.1 zones=test:foreign.zone\n")).contains("foreign.zone", "outside zone test");
    }

    @Test
    void duplicatesAndBadReferencesNameTheLine() throws IOException {
        assertThat(error("server a.root.test 127.53.9.9 zones=.\nserver ns1.test 127.53.9.9 zones=test\n"))
                .isEqualTo(dir.resolve("lab.conf") + ":2: address 127.53.9.9 is already used by server a.root.test (each server binds its own addresses)");
        assertThat(error("server a.root.test 127.53.9.9\nserver A.Root.Test. 127.53.9.8\n")).contains("lab.conf:2:", "defined twice");
        assertThat(error("server ns1.test 127.53.9.1 zones=test axfr=.\n")).contains("lab.conf:1:", "does not serve");
        assertThat(error("server ns1.test 127.53.9.1 zones=test:../etc/passwd\n")).contains("lab.conf:1:", "inside the lab directory");
        assertThat(error("server ns1.test\n")).contains("lab.conf:1:", "needs a name and an address");
        assertThat(error("# nothing\n")).contains("lab.conf", "no server lines");
    }

    @Test
    void missingDirectoryOrLabFileIsOneClearError() {
        assertThatThrownBy(() -> LabDefinition.load(dir.resolve("nope"))).isInstanceOf(LabException.class).hasMessageContaining("not a directory");
        assertThatThrownBy(() -> LabDefinition.load(dir)).isInstanceOf(LabException.class)
                .hasMessage(dir.resolve("lab.conf") + ": lab file not found");
    }
}
