package org.dnstracer.replay;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.dnstracer.net.Exchange;
import org.dnstracer.net.Protocol;
import org.dnstracer.net.ServerAddress;
import org.xbill.DNS.Name;

/**
 * One exchange of a run as the engine got it.
 *
 * @param phase the step of the run that asked
 * @param kind which transport method asked
 * @param probeProtocol for a probe, the protocol it was sent over; else null
 * @param probeQuery for a probe, the query as the caller built it (before the transport gave each try its own ID);
 *     else null
 * @param via the path of server addresses that led to the question (with {@code -c}, where one question is asked
 *     once per place in the tree); empty otherwise
 * @param exchange what happened, with every try's octets and timings
 * @param late true when the exchange ended only after its step of the run was over (the run did not wait for it:
 *     an eager query past the time limit, a pending one completed as a timeout when the transport closed). On replay
 *     it never completes, as it did not in time on the live run.
 */
public record RecordedExchange(Phase phase, Kind kind, Protocol probeProtocol, byte[] probeQuery,
        List<InetAddress> via, Exchange exchange, boolean late) {
    public RecordedExchange {
        via = List.copyOf(via);
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(exchange, "exchange");
        if ((kind == Kind.PROBE) != (probeQuery != null && probeProtocol != null)) {
            throw new IllegalArgumentException("a probe, and only a probe, has a protocol and a query");
        }
    }

    /** What a replay matches a question on. */
    Key key() {
        return key(phase, kind, exchange.server(), exchange.qname(), exchange.qtype(), via, probeProtocol,
                probeQuery);
    }

    static Key key(Phase phase, Kind kind, ServerAddress server, Name qname, int qtype, List<InetAddress> via,
            Protocol protocol, byte[] probeQuery) {
        return new Key(phase, kind, server, qname, qtype, List.copyOf(via), protocol,
                probeQuery == null ? null : shape(probeQuery));
    }

    /**
     * A probe's query without its ID: the caller gives each probe a random one (and the transport replaces it for
     * every try), so flags, question and OPT record are what tell two probes apart.
     */
    private static String shape(byte[] query) {
        byte[] copy = Arrays.copyOf(query, query.length);
        if (copy.length >= 2) {
            copy[0] = 0;
            copy[1] = 0;
        }
        return Base64.getEncoder().encodeToString(copy);
    }

    /** Names compare case-insensitively, as dnsjava's {@link Name#equals} does. */
    record Key(Phase phase, Kind kind, ServerAddress server, Name qname, int qtype, List<InetAddress> via,
            Protocol protocol, String shape) {}
}
