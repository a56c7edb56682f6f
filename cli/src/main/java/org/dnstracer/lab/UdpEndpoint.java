package org.dnstracer.lab;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One UDP socket of a server and its receive loop. Answering is cheap and done inline; only delayed replies leave
 * the loop (to the scheduler), so throughput does not depend on the configured delay.
 */
final class UdpEndpoint implements Runnable {
    private final LabServer server;
    private final DatagramSocket socket;
    private final LabRuntime runtime;
    /** The socket of the {@code wrong-source} quirk, opened on first use; only the sending thread touches it. */
    private DatagramSocket stray;

    UdpEndpoint(LabServer server, DatagramSocket socket, LabRuntime runtime) {
        this.server = server;
        this.socket = socket;
        this.runtime = runtime;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[65_535];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (!runtime.isClosed() && !socket.isClosed()) {
            try {
                packet.setLength(buffer.length);
                socket.receive(packet);
            } catch (IOException e) {
                // closed by Lab.close(), or a transient error (ICMP unreachable echoed back): go on unless closed
                continue;
            }
            try {
                handle(packet);
            } catch (RuntimeException e) {
                // one odd datagram must never stop a server; what went wrong is the client's to find out (no reply)
            }
        }
    }

    private void handle(DatagramPacket packet) {
        SocketAddress from = new InetSocketAddress(packet.getAddress(), packet.getPort());
        List<byte[]> replies = server.answerUdp(packet.getData(), packet.getLength(), socket.getLocalAddress());
        if (replies.isEmpty()) {
            return;
        }
        long delayNanos = server.behaviour().delay().toNanos();
        Runnable send = () -> send(replies, from);
        if (delayNanos == 0) {
            send.run();
            return;
        }
        try {
            runtime.scheduler().schedule(send, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // the lab is closing
        }
    }

    private synchronized void send(List<byte[]> replies, SocketAddress to) {
        DatagramSocket from = socket;
        if (server.behaviour().has(Quirk.WRONG_SOURCE)) {
            try {
                from = straySocket();
            } catch (IOException e) {
                return; // cannot bind the other address: the reply is lost, which is what the client sees anyway
            }
        }
        for (byte[] reply : replies) {
            try {
                from.send(new DatagramPacket(reply, reply.length, to));
            } catch (IOException e) {
                return; // socket closed or the client went away: nothing to tell anyone
            }
        }
    }

    /**
     * A socket on another loopback address than the server's (any port), or for IPv6, where ::1 is the only
     * loopback address, on the server's address but another port. Either way a client whose socket is connected to
     * the server never receives what it sends.
     */
    private DatagramSocket straySocket() throws IOException {
        if (stray == null) {
            InetAddress own = socket.getLocalAddress();
            InetAddress other = own;
            if (own instanceof Inet4Address) {
                byte[] b = own.getAddress();
                boolean isFirst = b[0] == 127 && b[1] == 0 && b[2] == 0 && b[3] == 1;
                other = InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (isFirst ? 2 : 1)});
            }
            DatagramSocket s = new DatagramSocket(new InetSocketAddress(other, 0));
            runtime.track(s);
            stray = s;
        }
        return stray;
    }
}
