package org.dnstracer.net;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;

/**
 * Sends a probe exactly as built by the caller (its flags, its OPT record or none), over one protocol, with the
 * run's tries and timeouts but none of the exchange policy: no TCP after TC=1 and no retry without EDNS, because
 * the probe asks precisely how the server copes without them.
 */
final class ProbeRunner {
    private final TransportOptions options;
    private final AdaptiveTimeouts timeouts;
    private final Tries tries;
    /** Made at the first probe: a run without --check should not pay for seeding it at start-up. */
    private SecureRandom random;

    ProbeRunner(TransportOptions options, AdaptiveTimeouts timeouts, Tries tries) {
        this.options = options;
        this.timeouts = timeouts;
        this.tries = tries;
    }

    private synchronized SecureRandom random() {
        if (random == null) {
            random = new SecureRandom();
        }
        return random;
    }

    CompletableFuture<Exchange> run(ServerAddress server, Message template, Protocol protocol) {
        Record question = template.getQuestion();
        List<Attempt> attempts = new ArrayList<>();
        return tryFrom(0, server, template, protocol, attempts).thenApply(reply ->
                new Exchange(server, question.getName(), question.getType(), reply, attempts, false));
    }

    /** Try {@code i} and the ones after it until one settles the probe: the reply, or null for none. */
    private CompletableFuture<Message> tryFrom(int i, ServerAddress server, Message template, Protocol protocol,
            List<Attempt> attempts) {
        if (i >= options.tries() || tries.isClosed()) {
            return CompletableFuture.completedFuture(null);
        }
        Message query = template.clone();
        query.getHeader().setID(random().nextInt(0x10000));
        CompletableFuture<Attempt> sent = protocol == Protocol.UDP
                ? tries.udp(server, query, timeouts.forTry(server, Protocol.UDP, i), null, null)
                : tries.tcp(server, query, timeouts.forTry(server, Protocol.TCP, i));
        return sent.thenCompose(attempt -> {
            attempts.add(attempt);
            AttemptResult result = attempt.result();
            if (result == AttemptResult.REPLY || result == AttemptResult.TRUNCATED) {
                return CompletableFuture.completedFuture(attempt.received());
            }
            if (result == AttemptResult.UNREACHABLE || result == AttemptResult.SEND_ERROR) {
                return CompletableFuture.completedFuture(null);
            }
            return tryFrom(i + 1, server, template, protocol, attempts);
        });
    }
}
