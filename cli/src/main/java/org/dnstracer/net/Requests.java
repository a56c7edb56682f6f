package org.dnstracer.net;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;

/**
 * What both transports build alike over their own {@link Tries}: the checks at the door, the policy of an exchange
 * ({@link ExchangeRunner}) and of a probe ({@link ProbeRunner}), and what each request becomes if it never starts.
 */
final class Requests {
    private final ExchangeRunner runner;
    private final ProbeRunner probes;

    Requests(TransportOptions options, AdaptiveTimeouts timeouts, Tries tries) {
        QueryBuilder queries = new QueryBuilder(options.ednsPayloadSize(), options.dnssecOk());
        this.runner = new ExchangeRunner(options, timeouts, queries, tries);
        this.probes = new ProbeRunner(options, timeouts, tries);
    }

    /** The adaptive waits of a transport, from its options and its shortest wait (raised by whole-trace tests). */
    static AdaptiveTimeouts timeouts(TransportOptions options, Duration timeoutFloor) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(timeoutFloor, "timeoutFloor");
        return AdaptiveTimeouts.from(options, timeoutFloor);
    }

    /** A question (RD=0, or RD=1 when {@code recursive}); a caller's mistake in it throws here, before queueing. */
    Request question(ServerAddress server, Name qname, int qtype, boolean recursive) {
        RequestChecks.question(server, qname, qtype);
        return new Request(() -> runner.run(server, qname, qtype, recursive),
                () -> new Exchange(server, qname, qtype, null, List.of(runner.notSent(qname, qtype)), false));
    }

    /** A probe sent exactly as built (a copy: the caller may change its message afterwards). */
    Request probe(ServerAddress server, Message query, Protocol protocol) {
        RequestChecks.probe(server, query, protocol);
        Message copy = query.clone();
        return new Request(() -> probes.run(server, copy, protocol), () -> new Exchange(server,
                copy.getQuestion().getName(), copy.getQuestion().getType(), null, List.of(), false));
    }
}
