package org.dnstracer.net;

import java.io.IOException;
import java.time.Duration;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;

/**
 * What one UDP try has seen so far: the queries sent, the datagrams dropped, and the hedge if there is one; and how
 * the try ends. Shared by the blocking {@link UdpTry} and the {@link UdpMultiplexer}, so that both judge replies and
 * write their attempts the same way. Not thread-safe: one try is driven by one thread at a time.
 */
final class UdpTryProgress {
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

    UdpTryProgress(Message query, Duration timeout, TrySockets sockets, TransportCounters counters) {
        this.query = query;
        this.sent = query.toWire();
        this.timeout = timeout;
        this.sockets = sockets;
        this.counters = counters;
    }

    void hedged(Message hedgeQuery, long afterNanos) {
        this.hedge = hedgeQuery;
        this.hedgeAfterNanos = afterNanos;
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
