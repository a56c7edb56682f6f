package org.dnstracer.net;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.nio.channels.Selector;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens the sockets of single tries, bound to the {@code -S} source when given, and keeps track of them so that
 * closing the transport can close them all: a thread blocked in receive() only wakes when its socket closes.
 */
final class TrySockets {
    private final InetAddress source;
    private final Set<Closeable> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    TrySockets(InetAddress source) {
        this.source = source;
    }

    boolean isClosed() {
        return closed;
    }

    /** A message for a source/server family mismatch, or null. Checked up front: the kernel's errors vary. */
    String familyMismatch(ServerAddress server) {
        if (source == null || IpAddresses.isIpv6(source) == server.isIpv6()) {
            return null;
        }
        return "source address " + IpAddresses.format(source) + " cannot reach " + (server.isIpv6() ? "IPv6" : "IPv4")
                + " server " + server;
    }

    /**
     * A new socket on a new ephemeral port, connected so that ICMP errors surface and strangers are filtered. A
     * channel rather than a plain socket so that a hedged try can wait on two of them at once ({@link #selector()}).
     */
    DatagramChannel udp(ServerAddress server) throws IOException {
        DatagramChannel channel =
                DatagramChannel.open(server.isIpv6() ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        track(channel);
        try {
            if (source != null) {
                channel.bind(new InetSocketAddress(source, 0));
            }
            channel.connect(server.socketAddress());
            return channel;
        } catch (IOException | RuntimeException e) {
            release(channel);
            throw e;
        }
    }

    /** A selector for one hedged try, tracked like a socket: closing it is what wakes a thread blocked in select. */
    Selector selector() throws IOException {
        Selector selector = Selector.open();
        track(selector);
        return selector;
    }

    /** An unconnected TCP socket, already bound to the source when one is set. */
    Socket tcp() throws IOException {
        Socket socket = new Socket();
        track(socket);
        try {
            if (source != null) {
                socket.bind(new InetSocketAddress(source, 0));
            }
            socket.setTcpNoDelay(true);
            return socket;
        } catch (IOException | RuntimeException e) {
            release(socket);
            throw e;
        }
    }

    /** Sockets and selectors open now: for tests that check nothing is left behind. */
    int openCount() {
        return open.size();
    }

    void release(Closeable socket) {
        open.remove(socket);
        closeQuietly(socket);
    }

    /** Closes every open socket and refuses new ones. */
    void closeAll() {
        closed = true;
        for (Closeable socket : open) {
            release(socket);
        }
    }

    private void track(Closeable socket) throws IOException {
        open.add(socket);
        // re-check after registering: closeAll() may have run between the two, and must not miss this socket
        if (closed) {
            release(socket);
            throw new IOException("transport closed");
        }
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing a socket we are abandoning: nothing useful to do with the error
        }
    }
}
