package org.dnstracer.net;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;

/**
 * The whole conversation with one server about one question: every try, and the reply if one was accepted.
 *
 * <p>The reply is kept as wire octets (shared with the try that received it) and parsed on each call of
 * {@link #reply()}; see {@link Attempt} for why.
 */
public final class Exchange {
    private final ServerAddress server;
    private final Name qname;
    private final int qtype;
    private final byte[] reply;
    private final int replyIndex;
    private final List<Attempt> attempts;
    private final boolean skipped;
    private final String tcpFailure;
    private final EdnsFallback ednsFallback;

    /**
     * An exchange whose reply (if any) is the one carried by one of its attempts, or a given message.
     *
     * @param server who was asked
     * @param qname the name asked for
     * @param qtype the type asked for
     * @param reply the accepted reply, or null when every try failed
     * @param attempts every try in the order made; never empty unless the exchange was skipped
     * @param skipped true when no packet was sent because the server is known dead (negative caching)
     */
    public Exchange(ServerAddress server, Name qname, int qtype, Message reply, List<Attempt> attempts, boolean skipped) {
        this(server, qname, qtype, reply == null ? null : reply.toWire(), List.copyOf(attempts), skipped, null,
                EdnsFallback.NONE);
    }

    private Exchange(ServerAddress server, Name qname, int qtype, byte[] reply, List<Attempt> attempts,
            boolean skipped, String tcpFailure, EdnsFallback ednsFallback) {
        this(server, qname, qtype, reply, indexOf(reply, attempts), attempts, skipped, tcpFailure, ednsFallback);
    }

    private Exchange(ServerAddress server, Name qname, int qtype, byte[] reply, int replyIndex, List<Attempt> attempts,
            boolean skipped, String tcpFailure, EdnsFallback ednsFallback) {
        this.server = server;
        this.qname = qname;
        this.qtype = qtype;
        this.attempts = attempts;
        this.replyIndex = replyIndex;
        // the try's own octets when it carries the reply: one copy in memory, not two
        this.reply = replyIndex >= 0 ? attempts.get(replyIndex).receivedWire() : reply;
        this.skipped = skipped;
        this.tcpFailure = tcpFailure;
        this.ednsFallback = Objects.requireNonNull(ednsFallback, "ednsFallback");
    }

    /**
     * The exchange the transport made: its reply is the one received by {@code attempts.get(replyIndex)}.
     *
     * @param replyIndex the try that carries the reply, or -1 for none
     * @param tcpFailure why the TCP retry after a truncated reply failed (the truncated reply is then the
     *     reply), or null
     */
    static Exchange made(ServerAddress server, Name qname, int qtype, List<Attempt> attempts, int replyIndex,
            String tcpFailure, EdnsFallback ednsFallback) {
        List<Attempt> copy = List.copyOf(attempts);
        byte[] wire = replyIndex < 0 ? null : copy.get(replyIndex).receivedWire();
        return new Exchange(server, qname, qtype, wire, replyIndex, copy, false, tcpFailure, ednsFallback);
    }

    /**
     * An exchange exactly as it was kept, from its parts: for a saved trace read back ({@code --replay}).
     *
     * @param replyIndex the try that carries the reply, or -1
     * @param reply the reply's octets when no try carries it (a reply given as a message), else ignored; null for
     *     none
     */
    public static Exchange restored(ServerAddress server, Name qname, int qtype, List<Attempt> attempts, int replyIndex,
            byte[] reply, boolean skipped, String tcpFailure, EdnsFallback ednsFallback) {
        List<Attempt> copy = List.copyOf(attempts);
        if (replyIndex >= copy.size() || replyIndex >= 0 && copy.get(replyIndex).receivedWire() == null) {
            throw new IllegalArgumentException("reply index " + replyIndex + " names no try with a reply");
        }
        return new Exchange(server, qname, qtype, replyIndex >= 0 ? null : reply, replyIndex, copy, skipped,
                tcpFailure, ednsFallback);
    }

    private static int indexOf(byte[] reply, List<Attempt> attempts) {
        if (reply == null) {
            return -1;
        }
        for (int i = attempts.size() - 1; i >= 0; i--) {
            byte[] candidate = attempts.get(i).receivedWire();
            if (candidate == reply || Arrays.equals(candidate, reply)) {
                return i;
            }
        }
        return -1;
    }

    public ServerAddress server() {
        return server;
    }

    public Name qname() {
        return qname;
    }

    public int qtype() {
        return qtype;
    }

    /** The accepted reply (after TCP fallback if it was truncated and TCP answered), parsed anew; or null. */
    public Message reply() {
        return reply == null ? null : Attempt.parse(reply);
    }

    /** Index in {@link #attempts()} of the try that carries the reply, or -1 (no reply, or one given as a message). */
    public int replyIndex() {
        return replyIndex;
    }

    /** A copy of the accepted reply's octets (those of its try when a try carries it), or null. */
    public byte[] replyOctets() {
        return reply == null ? null : reply.clone();
    }

    /** Every try in the order made; never empty unless the exchange was skipped. */
    public List<Attempt> attempts() {
        return attempts;
    }

    /** True when no packet was sent because the server is known dead (negative caching). */
    public boolean skipped() {
        return skipped;
    }

    public boolean answered() {
        return reply != null;
    }

    /** The try that received the reply, or null when there is none (or it was given without its try). */
    public Attempt replyAttempt() {
        return replyIndex < 0 ? null : attempts.get(replyIndex);
    }

    /** The result of the last try: why the exchange failed when there is no reply. */
    public AttemptResult lastResult() {
        return attempts.isEmpty() ? AttemptResult.TIMEOUT : attempts.get(attempts.size() - 1).result();
    }

    /** True when a UDP reply had TC=1, whatever became of the TCP retry. */
    public boolean truncated() {
        return attempts.stream().anyMatch(a -> a.result() == AttemptResult.TRUNCATED);
    }

    /** True when the reply came over TCP after a truncated UDP reply. */
    public boolean fellBackToTcp() {
        return truncated() && tcpFailure == null && answered() && replyProtocol() == Protocol.TCP;
    }

    /**
     * Why TCP failed after a truncated UDP reply ({@code connection refused}, {@code timeout}, ...), or null. When
     * set, the reply is the truncated UDP reply: it is all the server would say.
     */
    public String tcpFailure() {
        return tcpFailure;
    }

    /** Whether EDNS had to be given up to get the reply. */
    public EdnsFallback ednsFallback() {
        return ednsFallback;
    }

    /** True when the server (or a middlebox) stayed silent to EDNS queries and answered one without. */
    public boolean ednsDropped() {
        return ednsFallback == EdnsFallback.DROPPED;
    }

    /** How the reply travelled; the last try's protocol when there is no reply. */
    public Protocol replyProtocol() {
        if (replyIndex >= 0) {
            return attempts.get(replyIndex).protocol();
        }
        return attempts.isEmpty() ? Protocol.UDP : attempts.get(attempts.size() - 1).protocol();
    }

    @Override
    public String toString() {
        return "Exchange[" + server + " " + qname + "/" + qtype + (skipped ? " skipped" : "") + ", "
                + attempts.size() + " tries" + (reply == null ? ", no reply" : ", reply over " + replyProtocol())
                + (tcpFailure == null ? "" : ", TCP failed: " + tcpFailure)
                + (ednsFallback == EdnsFallback.NONE ? "" : ", EDNS " + ednsFallback) + "]";
    }
}
