package org.dnstracer.net;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.xbill.DNS.Message;

/**
 * A loopback DNS responder for tests: UDP and TCP on one port, replies decided per query by a script.
 * UDP replies are scheduled rather than slept on, so a delayed reply does not hold up the next query.
 */
final class ScriptedServer implements AutoCloseable {
    /**
     * Raw octets to send back, after a delay counted from the previous reply to the same query. Over TCP they are
     * framed with their length unless {@code unframed}.
     */
    record Reply(byte[] wire, Duration delay, boolean unframed) {
        static Reply of(Message message) {
            return new Reply(message.toWire(), Duration.ZERO, false);
        }

        static Reply raw(byte[] wire) {
            return new Reply(wire.clone(), Duration.ZERO, false);
        }

        /** Over TCP, these octets exactly, without a length prefix: for lying prefixes and dripped replies. */
        static Reply stream(byte[] octets) {
            return new Reply(octets.clone(), Duration.ZERO, true);
        }

        /** Over TCP, close the connection at this point instead of writing; not meaningful over UDP. */
        static Reply hangUp() {
            return new Reply(null, Duration.ZERO, false);
        }

        Reply after(Duration d) {
            return new Reply(wire, d, unframed);
        }
    }

    /** One query as the server saw it. */
    record Received(Protocol protocol, Message query, InetSocketAddress from, long atNanos) {}

    @FunctionalInterface
    interface Script {
        List<Reply> respond(Message query, Protocol protocol);
    }

    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final Script script;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService udpSender = Executors.newSingleThreadScheduledExecutor(daemon("udp-send"));
    private final ExecutorService tcpHandlers = Executors.newCachedThreadPool(daemon("tcp-conn"));
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final Thread udpLoop;
    private final Thread acceptLoop;

    private ScriptedServer(DatagramSocket udp, ServerSocket tcp, Script script) {
        this.udp = udp;
        this.tcp = tcp;
        this.script = script;
        this.udpLoop = daemon("udp-loop").newThread(this::serveUdp);
        this.acceptLoop = daemon("tcp-accept").newThread(this::serveTcp);
        udpLoop.start();
        acceptLoop.start();
    }

    /** Binds UDP to a free port on {@code address}, then TCP to the same port (retrying if TCP's is taken). */
    static ScriptedServer start(InetAddress address, Script script) throws IOException {
        IOException last = null;
        for (int i = 0; i < 20; i++) {
            DatagramSocket udp = new DatagramSocket(new InetSocketAddress(address, 0));
            try {
                ServerSocket tcp = new ServerSocket();
                tcp.setReuseAddress(true);
                tcp.bind(new InetSocketAddress(address, udp.getLocalPort()), 16);
                return new ScriptedServer(udp, tcp, script);
            } catch (IOException e) {
                udp.close();
                last = e;
            }
        }
        throw last;
    }

    static ScriptedServer start(Script script) throws IOException {
        return start(loopback(), script);
    }

    static InetAddress loopback() {
        return IpAddresses.parseLiteral("127.0.0.1").orElseThrow();
    }

    ServerAddress address() {
        return new ServerAddress(udp.getLocalAddress(), udp.getLocalPort());
    }

    /** Closes the TCP port, so that connections to it are refused from now on; UDP goes on. */
    void refuseTcp() throws IOException {
        tcp.close();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> received(Protocol protocol) {
        return received.stream().filter(r -> r.protocol() == protocol).toList();
    }

    private void serveUdp() {
        byte[] buffer = new byte[65535];
        while (!udp.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                udp.receive(packet);
            } catch (IOException e) {
                return; // closed
            }
            SocketAddress from = packet.getSocketAddress();
            Message query = parse(Arrays.copyOf(packet.getData(), packet.getLength()));
            if (query == null) {
                continue;
            }
            received.add(new Received(Protocol.UDP, query, (InetSocketAddress) from, System.nanoTime()));
            long delay = 0;
            for (Reply reply : script.respond(query, Protocol.UDP)) {
                if (reply.wire() == null) {
                    continue;
                }
                delay += reply.delay().toNanos();
                udpSender.schedule(() -> sendQuietly(reply.wire(), from), delay, TimeUnit.NANOSECONDS);
            }
        }
    }

    private void sendQuietly(byte[] wire, SocketAddress to) {
        try {
            udp.send(new DatagramPacket(wire, wire.length, to));
        } catch (IOException e) {
            // the server is closing, or the client socket is gone: either way nobody is listening
        }
    }

    private void serveTcp() {
        while (!tcp.isClosed()) {
            Socket connection;
            try {
                connection = tcp.accept();
            } catch (IOException e) {
                return; // closed
            }
            connections.add(connection);
            tcpHandlers.execute(() -> serveConnection(connection));
        }
    }

    private void serveConnection(Socket connection) {
        try (connection) {
            DataInputStream in = new DataInputStream(connection.getInputStream());
            OutputStream out = connection.getOutputStream();
            while (true) {
                int length;
                try {
                    length = in.readUnsignedShort();
                } catch (EOFException e) {
                    return;
                }
                byte[] wire = new byte[length];
                in.readFully(wire);
                Message query = parse(wire);
                if (query == null) {
                    return;
                }
                received.add(new Received(Protocol.TCP, query,
                        (InetSocketAddress) connection.getRemoteSocketAddress(), System.nanoTime()));
                for (Reply reply : script.respond(query, Protocol.TCP)) {
                    Thread.sleep(reply.delay().toMillis());
                    if (reply.wire() == null) {
                        return;
                    }
                    out.write(reply.unframed() ? reply.wire() : TcpFraming.framed(reply.wire()));
                    out.flush();
                }
            }
        } catch (IOException | InterruptedException e) {
            // client went away or server closing
        } finally {
            connections.remove(connection);
        }
    }

    private static Message parse(byte[] wire) {
        try {
            return new Message(wire);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        udp.close();
        try {
            tcp.close();
        } catch (IOException ignored) {
            // nothing to do
        }
        for (Socket s : connections) {
            try {
                s.close();
            } catch (IOException ignored) {
                // nothing to do
            }
        }
        udpSender.shutdownNow();
        tcpHandlers.shutdownNow();
        try {
            udpLoop.join(2000);
            acceptLoop.join(2000);
            udpSender.awaitTermination(2, TimeUnit.SECONDS);
            tcpHandlers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String role) {
        return r -> {
            Thread t = new Thread(r, "scripted-server-" + role);
            t.setDaemon(true);
            return t;
        };
    }
}
