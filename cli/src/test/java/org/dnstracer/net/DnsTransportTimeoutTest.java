package org.dnstracer.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnstracer.net.TransportFixtures.answering;
import static org.dnstracer.net.TransportFixtures.ask;
import static org.dnstracer.net.TransportFixtures.id;
import static org.dnstracer.net.TransportFixtures.quick;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dnstracer.net.ScriptedServer.Reply;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;

class DnsTransportTimeoutTest {
    @Test
    void silenceTimesOutAfterEveryTryWithDoublingWaitsCappedByTheMaximumTheLastWithoutEdns() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(TransportFixtures.silent());
                Transport transport = Transport.create(quick().withTries(4)
                        .withInitialTimeout(Duration.ofMillis(60)).withMaxTimeout(Duration.ofMillis(200)))) {
            Exchange exchange = ask(transport, server.address());

            assertThat(exchange.answered()).isFalse();
            assertThat(exchange.lastResult()).isEqualTo(AttemptResult.TIMEOUT);
            assertThat(exchange.attempts()).extracting(Attempt::result).containsOnly(AttemptResult.TIMEOUT);
            assertThat(exchange.attempts()).extracting(Attempt::timeout).containsExactly(
                    Duration.ofMillis(60), Duration.ofMillis(120), Duration.ofMillis(200), Duration.ofMillis(200));
            // -r 4 is four queries; the last goes without EDNS, to tell a dropping middlebox from a dead server
            assertThat(exchange.attempts()).extracting(a -> a.sent().getOPT() != null)
                    .containsExactly(true, true, true, false);
            assertThat(exchange.ednsFallback()).isEqualTo(EdnsFallback.NONE);
            assertThat(server.received()).hasSize(4);
            assertThat(transport.stats().timeouts()).isEqualTo(4);
        }
    }

    @Test
    void aLateReplyToAnEarlierTryIsIgnoredByTheNextTry() throws Exception {
        // try 1 hears nothing; when try 2's query arrives the server sends the reply to try 1's query first, then
        // the one to try 2's, both to where try 2 asked from: try 2 must skip the stale one and take its own
        List<Message> asked = new CopyOnWriteArrayList<>();
        ScriptedServer.Script lateForTheFirst = (query, protocol) -> {
            asked.add(query);
            return asked.size() == 1 ? List.of()
                    : List.of(Reply.of(Replies.answer(asked.get(0))), Reply.of(Replies.answer(query)));
        };
        try (ScriptedServer server = ScriptedServer.start(lateForTheFirst);
                Transport transport = Transport.create(quick().withTries(2)
                        .withInitialTimeout(Duration.ofSeconds(1)).withMaxTimeout(Duration.ofSeconds(10)))) {
            Exchange exchange = ask(transport, server.address());

            assertThat(exchange.attempts()).extracting(Attempt::result)
                    .containsExactly(AttemptResult.TIMEOUT, AttemptResult.REPLY);
            int first = id(exchange.attempts().get(0).sent());
            int second = id(exchange.attempts().get(1).sent());
            assertThat(id(exchange.reply())).isEqualTo(second);
            // the one time in 65536 that both tries drew the same ID the two replies cannot be told apart
            assertThat(exchange.attempts().get(1).ignored()).isEqualTo(first == second ? List.of()
                    : List.of(String.format("ignored reply with ID 0x%04x, expected 0x%04x", first, second)));
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
        Duration cap = Duration.ofSeconds(5);
        try (ScriptedServer server = ScriptedServer.start(answering());
                DnsTransport transport = new DnsTransport(TransportOptions.defaults()
                        .withInitialTimeout(configured).withMaxTimeout(cap))) {
            assertThat(transport.nextInitialTimeout(server.address())).isEqualTo(configured);
            long before = System.nanoTime();
            Attempt measured = ask(transport, server.address()).attempts().get(0);
            long outside = System.nanoTime() - before;
            assertThat(measured.timeout()).isEqualTo(configured);
            assertThat(measured.result()).isEqualTo(AttemptResult.REPLY);
            // bounds that hold on any machine: the try took time, and no more than the whole exchange around it
            assertThat(measured.elapsed()).isPositive().isLessThanOrEqualTo(Duration.ofNanos(outside));

            // whatever round trip this machine measured, the next wait is what the estimator makes of it
            AdaptiveTimeouts expected = new AdaptiveTimeouts(configured, cap);
            expected.sample(server.address(), measured.elapsed());
            Duration learned = transport.nextInitialTimeout(server.address());
            assertThat(learned).isEqualTo(expected.initialFor(server.address()));
            Exchange second = ask(transport, server.address());
            assertThat(second.attempts().get(0).timeout()).isEqualTo(learned);
        }
    }

    @Test
    void aTruncatedUdpReplyIsARoundTripSampleButTheTcpRetryIsNot() throws Exception {
        ScriptedServer.Script truncating = (query, protocol) ->
                Replies.one(protocol == Protocol.UDP ? Replies.truncated(query) : Replies.answer(query));
        Duration configured = Duration.ofSeconds(2);
        Duration cap = Duration.ofSeconds(5);
        try (ScriptedServer server = ScriptedServer.start(truncating);
                DnsTransport transport = new DnsTransport(TransportOptions.defaults()
                        .withInitialTimeout(configured).withMaxTimeout(cap))) {
            Exchange exchange = ask(transport, server.address());
            assertThat(exchange.attempts()).extracting(Attempt::result)
                    .containsExactly(AttemptResult.TRUNCATED, AttemptResult.REPLY);

            // the TCP time includes a handshake: only the UDP round trip may shape the next UDP wait
            AdaptiveTimeouts expected = new AdaptiveTimeouts(configured, cap);
            expected.sample(server.address(), exchange.attempts().get(0).elapsed());
            assertThat(transport.nextInitialTimeout(server.address())).isEqualTo(expected.initialFor(server.address()));
        }
    }
}
