package org.dnstracer.net;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A loopback port where nobody listens, held for as long as the test runs: a UDP socket bound to it but connected
 * elsewhere (the kernel delivers it nothing from anyone else, so a query gets ICMP port unreachable) and a TCP socket
 * bound to it that never listens (a connection is refused). Picking a port by binding and closing again would let
 * any other socket take it before the test uses it.
 */
final class ClosedPort implements AutoCloseable {
    private final DatagramSocket udp;
    private final Socket tcp;

    private ClosedPort(DatagramSocket udp, Socket tcp) {
        this.udp = udp;
        this.tcp = tcp;
    }

    static ClosedPort open() throws IOException {
        InetAddress loopback = ScriptedServer.loopback();
        IOException last = null;
        for (int i = 0; i < 20; i++) {
            DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, 0));
            Socket tcp = new Socket();
            try {
                // the discard port: nothing is ever sent from this socket, connecting only narrows what it accepts
                udp.connect(new InetSocketAddress(loopback, 9));
                tcp.bind(new InetSocketAddress(loopback, udp.getLocalPort()));
                return new ClosedPort(udp, tcp);
            } catch (IOException e) {
                tcp.close();
                udp.close();
                last = e; // the TCP port of the same number was taken: try another
            }
        }
        throw last;
    }

    ServerAddress address() {
        return new ServerAddress(udp.getLocalAddress(), udp.getLocalPort());
    }

    @Override
    public void close() throws IOException {
        try (udp) {
            tcp.close();
        }
    }
}
