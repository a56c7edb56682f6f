package org.dnstracer.lab;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.dnstracer.net.IpAddresses;
import org.dnstracer.net.TcpFraming;

/**
 * The TCP side of one server address: a listening socket (absent while the server's behaviour says no-tcp, so
 * connections are refused by the kernel) and a thread per connection. Connections are few in a lab, so plain
 * blocking I/O keeps this simple.
 */
final class TcpEndpoint {
    /** How long {@link #stop()} waits for the accepting thread to leave the closed socket. */
    private static final long STOP_WAIT_MS = 2_000;

    /** An idle client connection is closed after this long, as real servers do (RFC 7766 §6.2.3). */
    private static final int IDLE_TIMEOUT_MS = 10_000;
    /** The pause between octets of the {@code tcp-slow-drip} quirk. */
    static final int DRIP_MS = 100;

    private final LabServer server;
    private final InetAddress address;
    private final LabRuntime runtime;
    private ServerSocket listener;
    private Thread acceptor;
    private int port;

    TcpEndpoint(LabServer server, InetAddress address, LabRuntime runtime) {
        this.server = server;
        this.address = address;
        this.runtime = runtime;
    }

    /** Binds the listening socket; port 0 asks for a free one. Returns the bound port. */
    synchronized int bind(int requestedPort) throws IOException {
        ServerSocket s = new ServerSocket();
        try {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(address, requestedPort), 64);
        } catch (IOException e) {
            s.close();
            throw e;
        }
        listener = s;
        port = s.getLocalPort();
        runtime.track(s);
        return port;
    }

    /** Starts accepting on the bound socket. */
    synchronized void start() {
        ServerSocket s = listener;
        String name = "tcp-" + server.name() + "-" + IpAddresses.format(address);
        acceptor = runtime.startLoop(name, () -> acceptLoop(s));
    }

    /** Closes the port (behaviour no-tcp); connections already open finish on their own. */
    synchronized void stop() {
        if (listener != null) {
            runtime.untrack(listener);
            LabRuntime.closeQuietly(listener);
            listener = null;
            awaitAcceptor();
        }
    }

    /**
     * A socket closed while a thread is blocked accepting on it stays listening until that thread has left the
     * call, and a connection it takes in meanwhile is then reset, not refused: wait for the thread, so that the
     * port is shut when {@link #stop()} returns.
     */
    private void awaitAcceptor() {
        try {
            if (acceptor != null) {
                acceptor.join(STOP_WAIT_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Opens the port again after {@link #stop()}; the same port, since the lab shares one port across servers. */
    synchronized void reopen() throws IOException {
        if (listener == null && !runtime.isClosed()) {
            bind(port);
            start();
        }
    }

    private void acceptLoop(ServerSocket s) {
        while (!runtime.isClosed() && !s.isClosed()) {
            Socket connection;
            try {
                connection = s.accept();
            } catch (IOException e) {
                pauseAfterAcceptError(s);
                continue; // closed (loop ends) or a transient accept error such as too many open files
            }
            runtime.track(connection);
            try {
                runtime.connections().execute(() -> serve(connection));
            } catch (RejectedExecutionException e) {
                runtime.untrack(connection);
                LabRuntime.closeQuietly(connection);
            }
        }
    }

    /** A persistent accept error (e.g. out of file descriptors) must not turn the loop into a busy spin. */
    private void pauseAfterAcceptError(ServerSocket s) {
        if (!s.isClosed() && !runtime.isClosed()) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Promises 65535 octets, sends the real (shorter) message, then nothing until the connection times out. */
    private static void lie(OutputStream out, byte[] reply) throws IOException, InterruptedException {
        byte[] lying = TcpFraming.framed(reply);
        lying[0] = (byte) 0xff;
        lying[1] = (byte) 0xff;
        out.write(lying);
        out.flush();
        Thread.sleep(IDLE_TIMEOUT_MS);
    }

    /** One octet every {@link #DRIP_MS} ms: each read on the client side succeeds, the whole never arrives in time. */
    private static void drip(OutputStream out, byte[] framed) throws IOException, InterruptedException {
        for (byte b : framed) {
            out.write(b);
            out.flush();
            Thread.sleep(DRIP_MS);
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            connection.setSoTimeout(IDLE_TIMEOUT_MS);
            connection.setTcpNoDelay(true);
            DataInputStream in = new DataInputStream(connection.getInputStream());
            OutputStream out = connection.getOutputStream();
            while (!runtime.isClosed()) {
                int length;
                try {
                    length = in.readUnsignedShort();
                } catch (EOFException | SocketTimeoutException e) {
                    return;
                }
                byte[] query = new byte[length];
                in.readFully(query);
                List<byte[]> replies = server.answerTcp(query, address);
                long delayMs = server.behaviour().delay().toMillis();
                if (delayMs > 0 && !replies.isEmpty()) {
                    // sleeping holds up only this connection; other clients have their own threads
                    Thread.sleep(delayMs);
                }
                Behaviour b = server.behaviour();
                for (byte[] reply : replies) {
                    if (b.has(Quirk.TCP_LYING_LENGTH)) {
                        lie(out, reply);
                        return;
                    }
                    if (b.has(Quirk.TCP_SLOW_DRIP)) {
                        drip(out, TcpFraming.framed(reply));
                    } else {
                        out.write(TcpFraming.framed(reply));
                    }
                }
                out.flush();
            }
        } catch (IOException e) {
            // the client closed or reset the connection, or the lab is closing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            runtime.untrack(connection);
        }
    }
}
