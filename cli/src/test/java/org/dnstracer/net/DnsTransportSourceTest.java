package org.dnstracer.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnstracer.net.TransportFixtures.answering;
import static org.dnstracer.net.TransportFixtures.ask;
import static org.dnstracer.net.TransportFixtures.patient;
import static org.dnstracer.net.TransportFixtures.quick;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DnsTransportSourceTest {
    private static InetAddress ip(String literal) {
        return IpAddresses.parseLiteral(literal).orElseThrow();
    }

    @ParameterizedTest(name = "tcpOnly={0}")
    @ValueSource(booleans = {false, true})
    void queriesLeaveFromTheSourceAddress(boolean tcpOnly) throws Exception {
        try (ScriptedServer server = ScriptedServer.start(ip("127.0.0.1"), answering());
                Transport transport = patient(quick().withTcpOnly(tcpOnly).withSource(ip("127.0.0.2")))) {
            Exchange exchange = ask(transport, server.address());

            assertThat(exchange.answered()).isTrue();
            assertThat(server.received()).singleElement()
                    .satisfies(r -> assertThat(r.from().getAddress()).isEqualTo(ip("127.0.0.2")));
        }
    }

    @ParameterizedTest(name = "tcpOnly={0}")
    @ValueSource(booleans = {false, true})
    void aSourceAddressThatIsNotLocalIsASendError(boolean tcpOnly) throws Exception {
        // TEST-NET-1 is never assigned to a local interface, so binding fails before any packet is sent
        try (ScriptedServer server = ScriptedServer.start(answering());
                Transport transport = Transport.create(quick().withTcpOnly(tcpOnly).withSource(ip("192.0.2.1")))) {
            Exchange exchange = ask(transport, server.address());

            assertThat(exchange.attempts()).singleElement().satisfies(a -> {
                assertThat(a.result()).isEqualTo(AttemptResult.SEND_ERROR);
                assertThat(a.error()).isNotBlank();
            });
            assertThat(server.received()).isEmpty();
            assertThat(transport.stats().queriesSent()).isZero();
        }
    }

    @Test
    void anIpv4SourceCannotReachAnIpv6Server() throws Exception {
        try (Transport transport = Transport.create(quick().withSource(ip("127.0.0.1")))) {
            Exchange exchange = ask(transport, new ServerAddress(ip("::1"), 53));
            assertThat(exchange.attempts()).singleElement().satisfies(a -> {
                assertThat(a.result()).isEqualTo(AttemptResult.SEND_ERROR);
                assertThat(a.error()).contains("IPv6");
            });
        }
    }

    @ParameterizedTest(name = "tcpOnly={0}")
    @ValueSource(booleans = {false, true})
    void worksOverIpv6Loopback(boolean tcpOnly) throws Exception {
        InetAddress v6 = ip("::1");
        Assumptions.assumeTrue(canBind(v6), "::1 cannot be bound here (IPv6 disabled?): skipping the IPv6 test");
        try (ScriptedServer server = ScriptedServer.start(v6, answering());
                Transport transport = patient(quick().withTcpOnly(tcpOnly).withSource(v6))) {
            Exchange exchange = ask(transport, server.address());

            assertThat(exchange.answered()).isTrue();
            assertThat(server.address().isIpv6()).isTrue();
            assertThat(server.received()).singleElement()
                    .satisfies(r -> assertThat(r.from().getAddress()).isEqualTo(v6));
        }
    }

    private static boolean canBind(InetAddress address) {
        try {
            new DatagramSocket(new InetSocketAddress(address, 0)).close();
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
