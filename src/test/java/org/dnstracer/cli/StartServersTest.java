package org.dnstracer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dnstracer.model.StartServer;
import org.dnstracer.net.IpAddresses;
import org.dnstracer.trace.IpFamily;
import org.dnstracer.trace.RootHints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;

/** Choosing the start server sends nothing: these tests never touch the network. */
class StartServersTest {
    @TempDir
    Path tmp;

    private static final RootHints HINTS = hints();

    private static RootHints hints() {
        try {
            return RootHints.parse("""
                    . 1 IN NS b.root.test.
                    . 1 IN NS A.ROOT-SERVERS.NET.
                    b.root.test. 1 IN A 127.0.9.2
                    A.ROOT-SERVERS.NET. 1 IN AAAA ::1
                    A.ROOT-SERVERS.NET. 1 IN A 127.0.9.1
                    """, "test");
        } catch (RootHints.HintsException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InetAddress ip(String s) {
        return IpAddresses.parseLiteral(s).orElseThrow();
    }

    private StartServer choose(String given, String resolvConf, IpFamily family) throws Exception {
        Path file = Files.writeString(tmp.resolve("resolv.conf"), resolvConf);
        return StartServers.choose(given, file, HINTS, family, name -> List.of(ip("127.0.9.7")));
    }

    @Test
    void defaultIsTheFirstNameserverOfResolvConfIpv4OrIpv6() throws Exception {
        assertThat(choose(null, "# c\nsearch x\nnameserver 127.0.5.5\nnameserver 127.0.5.6\n", IpFamily.ANY))
                .isEqualTo(new StartServer("127.0.5.5", ip("127.0.5.5"), null));
        assertThat(choose(null, "nameserver fe80::1%eth0\n", IpFamily.ANY).label()).isEqualTo("fe80::1");
    }

    @Test
    void defaultFallsBackToLocalhost() throws Exception {
        assertThat(choose(null, "", IpFamily.ANY).address()).isEqualTo(ip("127.0.0.1"));
    }

    @Test
    void dotStartsAtARootServersNetFromTheHintsHonouringTheFamily() throws Exception {
        assertThat(choose(".", "", IpFamily.ANY)).isEqualTo(new StartServer("A.ROOT-SERVERS.NET", ip("127.0.9.1"), Name.root));
        assertThat(choose(".", "", IpFamily.V6_ONLY).address()).isEqualTo(ip("::1"));
    }

    @Test
    void aNameIsLookedUpThroughTheGivenLookup() throws Exception {
        assertThat(choose("ns.example.test", "", IpFamily.ANY)).isEqualTo(new StartServer("ns.example.test", ip("127.0.9.7"), null));
    }

    @Test
    void anAddressOfTheWrongFamilyIsRefused() {
        assertThatThrownBy(() -> choose("127.0.0.1", "", IpFamily.V6_ONLY)).isInstanceOf(UsageException.class)
                .hasMessageContaining("not of the address family");
    }
}
