package org.dnstracer.net;

import java.time.Duration;
import java.util.List;
import org.xbill.DNS.Message;

/**
 * One try of an exchange, kept for the verbose dump and the JSON output.
 *
 * @param protocol how it was sent
 * @param sent the query exactly as sent (its ID, flags and OPT record)
 * @param timeout how long this try was allowed to wait
 * @param elapsed from sending to the result
 * @param result what became of it
 * @param received the accepted reply, or null
 * @param receivedSize size in octets of the accepted reply, or 0
 * @param ignored one line per datagram that was received and dropped (wrong ID, wrong question, QR=0, garbage)
 * @param error a short text for UNREACHABLE, MALFORMED and SEND_ERROR, or null
 */
public record Attempt(
        Protocol protocol,
        Message sent,
        Duration timeout,
        Duration elapsed,
        AttemptResult result,
        Message received,
        int receivedSize,
        List<String> ignored,
        String error) {
    public Attempt {
        ignored = List.copyOf(ignored);
    }

    /** An attempt that started at {@code startNanos} (System.nanoTime) and ends now. */
    static Attempt endingNow(Protocol protocol, Message sent, Duration timeout, long startNanos, AttemptResult result,
            Message received, int receivedSize, List<String> ignored, String error) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        return new Attempt(protocol, sent, timeout, elapsed, result, received, receivedSize, ignored, error);
    }
}
