package org.dnstracer.net;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.xbill.DNS.Message;

/**
 * One query on its own TCP connection (RFC 7766 framing). The try's time covers connecting, writing and reading
 * together: every read waits only for what is left of it, so a server that drips one octet at a time, or whose
 * length prefix promises more than it sends, costs at most the try's timeout.
 * Unlike UDP nobody can inject into the stream, so a reply that does not match is the server's fault: MALFORMED.
 */
final class TcpTry {
    private final TrySockets sockets;
    private final TransportCounters counters;

    TcpTry(TrySockets sockets, TransportCounters counters) {
        this.sockets = sockets;
        this.counters = counters;
    }

    Attempt run(ServerAddress server, Message query, Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        byte[] sent = query.toWire();
        IgnoredDatagrams ignored = new IgnoredDatagrams();
        String mismatch = sockets.familyMismatch(server);
        if (mismatch != null) {
            return end(sent, timeout, start, AttemptResult.SEND_ERROR, null, ignored, mismatch);
        }
        Socket socket;
        try {
            socket = sockets.tcp();
        } catch (IOException e) {
            return closedOr(sent, timeout, start, AttemptResult.SEND_ERROR, ignored, e);
        } catch (RuntimeException e) {
            return end(sent, timeout, start, AttemptResult.SEND_ERROR, null, ignored, UdpTry.describe(e));
        }
        try {
            try {
                socket.connect(server.socketAddress(), UdpTry.toTimeoutMillis(deadline - System.nanoTime()));
            } catch (SocketTimeoutException e) {
                counters.timedOut();
                return end(sent, timeout, start, AttemptResult.TIMEOUT, null, ignored, "connect timed out");
            } catch (ConnectException | NoRouteToHostException e) {
                return closedOr(sent, timeout, start, AttemptResult.UNREACHABLE, ignored, e);
            } catch (IOException e) {
                return closedOr(sent, timeout, start, AttemptResult.SEND_ERROR, ignored, e);
            }
            try {
                OutputStream out = socket.getOutputStream();
                out.write(TcpFraming.framed(sent));
                out.flush();
            } catch (IOException e) {
                return closedOr(sent, timeout, start, AttemptResult.UNREACHABLE, ignored, e);
            }
            counters.sent(Protocol.TCP, sent.length);
            return read(socket, query, sent, timeout, start, deadline, ignored);
        } finally {
            sockets.release(socket);
        }
    }

    private Attempt read(Socket socket, Message query, byte[] sent, Duration timeout, long start, long deadline,
            IgnoredDatagrams ignored) {
        byte[] reply;
        try {
            InputStream in = socket.getInputStream();
            byte[] prefix = readFully(socket, in, 2, deadline, "length prefix");
            reply = readFully(socket, in, ((prefix[0] & 0xff) << 8) | (prefix[1] & 0xff), deadline, "reply");
        } catch (IncompleteAtDeadline e) {
            counters.timedOut();
            String error = sockets.isClosed() ? "transport closed" : e.getMessage();
            return end(sent, timeout, start, AttemptResult.TIMEOUT, null, ignored, error);
        } catch (SocketTimeoutException e) {
            counters.timedOut();
            String error = sockets.isClosed() ? "transport closed" : null;
            return end(sent, timeout, start, AttemptResult.TIMEOUT, null, ignored, error);
        } catch (EOFException e) {
            return end(sent, timeout, start, AttemptResult.MALFORMED, null, ignored, UdpTry.describe(e));
        } catch (IOException e) {
            // a reset: the server dropped us
            return closedOr(sent, timeout, start, AttemptResult.UNREACHABLE, ignored, e);
        }
        counters.received(reply.length);
        ReplyMatcher.Verdict verdict = ReplyMatcher.judge(query, reply);
        if (!verdict.accepted()) {
            counters.ignored();
            ignored.add(verdict.reason());
            return end(sent, timeout, start, AttemptResult.MALFORMED, null, ignored, verdict.reason());
        }
        counters.accepted();
        return end(sent, timeout, start, AttemptResult.REPLY, reply, ignored, null);
    }

    /**
     * Reads exactly {@code length} octets, never past the deadline of the try. The buffer grows with what arrives
     * rather than being allocated from the length prefix: a lying prefix costs no more memory than the octets sent.
     */
    private static byte[] readFully(Socket socket, InputStream in, int length, long deadline, String what)
            throws IOException {
        byte[] buffer = new byte[Math.min(length, 4096)];
        int filled = 0;
        while (filled < length) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw IncompleteAtDeadline.of(what, filled, length);
            }
            if (filled == buffer.length) {
                buffer = java.util.Arrays.copyOf(buffer, Math.min(length, buffer.length * 2));
            }
            socket.setSoTimeout(UdpTry.toTimeoutMillis(remaining));
            int n;
            try {
                n = in.read(buffer, filled, buffer.length - filled);
            } catch (SocketTimeoutException e) {
                throw IncompleteAtDeadline.of(what, filled, length);
            }
            if (n < 0) {
                throw new EOFException(filled == 0 && length == 2
                        ? "connection closed without a reply"
                        : "connection closed after " + filled + " of " + length + " octets of the " + what);
            }
            filled += n;
        }
        return buffer;
    }

    /** The try's time ran out in the middle of a read; the message says how far it got, when it got anywhere. */
    private static final class IncompleteAtDeadline extends SocketTimeoutException {
        private static final long serialVersionUID = 1L;

        IncompleteAtDeadline(String message) {
            super(message);
        }

        static SocketTimeoutException of(String what, int filled, int length) {
            if (filled == 0 && what.equals("length prefix")) {
                return new SocketTimeoutException("read timed out"); // plain silence: nothing to add
            }
            return new IncompleteAtDeadline("timed out after " + filled + " of " + length + " octets of the " + what);
        }
    }

    private Attempt closedOr(
            byte[] sent, Duration timeout, long start, AttemptResult result, IgnoredDatagrams ignored, IOException e) {
        if (sockets.isClosed()) {
            return end(sent, timeout, start, AttemptResult.TIMEOUT, null, ignored, "transport closed");
        }
        return end(sent, timeout, start, result, null, ignored, UdpTry.describe(e));
    }

    private static Attempt end(byte[] sent, Duration timeout, long start, AttemptResult result, byte[] reply,
            IgnoredDatagrams ignored, String error) {
        return Attempt.endingNow(Protocol.TCP, sent, timeout, start, result, reply, ignored, error);
    }
}
