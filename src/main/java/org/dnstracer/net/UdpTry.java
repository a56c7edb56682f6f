package org.dnstracer.net;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
        List<String> ignored = new ArrayList<>();
        String mismatch = sockets.familyMismatch(server);
        if (mismatch != null) {
            return end(query, timeout, start, AttemptResult.SEND_ERROR, null, 0, ignored, mismatch);
        }
        DatagramSocket socket;
        try {
            socket = sockets.udp(server);
        } catch (IOException e) {
            return closedOr(query, timeout, start, AttemptResult.SEND_ERROR, ignored, e);
        } catch (RuntimeException e) {
            return end(query, timeout, start, AttemptResult.SEND_ERROR, null, 0, ignored, describe(e));
        }
        try {
            byte[] wire = query.toWire();
            try {
                socket.send(new DatagramPacket(wire, wire.length));
            } catch (PortUnreachableException e) {
                return end(query, timeout, start, AttemptResult.UNREACHABLE, null, 0, ignored, describe(e));
            } catch (IOException e) {
                return closedOr(query, timeout, start, AttemptResult.SEND_ERROR, ignored, e);
            }
            counters.sent(Protocol.UDP, wire.length);
            start = System.nanoTime();
            return listen(socket, query, timeout, start, ignored);
        } finally {
            sockets.release(socket);
        }
    }

    private Attempt listen(DatagramSocket socket, Message query, Duration timeout, long start, List<String> ignored) {
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
                return end(query, timeout, start, AttemptResult.UNREACHABLE, null, 0, ignored, describe(e));
            } catch (IOException e) {
                // on a connected socket other receive errors are ICMP too (host or network unreachable)
                return closedOr(query, timeout, start, AttemptResult.UNREACHABLE, ignored, e);
            }
            byte[] wire = Arrays.copyOf(packet.getData(), packet.getLength());
            counters.received(wire.length);
            ReplyMatcher.Verdict verdict = ReplyMatcher.judge(query, wire);
            if (verdict.accepted()) {
                counters.accepted();
                Message reply = verdict.reply();
                AttemptResult result =
                        reply.getHeader().getFlag(Flags.TC) ? AttemptResult.TRUNCATED : AttemptResult.REPLY;
                return end(query, timeout, start, result, reply, wire.length, ignored, null);
            }
            // keep listening: the genuine reply may still be on its way behind a spoofed or stale one
            counters.ignored();
            ignored.add(verdict.reason());
            garbage |= verdict.unparseable();
        }
        if (garbage) {
            return end(query, timeout, start, AttemptResult.MALFORMED, null, 0, ignored,
                    "nothing but unparseable replies arrived");
        }
        counters.timedOut();
        return end(query, timeout, start, AttemptResult.TIMEOUT, null, 0, ignored, null);
    }

    private Attempt closedOr(
            Message query, Duration timeout, long start, AttemptResult result, List<String> ignored, IOException e) {
        if (sockets.isClosed()) {
            return end(query, timeout, start, AttemptResult.TIMEOUT, null, 0, ignored, "transport closed");
        }
        return end(query, timeout, start, result, null, 0, ignored, describe(e));
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

    private static Attempt end(Message query, Duration timeout, long start, AttemptResult result, Message reply,
            int size, List<String> ignored, String error) {
        return Attempt.endingNow(Protocol.UDP, query, timeout, start, result, reply, size, ignored, error);
    }
}
