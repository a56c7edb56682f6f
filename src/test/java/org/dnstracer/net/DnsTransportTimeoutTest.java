package org.dnstracer.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnstracer.net.TransportFixtures.answering;
import static org.dnstracer.net.TransportFixtures.ask;
import static org.dnstracer.net.TransportFixtures.quick;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DnsTransportTimeoutTest {
    @Test
    void silenceTimesOutAfterEveryTryWithDoublingWaitsCappedByTheMaximum() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(TransportFixtures.silent());
                Transport transport = Transport.create(quick().withTries(4)
                        .withInitialTimeout(Duration.ofMillis(60)).withMaxTimeout(Duration.ofMillis(200)))) {
            Exchange exchange = ask(transport, server.address());

            assertThat(exchange.answered()).isFalse();
            assertThat(exchange.lastResult()).isEqualTo(AttemptResult.TIMEOUT);
            assertThat(exchange.attempts()).extracting(Attempt::result).containsOnly(AttemptResult.TIMEOUT);
            assertThat(exchange.attempts()).extracting(Attempt::timeout).containsExactly(
                    Duration.ofMillis(60), Duration.ofMillis(120), Duration.ofMillis(200), Duration.ofMillis(200));
            assertThat(server.received()).hasSize(4);
            assertThat(transport.stats().timeouts()).isEqualTo(4);
        }
    }

    @Test
    void aLateReplyToAnEarlierTryIsIgnoredByTheNextTry() throws Exception {
        // the reply to try 1 arrives during try 2, on try 1's (closed) port: try 2 must not see it
        ScriptedServer.Script slowOnce = new ScriptedServer.Script() {
            private int count;

            @Override
            public java.util.List<ScriptedServer.Reply> respond(org.xbill.DNS.Message query, Protocol protocol) {
                ScriptedServer.Reply reply = ScriptedServer.Reply.of(Replies.answer(query));
                return java.util.List.of(count++ == 0 ? reply.after(Duration.ofMillis(120)) : reply);
            }
        };
        try (ScriptedServer server = ScriptedServer.start(slowOnce);
                Transport transport = Transport.create(quick().withTries(2)
                        .withInitialTimeout(Duration.ofMillis(80)).withMaxTimeout(Duration.ofMillis(300)))) {
            Exchange exchange = ask(transport, server.address());

            assertThat(exchange.attempts()).extracting(Attempt::result)
                    .containsExactly(AttemptResult.TIMEOUT, AttemptResult.REPLY);
            assertThat(exchange.reply().getHeader().getID())
                    .isEqualTo(exchange.attempts().get(1).sent().getHeader().getID());
        }
    }

    @Test
    void aClosedUdpPortIsUnreachableWithoutFurtherTries() throws Exception {
        try (ClosedPort closed = ClosedPort.open();
                Transport transport = Transport.create(quick().withTries(3)
                        .withInitialTimeout(Duration.ofSeconds(5)).withMaxTimeout(Duration.ofSeconds(5)))) {
            Exchange exchange = ask(transport, closed.address());

            assertThat(exchange.answered()).isFalse();
            assertThat(exchange.attempts()).singleElement().satisfies(a -> {
                assertThat(a.result()).isEqualTo(AttemptResult.UNREACHABLE);
                assertThat(a.protocol()).isEqualTo(Protocol.UDP);
            });
        }
    }

    @Test
    void aMeasuredServerGetsAFirstWaitFromItsRoundTripsInsteadOfTheConfiguredOne() throws Exception {
        Duration configured = Duration.ofSeconds(2);
        try (ScriptedServer server = ScriptedServer.start(answering());
                DnsTransport transport = new DnsTransport(TransportOptions.defaults()
                        .withInitialTimeout(configured).withMaxTimeout(Duration.ofSeconds(5)))) {
            assertThat(transport.nextInitialTimeout(server.address())).isEqualTo(configured);
            Exchange first = ask(transport, server.address());
            assertThat(first.attempts().get(0).timeout()).isEqualTo(configured);

            Duration learned = transport.nextInitialTimeout(server.address());
            Exchange second = ask(transport, server.address());

            assertThat(learned).isGreaterThanOrEqualTo(AdaptiveTimeouts.FLOOR).isLessThan(configured);
            assertThat(second.attempts().get(0).timeout()).isLessThan(configured);
        }
    }
}
