package org.dnstracer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
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
        String cause = family == IpFamily.V4_ONLY ? "-4" : family == IpFamily.V6_ONLY ? "-6" : null;
        return StartServers.choose(given, file, HINTS, family, cause, name -> List.of(ip("127.0.9.7")));
    }

    @Test
    void defaultIsTheFirstNameserverOfResolvConfIpv4OrIpv6() throws Exception {
        assertThat(choose(null, "# c\nsearch x\nnameserver 127.0.5.5\nnameserver 127.0.5.6\n", IpFamily.ANY))
                .isEqualTo(new StartServer("127.0.5.5", ip("127.0.5.5"), null));
    }

    @Test
    void aLinkLocalNameserverKeepsItsZone() throws Exception {
        StartServer start = choose(null, "nameserver fe80::1%2\n", IpFamily.ANY);
        assertThat(start.label()).isEqualTo("fe80::1%2");
        assertThat(((Inet6Address) start.address()).getScopeId()).isEqualTo(2);
    }

    @Test
    void aZoneNamingAnInterfaceKeepsTheInterface() throws Exception {
        NetworkInterface withLinkLocal = NetworkInterface.networkInterfaces()
                .filter(n -> n.inetAddresses().anyMatch(InetAddress::isLinkLocalAddress))
                .findFirst().orElse(null);
        assumeTrue(withLinkLocal != null, "no interface with an IPv6 link-local address on this machine");
        StartServer start = choose(null, "nameserver fe80::53%" + withLinkLocal.getName() + "\n", IpFamily.ANY);
        assertThat(start.label()).isEqualTo("fe80::53%" + withLinkLocal.getName());
        assertThat(((Inet6Address) start.address()).getScopedInterface()).isEqualTo(withLinkLocal);
    }

    @Test
    void aZoneNamingNoInterfaceOfThisMachineSkipsThatLine() throws Exception {
        assertThat(choose(null, "nameserver fe80::1%no-such-if0\nnameserver 127.0.5.5\n", IpFamily.ANY).address())
                .isEqualTo(ip("127.0.5.5"));
    }

    @Test
    void withAFamilyTheFirstNameserverOfThatFamilyIsTheStart() throws Exception {
        String conf = "nameserver 127.0.5.5\nnameserver ::1\n";
        assertThat(choose(null, conf, IpFamily.V6_ONLY).address()).isEqualTo(ip("::1"));
        assertThat(choose(null, conf, IpFamily.V4_ONLY).address()).isEqualTo(ip("127.0.5.5"));
    }

    @Test
    void ipv6OnlyWithAnIpv4ResolvConfIsAUsageErrorThatSaysWhy() {
        assertThatThrownBy(() -> choose(null, "nameserver 127.0.5.5\n", IpFamily.V6_ONLY))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("-6: no IPv6 start server (the nameservers of ")
                .hasMessageEndingWith("are all IPv4); give one with -s, or -s . to start at the root servers");
        assertThatThrownBy(() -> choose(null, "", IpFamily.V6_ONLY)).isInstanceOf(UsageException.class)
                .hasMessage("-6: no IPv6 start server (the default 127.0.0.1); give one with -s, or -s . to start "
                        + "at the root servers");
    }

    @Test
    void ipv4OnlyWithAnIpv6ResolvConfIsAUsageError() {
        assertThatThrownBy(() -> choose(null, "nameserver ::1\n", IpFamily.V4_ONLY))
                .isInstanceOf(UsageException.class).hasMessageContaining("-4: no IPv4 start server")
                .hasMessageContaining("are all IPv6");
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
