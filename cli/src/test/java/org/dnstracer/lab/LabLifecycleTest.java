package org.dnstracer.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/** Starting, sharing one port, and closing without leaving threads or sockets behind. */
class LabLifecycleTest {

    private static Set<String> labThreads(int port) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.startsWith(LabRuntime.THREAD_PREFIX + port + "-"))
                .collect(Collectors.toSet());
    }

    @Test
    void closeLeavesNoThreadsAndFreesEveryPort() throws IOException {
        Lab lab = Lab.start(TestLabs.twoServers().behaviour("ns1.test",
                Behaviour.normal().withDelay(java.time.Duration.ofMillis(5_000))).build(), 0);
        int port = lab.port();
        LabClient client = new LabClient(port).timeout(100);
        // a TCP connection left open, and a delayed reply still pending, must not survive close()
        java.net.Socket idle = new java.net.Socket();
        idle.connect(new InetSocketAddress(LabClient.ip(TestLabs.ROOT_ADDR), port));
        assertThat(client.udp(TestLabs.NS1_ADDR, "www.test", Type.A)).isNull();
        assertThat(labThreads(port)).isNotEmpty();

        lab.close();
        idle.close();

        assertThat(labThreads(port)).isEmpty();
        for (String addr : new String[] {TestLabs.ROOT_ADDR, TestLabs.NS1_ADDR}) {
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(LabClient.ip(addr), port));
                    ServerSocket tcp = new ServerSocket()) {
                tcp.setReuseAddress(true);
                tcp.bind(new InetSocketAddress(LabClient.ip(addr), port));
                assertThat(udp.isBound()).isTrue();
            }
        }
        lab.close(); // twice is harmless
    }

    @Test
    void allServersShareOnePortAndAFixedPortCanBeAskedFor() throws IOException {
        int port;
        try (Lab first = Lab.start(TestLabs.twoServers().build(), 0)) {
            port = first.port();
            LabClient client = new LabClient(port);
            assertThat(client.udp(TestLabs.ROOT_ADDR, "www.test", Type.A).getRcode()).isEqualTo(Rcode.NOERROR);
            assertThat(client.udp(TestLabs.NS1_ADDR, "www.test", Type.A).getRcode()).isEqualTo(Rcode.NOERROR);
            assertThatThrownBy(() -> Lab.start(TestLabs.twoServers().build(), port))
                    .isInstanceOf(BindException.class)
                    .hasMessageContaining("127.53.9.9")
                    .hasMessageContaining(Integer.toString(port));
        }
        try (Lab again = Lab.start(TestLabs.twoServers().build(), port)) {
            assertThat(again.port()).isEqualTo(port);
            assertThat(new LabClient(port).udp(TestLabs.NS1_ADDR, "www.test", Type.A).getRcode()).isEqualTo(Rcode.NOERROR);
        }
    }

    @Test
    void nonLoopbackAddressesAreRefused() {
        assertThatThrownBy(() -> TestLabs.twoServers().server("evil.test", "192.0.2.53", "test").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("192.0.2.53 is not a loopback address");
        assertThatThrownBy(() -> TestLabs.twoServers().server("evil.test", "192.0.2.1", "test").build())
                .hasMessageContaining("loopback");
    }

    @Test
    void serverLookupIgnoresCaseAndTrailingDot() throws IOException {
        try (Lab lab = Lab.start(TestLabs.twoServers().build(), 0)) {
            assertThat(lab.server("NS1.TEST.")).isSameAs(lab.server("ns1.test"));
            assertThatThrownBy(() -> lab.server("nope.test")).isInstanceOf(IllegalArgumentException.class);
            assertThat(lab.servers()).extracting(LabServer::name).containsExactly("a.root.test", "ns1.test");
            assertThat(lab.serverTable().lines()).hasSize(3);
        }
    }
}
