package org.dnstracer.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.xbill.DNS.Message;

/**
 * One try of an exchange, kept for the verbose dump and the JSON output.
 *
 * <p>Every try of a run is kept until the run is rendered, so the query and the reply are held as their wire
 * octets and parsed again on each call of {@link #sent()} and {@link #received()}: a parsed dnsjava
 * {@link Message} takes about seven times its wire size on the heap (6 KB against 850 octets for a referral with
 * 13 name servers and their glue), and a run may make thousands of tries. Each call returns a new message.
 */
public final class Attempt {
    private final Protocol protocol;
    private final byte[] sent;
    private final Duration timeout;
    private final Duration elapsed;
    private final AttemptResult result;
    private final byte[] received;
    private final List<String> ignored;
    private final int ignoredCount;
    private final String error;
    private final Hedge hedge;

    /**
     * @param protocol how it was sent
     * @param sent the query exactly as sent (its ID, flags and OPT record)
     * @param timeout how long this try was allowed to wait
     * @param elapsed from sending to the result
     * @param result what became of it
     * @param received the accepted reply, or null
     * @param receivedSize size in octets of the accepted reply, or 0 (the size of the stored wire form wins)
     * @param ignored one line per datagram that was received and dropped (wrong ID, wrong question, QR=0, garbage)
     * @param error a short text for UNREACHABLE, MALFORMED and SEND_ERROR, or null
     */
    public Attempt(Protocol protocol, Message sent, Duration timeout, Duration elapsed, AttemptResult result,
            Message received, int receivedSize, List<String> ignored, String error) {
        this(protocol, sent.toWire(), timeout, elapsed, result, received == null ? null : received.toWire(),
                List.copyOf(ignored.subList(0, Math.min(ignored.size(), IgnoredDatagrams.KEPT))), ignored.size(),
                error, null);
    }

    private Attempt(Protocol protocol, byte[] sent, Duration timeout, Duration elapsed, AttemptResult result,
            byte[] received, List<String> ignored, int ignoredCount, String error, Hedge hedge) {
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.sent = Objects.requireNonNull(sent, "sent");
        this.timeout = timeout;
        this.elapsed = elapsed;
        this.result = Objects.requireNonNull(result, "result");
        this.received = received;
        this.ignored = List.copyOf(ignored);
        this.ignoredCount = Math.max(ignoredCount, this.ignored.size());
        this.error = error;
        this.hedge = hedge;
    }

    /** An attempt that started at {@code startNanos} (System.nanoTime) and ends now; wire octets are kept as given. */
    static Attempt endingNow(Protocol protocol, byte[] sent, Duration timeout, long startNanos, AttemptResult result,
            byte[] received, IgnoredDatagrams ignored, String error) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        return new Attempt(protocol, sent, timeout, elapsed, result, received, ignored.reasons(), ignored.count(),
                error, null);
    }

    /** A try that never went out: the transport closed (or was closing) before it could be sent. */
    static Attempt notSent(Protocol protocol, Message query) {
        return new Attempt(protocol, query, Duration.ZERO, Duration.ZERO, AttemptResult.TIMEOUT, null, 0, List.of(),
                "transport closed before the query was sent");
    }

    /**
     * A try exactly as it was kept, from its parts: for a saved trace read back ({@code --replay}). The octets are
     * used as given (not copied); the caller must have checked that they parse.
     */
    public static Attempt restored(Protocol protocol, byte[] sent, Duration timeout, Duration elapsed,
            AttemptResult result, byte[] received, List<String> ignored, int ignoredCount, String error, Hedge hedge) {
        return new Attempt(protocol, sent, timeout, elapsed, result, received, ignored, ignoredCount, error, hedge);
    }

    /** This attempt, recording that it sent {@code hedge} too (null for none). */
    public Attempt withHedge(Hedge hedge) {
        return new Attempt(protocol, sent, timeout, elapsed, result, received, ignored, ignoredCount, error, hedge);
    }

    public Protocol protocol() {
        return protocol;
    }

    /** The query as sent, parsed anew. */
    public Message sent() {
        return parse(sent);
    }

    public Duration timeout() {
        return timeout;
    }

    public Duration elapsed() {
        return elapsed;
    }

    public AttemptResult result() {
        return result;
    }

    /** The accepted reply, parsed anew, or null. */
    public Message received() {
        return received == null ? null : parse(received);
    }

    /** Size in octets of the accepted reply, or 0. */
    public int receivedSize() {
        return received == null ? 0 : received.length;
    }

    /** The reasons of the first {@value IgnoredDatagrams#KEPT} dropped datagrams; {@link #ignoredCount()} has all. */
    public List<String> ignored() {
        return ignored;
    }

    /** How many datagrams (or TCP replies) this try dropped, including those whose reason was not kept. */
    public int ignoredCount() {
        return ignoredCount;
    }

    /** A short text for UNREACHABLE, MALFORMED and SEND_ERROR (and some timeouts), or null. */
    public String error() {
        return error;
    }

    /** The second copy of the query this try sent while the first stayed unanswered, or null when it sent none. */
    public Hedge hedge() {
        return hedge;
    }

    public boolean hedged() {
        return hedge != null;
    }

    /** The queries this try sent: two when it was hedged, else one; each is one of {@code -r}'s tries. */
    public int queries() {
        return hedge != null ? 2 : 1;
    }

    /**
     * The round trip of the query that was answered: from the hedge's sending when the hedge won, else from the
     * first query's. Each copy has its own ID, so the reply says which one it answers and the sample is exact.
     */
    public Duration roundTrip() {
        return hedge != null && hedge.answered() ? elapsed.minus(hedge.after()) : elapsed;
    }

    /** A copy of the query's octets exactly as sent (for {@code --save}). */
    public byte[] sentOctets() {
        return sent.clone();
    }

    /** A copy of the accepted reply's octets exactly as received, or null (for {@code --save}). */
    public byte[] receivedOctets() {
        return received == null ? null : received.clone();
    }

    /** The reply's wire form, shared with the exchange that keeps it; never handed out. */
    byte[] receivedWire() {
        return received;
    }

    static Message parse(byte[] wire) {
        try {
            return new Message(wire);
        } catch (IOException e) {
            // only octets that parsed once are stored, so this cannot happen
            throw new UncheckedIOException("stored DNS message no longer parses", e);
        }
    }

    @Override
    public String toString() {
        return "Attempt[" + protocol + " " + result + (received == null ? "" : ", " + received.length + " octets")
                + (ignoredCount == 0 ? "" : ", " + ignoredCount + " ignored") + (error == null ? "" : ", " + error)
                + (hedge == null ? "" : ", hedged" + (hedge.answered() ? " (hedge answered)" : "")) + "]";
    }
}
