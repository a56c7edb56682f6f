package org.dnstracer.net;

import java.io.IOException;
import java.net.PortUnreachableException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.function.Supplier;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;

/**
 * One UDP try, whoever waits for it: its sockets, the queries sent, the datagrams dropped, the hedge if there is
 * one, and how the try ends. The blocking {@link UdpTry} and the {@link UdpMultiplexer} differ only in how they
 * wait; sending, hedging, deadlines, reading and judging replies, and the attempt written are all here, once. Not
 * thread-safe: one try is driven by one thread at a time.
 */
final class UdpTryProgress {
    /** The largest possible datagram: the buffer must never be what truncates a reply. */
    static final int RECEIVE_BUFFER = 65535;
    /** Datagrams read from one socket in one round: a flooding sender must not starve the other tries. */
    static final int READS_PER_ROUND = 64;

    final Message query;
    final byte[] sent;
    final Duration timeout;
    private final TrySockets sockets;
    private final TransportCounters counters;
    private final IgnoredDatagrams ignored = new IgnoredDatagrams();
    long start = System.nanoTime();
    private boolean garbage;
    private Message hedge;
    private long hedgeAfterNanos;
    /** The first query's socket, and the hedge's once it is sent; both connected to the server. */
    private DatagramChannel first;
    private DatagramChannel second;

    UdpTryProgress(Message query, Duration timeout, TrySockets sockets, TransportCounters counters) {
        this.query = query;
        this.sent = query.toWire();
        this.timeout = timeout;
        this.sockets = sockets;
        this.counters = counters;
    }

    /**
     * Opens the first socket (blocking or not) and sends the query from it; the try's clock starts when it went
     * out. The socket is released by {@link #release()}, whatever happens.
     *
     * @return null when the query went out, else the try's end (a send error, an unreachable server, a close)
     */
    Attempt send(ServerAddress server, boolean blocking) {
        String mismatch = sockets.familyMismatch(server);
        if (mismatch != null) {
            return end(AttemptResult.SEND_ERROR, null, mismatch);
        }
        try {
            first = sockets.udp(server);
            first.configureBlocking(blocking);
        } catch (IOException e) {
            return closedOr(AttemptResult.SEND_ERROR, e);
        } catch (RuntimeException e) {
            return end(AttemptResult.SEND_ERROR, null, UdpTry.describe(e));
        }
        try {
            // a blocking write never returns 0 for a datagram; a non-blocking one may, when the buffer is full
            if (first.write(ByteBuffer.wrap(sent)) == 0) {
                return end(AttemptResult.SEND_ERROR, null, "no room in the socket's send buffer");
            }
        } catch (PortUnreachableException e) {
            return end(AttemptResult.UNREACHABLE, null, UdpTry.describe(e));
        } catch (IOException e) {
            return closedOr(AttemptResult.SEND_ERROR, e);
        }
        counters.sent(Protocol.UDP, sent.length);
        start = System.nanoTime();
        return null;
    }

    /** Whether this try hedges: only when asked to, with a way to build the hedge, and before its end. */
    boolean hedges(Duration hedgeAfter, Supplier<Message> hedgeQuery) {
        return hedgeAfter != null && hedgeQuery != null && hedgeAfter.compareTo(timeout) < 0;
    }

    /** When the try ends without an acceptable reply (System.nanoTime), once {@link #send} has sent it. */
    long deadline() {
        return start + timeout.toNanos();
    }

    /** When the hedge is due (System.nanoTime), once {@link #send} has sent the first query. */
    long hedgeAt(Duration hedgeAfter) {
        return start + hedgeAfter.toNanos();
    }

    /**
     * Sends the hedge (the same question under a new ID) from a second, non-blocking socket. The hedge is a
     * shortcut, not a necessity: when none is to be had (the server's pace) or it cannot go out, the try goes on as
     * an ordinary one.
     *
     * @return whether the hedge went out
     */
    boolean sendHedge(ServerAddress server, Supplier<Message> hedgeQuery) {
        long at = System.nanoTime();
        Message hedgeMessage = hedgeQuery.get();
        if (hedgeMessage == null) {
            return false;
        }
        byte[] wire = hedgeMessage.toWire();
        DatagramChannel channel = null;
        try {
            channel = sockets.udp(server);
            channel.configureBlocking(false);
            if (channel.write(ByteBuffer.wrap(wire)) == 0) {
                throw new IOException("no room in the socket's send buffer");
            }
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                sockets.release(channel);
            }
            return false;
        }
        second = channel;
        counters.sent(Protocol.UDP, wire.length);
        this.hedge = hedgeMessage;
        this.hedgeAfterNanos = at - start;
        return true;
    }

    /** The first query's socket (null until {@link #send} opened it). */
    DatagramChannel first() {
        return first;
    }

    /** The hedge's socket (null unless {@link #sendHedge} sent it). */
    DatagramChannel second() {
        return second;
    }

    /**
     * Reads what has arrived on a non-blocking socket of the try, at most {@value #READS_PER_ROUND} datagrams.
     *
     * @param buffer at least {@value #RECEIVE_BUFFER} octets
     * @return the try's end (an accepted reply, an unreachable server), or null to go on listening
     */
    Attempt drain(boolean fromHedge, ByteBuffer buffer) {
        DatagramChannel channel = fromHedge ? second : first;
        for (int i = 0; i < READS_PER_ROUND; i++) {
            buffer.clear();
            SocketAddress from;
            try {
                from = channel.receive(buffer);
            } catch (PortUnreachableException e) {
                return end(AttemptResult.UNREACHABLE, null, UdpTry.describe(e));
            } catch (IOException e) {
                // on a connected socket other receive errors are ICMP too (host or network unreachable)
                return closedOr(AttemptResult.UNREACHABLE, e);
            }
            if (from == null) {
                return null;
            }
            buffer.flip();
            byte[] wire = new byte[buffer.remaining()];
            buffer.get(wire);
            Attempt accepted = judge(wire, fromHedge);
            if (accepted != null) {
                return accepted;
            }
        }
        return null;
    }

    /** Closes the try's sockets; once it has ended. */
    void release() {
        if (first != null) {
            sockets.release(first);
        }
        if (second != null) {
            sockets.release(second);
        }
    }

    /** The try's end when {@code wire} is an acceptable reply to the query of its socket, else null. */
    Attempt judge(byte[] wire, boolean fromHedge) {
        counters.received(wire.length);
        ReplyMatcher.Verdict verdict = ReplyMatcher.judge(fromHedge ? hedge : query, wire);
        if (verdict.accepted()) {
            counters.accepted();
            AttemptResult result = verdict.reply().getHeader().getFlag(Flags.TC)
                    ? AttemptResult.TRUNCATED
                    : AttemptResult.REPLY;
            return end(result, wire, null, fromHedge);
        }
        // keep listening: the genuine reply may still be on its way behind a spoofed or stale one
        counters.ignored();
        ignored.add(verdict.reason());
        garbage |= verdict.unparseable();
        return null;
    }

    Attempt nothingAccepted() {
        if (garbage) {
            return end(AttemptResult.MALFORMED, null, "nothing but unparseable replies arrived");
        }
        counters.timedOut();
        return end(AttemptResult.TIMEOUT, null, null);
    }

    Attempt closedOr(AttemptResult result, IOException e) {
        if (sockets.isClosed()) {
            return closed();
        }
        return end(result, null, UdpTry.describe(e));
    }

    /** The end of a try cut short by the transport's close. */
    Attempt closed() {
        return end(AttemptResult.TIMEOUT, null, "transport closed");
    }

    Attempt end(AttemptResult result, byte[] reply, String error) {
        return end(result, reply, error, false);
    }

    Attempt end(AttemptResult result, byte[] reply, String error, boolean fromHedge) {
        Attempt attempt = Attempt.endingNow(Protocol.UDP, sent, timeout, start, result, reply, ignored, error);
        if (hedge == null) {
            return attempt;
        }
        return attempt.withHedge(new Hedge(Duration.ofNanos(hedgeAfterNanos), hedge.getHeader().getID(), fromHedge));
    }
}
