package org.dnstracer.net;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/** Shared set-up for tests that run a real transport against a {@link ScriptedServer}. */
final class TransportFixtures {
    /** The two transports, for a behaviour both must have: {@code @EnumSource(Kind.class)}. */
    enum Kind {
        BLOCKING,
        MULTIPLEXED;

        Transport open(TransportOptions options) {
            return this == BLOCKING ? new DnsTransport(options) : new MultiplexedTransport(options, 8);
        }

        /** Sockets the transport still holds for tries under way. */
        static int openSockets(Transport transport) {
            return transport instanceof DnsTransport blocking
                    ? blocking.openSockets()
                    : ((MultiplexedTransport) transport).openSockets();
        }
    }

    static final Name QNAME = Replies.name("www.example.com.");

    private TransportFixtures() {}

    /** Short waits so that silence costs little test time. */
    static TransportOptions quick() {
        return TransportOptions.defaults()
                .withTries(2)
                .withInitialTimeout(Duration.ofMillis(150))
                .withMaxTimeout(Duration.ofMillis(300));
    }

    /** How long every try of a {@link #patient} transport waits: only a hung exchange misses a reply. */
    static final Duration PATIENT = Duration.ofSeconds(10);

    /**
     * For servers that answer: every try waits {@link #PATIENT}, however fast the server answered before (the 50 ms
     * floor of the adaptive timeouts is raised too), so that no outcome depends on how busy the machine is.
     */
    static DnsTransport patient(TransportOptions options) {
        return patient(options, PATIENT);
    }

    /** As {@link #patient(TransportOptions)}, with another wait: for a test that also waits out a silence. */
    static DnsTransport patient(TransportOptions options, Duration wait) {
        return new DnsTransport(options.withInitialTimeout(wait).withMaxTimeout(wait), wait);
    }

    static Exchange ask(Transport transport, ServerAddress server) throws Exception {
        return ask(transport, server, QNAME, Type.A);
    }

    static Exchange ask(Transport transport, ServerAddress server, Name qname, int qtype) throws Exception {
        // generous bound: a hung future should fail the test, not the build
        return transport.exchange(server, qname, qtype).get(20, TimeUnit.SECONDS);
    }

    static ScriptedServer.Script answering() {
        return (query, protocol) -> Replies.one(Replies.answer(query));
    }

    static ScriptedServer.Script silent() {
        return (query, protocol) -> List.of();
    }

    static int id(Message m) {
        return m.getHeader().getID();
    }
}
