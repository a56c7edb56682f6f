package org.dnstracer.net;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;

/** One datagram out, then listening until an acceptable reply or the end of the try's time. */
final class UdpTry {
    /** The largest possible datagram: the buffer must never be what truncates a reply. */
    private static final int RECEIVE_BUFFER = 65535;

    private final TrySockets sockets;
    private final TransportCounters counters;

    UdpTry(TrySockets sockets, TransportCounters counters) {
        this.sockets = sockets;
        this.counters = counters;
    }

    Attempt run(ServerAddress server, Message query, Duration timeout) {
        long start = System.nanoTime();
        byte[] sent = query.toWire();
        IgnoredDatagrams ignored = new IgnoredDatagrams();
        String mismatch = sockets.familyMismatch(server);
        if (mismatch != null) {
            return end(sent, timeout, start, AttemptResult.SEND_ERROR, null, ignored, mismatch);
        }
        DatagramSocket socket;
        try {
            socket = sockets.udp(server);
        } catch (IOException e) {
            return closedOr(sent, timeout, start, AttemptResult.SEND_ERROR, ignored, e);
        } catch (RuntimeException e) {
            return end(sent, timeout, start, AttemptResult.SEND_ERROR, null, ignored, describe(e));
        }
        try {
            try {
                socket.send(new DatagramPacket(sent, sent.length));
            } catch (PortUnreachableException e) {
                return end(sent, timeout, start, AttemptResult.UNREACHABLE, null, ignored, describe(e));
            } catch (IOException e) {
                return closedOr(sent, timeout, start, AttemptResult.SEND_ERROR, ignored, e);
            }
            counters.sent(Protocol.UDP, sent.length);
            start = System.nanoTime();
            return listen(socket, query, sent, timeout, start, ignored);
        } finally {
            sockets.release(socket);
        }
    }

    private Attempt listen(DatagramSocket socket, Message query, byte[] sent, Duration timeout, long start,
            IgnoredDatagrams ignored) {
        long deadline = start + timeout.toNanos();
        byte[] buffer = new byte[RECEIVE_BUFFER];
        boolean garbage = false;
        while (true) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                break;
            }
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.setSoTimeout(toTimeoutMillis(remaining));
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                break;
            } catch (PortUnreachableException e) {
                return end(sent, timeout, start, AttemptResult.UNREACHABLE, null, ignored, describe(e));
            } catch (IOException e) {
                // on a connected socket other receive errors are ICMP too (host or network unreachable)
                return closedOr(sent, timeout, start, AttemptResult.UNREACHABLE, ignored, e);
            }
            byte[] wire = Arrays.copyOf(packet.getData(), packet.getLength());
            counters.received(wire.length);
            ReplyMatcher.Verdict verdict = ReplyMatcher.judge(query, wire);
            if (verdict.accepted()) {
                counters.accepted();
                Message reply = verdict.reply();
                AttemptResult result =
                        reply.getHeader().getFlag(Flags.TC) ? AttemptResult.TRUNCATED : AttemptResult.REPLY;
                return end(sent, timeout, start, result, wire, ignored, null);
            }
            // keep listening: the genuine reply may still be on its way behind a spoofed or stale one
            counters.ignored();
            ignored.add(verdict.reason());
            garbage |= verdict.unparseable();
        }
        if (garbage) {
            return end(sent, timeout, start, AttemptResult.MALFORMED, null, ignored,
                    "nothing but unparseable replies arrived");
        }
        counters.timedOut();
        return end(sent, timeout, start, AttemptResult.TIMEOUT, null, ignored, null);
    }

    private Attempt closedOr(
            byte[] sent, Duration timeout, long start, AttemptResult result, IgnoredDatagrams ignored, IOException e) {
        if (sockets.isClosed()) {
            return end(sent, timeout, start, AttemptResult.TIMEOUT, null, ignored, "transport closed");
        }
        return end(sent, timeout, start, result, null, ignored, describe(e));
    }

    static int toTimeoutMillis(long nanos) {
        // round up: 0 would mean "wait forever" to setSoTimeout
        long millis = Math.max(1, (nanos + 999_999) / 1_000_000);
        return (int) Math.min(Integer.MAX_VALUE, millis);
    }

    static String describe(Exception e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    private static Attempt end(byte[] sent, Duration timeout, long start, AttemptResult result, byte[] reply,
            IgnoredDatagrams ignored, String error) {
        return Attempt.endingNow(Protocol.UDP, sent, timeout, start, result, reply, ignored, error);
    }
}
