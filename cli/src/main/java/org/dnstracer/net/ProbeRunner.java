package org.dnstracer.net;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
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
    private final TrySockets sockets;
    private final UdpTry udp;
    private final TcpTry tcp;
    private final SecureRandom random = new SecureRandom();

    ProbeRunner(TransportOptions options, AdaptiveTimeouts timeouts, TrySockets sockets, TransportCounters counters) {
        this.options = options;
        this.timeouts = timeouts;
        this.sockets = sockets;
        this.udp = new UdpTry(sockets, counters);
        this.tcp = new TcpTry(sockets, counters);
    }

    Exchange run(ServerAddress server, Message template, Protocol protocol) {
        Record question = template.getQuestion();
        List<Attempt> attempts = new ArrayList<>();
        Message reply = null;
        for (int i = 0; i < options.tries() && !sockets.isClosed(); i++) {
            Message query = template.clone();
            query.getHeader().setID(random.nextInt(0x10000));
            Attempt attempt = protocol == Protocol.UDP
                    ? udp.run(server, query, timeouts.forTry(server, Protocol.UDP, i))
                    : tcp.run(server, query, timeouts.forTry(server, Protocol.TCP, i));
            attempts.add(attempt);
            AttemptResult result = attempt.result();
            if (result == AttemptResult.REPLY || result == AttemptResult.TRUNCATED) {
                reply = attempt.received();
                break;
            }
            if (result == AttemptResult.UNREACHABLE || result == AttemptResult.SEND_ERROR) {
                break;
            }
        }
        return new Exchange(server, question.getName(), question.getType(), reply, attempts, false);
    }
}
