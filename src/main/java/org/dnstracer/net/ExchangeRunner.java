package org.dnstracer.net;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;

/**
 * The policy of one exchange: tries with doubling waits, TCP after a truncated reply, and one round without EDNS
 * for servers that reject it.
 */
final class ExchangeRunner {
    private final TransportOptions options;
    private final AdaptiveTimeouts timeouts;
    private final QueryBuilder queries;
    private final TrySockets sockets;
    private final UdpTry udp;
    private final TcpTry tcp;

    ExchangeRunner(
            TransportOptions options,
            AdaptiveTimeouts timeouts,
            QueryBuilder queries,
            TrySockets sockets,
            TransportCounters counters) {
        this.options = options;
        this.timeouts = timeouts;
        this.queries = queries;
        this.sockets = sockets;
        this.udp = new UdpTry(sockets, counters);
        this.tcp = new TcpTry(sockets, counters);
    }

    Exchange run(ServerAddress server, Name qname, int qtype) {
        List<Attempt> attempts = new ArrayList<>();
        Message reply = tries(firstProtocol(), server, qname, qtype, options.edns(), attempts);
        if (reply != null && options.edns() && rejectsEdns(reply)) {
            Message plain = tries(firstProtocol(), server, qname, qtype, false, attempts);
            if (plain != null) {
                reply = plain;
            }
        }
        if (attempts.isEmpty()) {
            // the transport closed before the first try: still say what was asked, as close() promises
            attempts.add(notSent(qname, qtype));
        }
        return new Exchange(server, qname, qtype, reply, attempts, false);
    }

    /** The one attempt of an exchange that never went out because the transport closed first. */
    Attempt notSent(Name qname, int qtype) {
        return new Attempt(firstProtocol(), queries.build(qname, qtype, options.edns()), Duration.ZERO,
                Duration.ZERO, AttemptResult.TIMEOUT, null, 0, List.of(), "transport closed before the query was sent");
    }

    /** RFC 6891 §7: a server that does not know EDNS answers FORMERR (or NOTIMP) without an OPT record. */
    static boolean rejectsEdns(Message reply) {
        int rcode = reply.getRcode();
        return reply.getOPT() == null && (rcode == Rcode.FORMERR || rcode == Rcode.NOTIMP || rcode == Rcode.BADVERS);
    }

    private Protocol firstProtocol() {
        return options.tcpOnly() ? Protocol.TCP : Protocol.UDP;
    }

    private Message tries(
            Protocol protocol, ServerAddress server, Name qname, int qtype, boolean edns, List<Attempt> attempts) {
        for (int i = 0; i < options.tries() && !sockets.isClosed(); i++) {
            Message query = queries.build(qname, qtype, edns);
            Attempt attempt = protocol == Protocol.UDP
                    ? udp.run(server, query, timeouts.forTry(server, Protocol.UDP, i))
                    : tcp.run(server, query, timeouts.forTry(server, Protocol.TCP, i));
            attempts.add(attempt);
            switch (attempt.result()) {
                case REPLY:
                    sampleRtt(server, attempt);
                    return attempt.received();
                case TRUNCATED:
                    sampleRtt(server, attempt);
                    return tries(Protocol.TCP, server, qname, qtype, edns, attempts);
                case UNREACHABLE:
                case SEND_ERROR:
                    // nobody listens, or we cannot send at all: asking again within seconds changes nothing
                    return null;
                case TIMEOUT:
                case MALFORMED:
                default:
                    break;
            }
        }
        return null;
    }

    private void sampleRtt(ServerAddress server, Attempt attempt) {
        // TCP times include the handshake and would inflate the UDP estimate
        if (attempt.protocol() == Protocol.UDP) {
            timeouts.sample(server, attempt.elapsed());
        }
    }
}
