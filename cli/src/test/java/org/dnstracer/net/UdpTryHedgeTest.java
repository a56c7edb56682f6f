package org.dnstracer.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnstracer.net.TransportFixtures.id;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Type;

/**
 * The hedge of one UDP try. The waits are chosen so that only the order of events decides the outcome: hedges that
 * must go out are due at once, tries end only after seconds, and hedges that must not go out are due after the
 * reply can possibly have come or after the try's own end.
 */
class UdpTryHedgeTest {
    private static final Duration LONG = Duration.ofSeconds(10);
    private final QueryBuilder queries = new QueryBuilder(TransportOptions.DEFAULT_EDNS_SIZE);
    private final TrySockets sockets = new TrySockets(null);
    private final TransportCounters counters = new TransportCounters();
    private final UdpTry udp = new UdpTry(sockets, counters);

    private Message query() {
        return queries.build(TransportFixtures.QNAME, Type.A, true);
    }

    private Supplier<Message> sameQuestion() {
        return this::query;
    }

    @Test
    void aLostFirstQueryIsAnsweredThroughTheHedgeWithinTheSameTry() throws Exception {
        AtomicInteger seen = new AtomicInteger();
        ScriptedServer.Script dropFirst = (query, protocol) ->
                seen.getAndIncrement() == 0 ? List.of() : Replies.one(Replies.answer(query));
        try (ScriptedServer server = ScriptedServer.start(dropFirst)) {
            Message query = query();
            Attempt attempt = udp.run(server.address(), query, LONG, Duration.ZERO, sameQuestion());

            assertThat(attempt.result()).isEqualTo(AttemptResult.REPLY);
            assertThat(attempt.hedged()).isTrue();
            assertThat(attempt.hedge().answered()).isTrue();
            assertThat(id(attempt.received())).isEqualTo(attempt.hedge().queryId()).isNotEqualTo(id(query));
            assertThat(server.received()).hasSize(2);
            ScriptedServer.Received first = server.received().get(0);
            ScriptedServer.Received hedge = server.received().get(1);
            assertThat(hedge.query().getQuestion()).isEqualTo(first.query().getQuestion());
            assertThat(id(hedge.query())).isEqualTo(attempt.hedge().queryId());
            assertThat(hedge.from().getPort()).isNotEqualTo(first.from().getPort());
            assertThat(counters.snapshot().udpQueriesSent()).isEqualTo(2);
        }
    }

    @Test
    void theFirstQueryStaysOpenAndWinsWhenItsReplyComesFirst() throws Exception {
        // this server answers the first query only once the hedge has arrived, and never answers the hedge
        try (DatagramSocket server = new DatagramSocket(new InetSocketAddress(ScriptedServer.loopback(), 0))) {
            Thread responder = new Thread(() -> answerFirstAfterSecond(server), "answer-first-after-hedge");
            responder.setDaemon(true);
            responder.start();
            Message query = query();
            ServerAddress address = new ServerAddress(ScriptedServer.loopback(), server.getLocalPort());

            Attempt attempt = udp.run(address, query, LONG, Duration.ZERO, sameQuestion());

            assertThat(attempt.result()).isEqualTo(AttemptResult.REPLY);
            assertThat(attempt.hedged()).isTrue();
            assertThat(attempt.hedge().answered()).isFalse();
            assertThat(id(attempt.received())).isEqualTo(id(query));
            assertThat(attempt.roundTrip()).isEqualTo(attempt.elapsed());
            responder.join(LONG.toMillis());
        }
    }

    @Test
    void noHedgeGoesOutWhenTheReplyComesBeforeItIsDue() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(TransportFixtures.answering())) {
            Attempt attempt = udp.run(server.address(), query(), LONG.multipliedBy(2), LONG, sameQuestion());

            assertThat(attempt.result()).isEqualTo(AttemptResult.REPLY);
            assertThat(attempt.hedged()).isFalse();
            assertThat(server.received()).hasSize(1);
        }
    }

    @Test
    void noHedgeGoesOutWhenItWouldNotComeBeforeTheTryEnds() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(TransportFixtures.silent())) {
            Attempt attempt = udp.run(server.address(), query(), Duration.ofMillis(50), LONG, sameQuestion());

            assertThat(attempt.result()).isEqualTo(AttemptResult.TIMEOUT);
            assertThat(attempt.hedged()).isFalse();
            assertThat(server.received()).hasSize(1);
        }
    }

    @Test
    void aSilentServerGetsOneHedgePerTryAndTheTryStillTimesOut() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(TransportFixtures.silent())) {
            Attempt attempt = udp.run(server.address(), query(), Duration.ofMillis(100), Duration.ZERO, sameQuestion());

            assertThat(attempt.result()).isEqualTo(AttemptResult.TIMEOUT);
            assertThat(attempt.hedged()).isTrue();
            assertThat(attempt.hedge().answered()).isFalse();
            assertThat(server.received()).hasSize(2);
            assertThat(counters.snapshot().timeouts()).isEqualTo(1);
        }
    }

    @Test
    void closingTheTransportWakesAHedgedTryWaitingOnBothSockets() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(TransportFixtures.silent())) {
            Thread closer = new Thread(() -> {
                while (server.received().size() < 2) {
                    Thread.onSpinWait();
                }
                sockets.closeAll();
            });
            closer.setDaemon(true);
            closer.start();

            Attempt attempt = udp.run(server.address(), query(), Duration.ofSeconds(30), Duration.ZERO, sameQuestion());

            assertThat(attempt.result()).isEqualTo(AttemptResult.TIMEOUT);
            assertThat(attempt.error()).isEqualTo("transport closed");
            assertThat(attempt.elapsed()).isLessThan(Duration.ofSeconds(30));
        }
    }

    private static void answerFirstAfterSecond(DatagramSocket server) {
        try {
            byte[] buffer = new byte[65535];
            DatagramPacket p1 = new DatagramPacket(buffer.clone(), buffer.length);
            server.receive(p1);
            Message first = new Message(java.util.Arrays.copyOf(p1.getData(), p1.getLength()));
            SocketAddress firstFrom = p1.getSocketAddress();
            DatagramPacket p2 = new DatagramPacket(buffer.clone(), buffer.length);
            server.receive(p2); // the hedge: its arrival is the signal, it gets no answer
            byte[] reply = Replies.answer(first).toWire();
            server.send(new DatagramPacket(reply, reply.length, firstFrom));
        } catch (Exception e) {
            // the test's socket closed: the assertions tell what went wrong
        }
    }
}
