package org.dnstracer.net;

import java.util.List;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;

/**
 * The whole conversation with one server about one question: every try, and the reply if one was accepted.
 *
 * @param server who was asked
 * @param qname the name asked for
 * @param qtype the type asked for
 * @param reply the accepted reply (after TCP fallback if it was truncated), or null when every try failed
 * @param attempts every try in the order made; never empty unless the exchange was skipped
 * @param skipped true when no packet was sent because the server is known dead (negative caching)
 */
public record Exchange(ServerAddress server, Name qname, int qtype, Message reply, List<Attempt> attempts, boolean skipped) {
    public Exchange {
        attempts = List.copyOf(attempts);
    }

    public boolean answered() {
        return reply != null;
    }

    /** The result of the last try: why the exchange failed when there is no reply. */
    public AttemptResult lastResult() {
        return attempts.isEmpty() ? AttemptResult.TIMEOUT : attempts.get(attempts.size() - 1).result();
    }

    /** True when the reply came over TCP after a truncated UDP reply. */
    public boolean fellBackToTcp() {
        return attempts.stream().anyMatch(a -> a.result() == AttemptResult.TRUNCATED);
    }

    public Protocol replyProtocol() {
        return attempts.isEmpty() ? Protocol.UDP : attempts.get(attempts.size() - 1).protocol();
    }
}
