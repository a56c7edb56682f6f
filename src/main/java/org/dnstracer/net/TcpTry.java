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
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Message;

/**
 * One query on its own TCP connection (RFC 7766 framing). The try's time covers connecting, writing and reading.
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
        List<String> ignored = new ArrayList<>();
        String mismatch = sockets.familyMismatch(server);
        if (mismatch != null) {
            return end(query, timeout, start, AttemptResult.SEND_ERROR, null, 0, ignored, mismatch);
        }
        Socket socket;
        try {
            socket = sockets.tcp();
        } catch (IOException e) {
            return closedOr(query, timeout, start, AttemptResult.SEND_ERROR, ignored, e);
        } catch (RuntimeException e) {
            return end(query, timeout, start, AttemptResult.SEND_ERROR, null, 0, ignored, UdpTry.describe(e));
        }
        try {
            try {
                socket.connect(server.socketAddress(), UdpTry.toTimeoutMillis(timeout.toNanos()));
            } catch (SocketTimeoutException e) {
                counters.timedOut();
                return end(query, timeout, start, AttemptResult.TIMEOUT, null, 0, ignored, "connect timed out");
            } catch (ConnectException | NoRouteToHostException e) {
                return closedOr(query, timeout, start, AttemptResult.UNREACHABLE, ignored, e);
            } catch (IOException e) {
                return closedOr(query, timeout, start, AttemptResult.SEND_ERROR, ignored, e);
            }
            byte[] wire = query.toWire();
            try {
                OutputStream out = socket.getOutputStream();
                out.write(TcpFraming.framed(wire));
                out.flush();
            } catch (IOException e) {
                return closedOr(query, timeout, start, AttemptResult.UNREACHABLE, ignored, e);
            }
            counters.sent(Protocol.TCP, wire.length);
            return read(socket, query, timeout, start, deadline, ignored);
        } finally {
            sockets.release(socket);
        }
    }

    private Attempt read(Socket socket, Message query, Duration timeout, long start, long deadline, List<String> ignored) {
        byte[] reply;
        try {
            InputStream in = socket.getInputStream();
            byte[] prefix = readFully(socket, in, 2, deadline);
            reply = readFully(socket, in, ((prefix[0] & 0xff) << 8) | (prefix[1] & 0xff), deadline);
        } catch (SocketTimeoutException e) {
            counters.timedOut();
            String error = sockets.isClosed() ? "transport closed" : null;
            return end(query, timeout, start, AttemptResult.TIMEOUT, null, 0, ignored, error);
        } catch (EOFException e) {
            return end(query, timeout, start, AttemptResult.MALFORMED, null, 0, ignored, UdpTry.describe(e));
        } catch (IOException e) {
            // a reset: the server dropped us
            return closedOr(query, timeout, start, AttemptResult.UNREACHABLE, ignored, e);
        }
        counters.received(reply.length);
        ReplyMatcher.Verdict verdict = ReplyMatcher.judge(query, reply);
        if (!verdict.accepted()) {
            counters.ignored();
            ignored.add(verdict.reason());
            return end(query, timeout, start, AttemptResult.MALFORMED, null, 0, ignored, verdict.reason());
        }
        counters.accepted();
        return end(query, timeout, start, AttemptResult.REPLY, verdict.reply(), reply.length, ignored, null);
    }

    /** Reads exactly {@code length} octets, never past the deadline of the try. */
    private static byte[] readFully(Socket socket, InputStream in, int length, long deadline) throws IOException {
        byte[] buffer = new byte[length];
        int filled = 0;
        while (filled < length) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new SocketTimeoutException("read timed out");
            }
            socket.setSoTimeout(UdpTry.toTimeoutMillis(remaining));
            int n = in.read(buffer, filled, length - filled);
            if (n < 0) {
                throw new EOFException(filled == 0 && length == 2
                        ? "connection closed without a reply"
                        : "connection closed after " + filled + " of " + length + " octets");
            }
            filled += n;
        }
        return buffer;
    }

    private Attempt closedOr(
            Message query, Duration timeout, long start, AttemptResult result, List<String> ignored, IOException e) {
        if (sockets.isClosed()) {
            return end(query, timeout, start, AttemptResult.TIMEOUT, null, 0, ignored, "transport closed");
        }
        return end(query, timeout, start, result, null, 0, ignored, UdpTry.describe(e));
    }

    private static Attempt end(Message query, Duration timeout, long start, AttemptResult result, Message reply,
            int size, List<String> ignored, String error) {
        return Attempt.endingNow(Protocol.TCP, query, timeout, start, result, reply, size, ignored, error);
    }
}
