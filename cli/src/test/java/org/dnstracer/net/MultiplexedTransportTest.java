package org.dnstracer.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dnstracer.net.TransportFixtures.PATIENT;
import static org.dnstracer.net.TransportFixtures.QNAME;
import static org.dnstracer.net.TransportFixtures.answering;
import static org.dnstracer.net.TransportFixtures.ask;
import static org.dnstracer.net.TransportFixtures.id;
import static org.dnstracer.net.TransportFixtures.quick;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.dnstracer.net.ScriptedServer.Reply;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/** The multiplexed transport keeps the blocking one's rules and records while many queries share one thread. */
class MultiplexedTransportTest {
    private static final Duration SHORT = Duration.ofMillis(30);

    /** Every try waits {@link TransportFixtures#PATIENT}: only a hung or lost exchange misses its reply. */
    private static MultiplexedTransport patient(TransportOptions options, int inFlight) {
        return new MultiplexedTransport(options.withInitialTimeout(PATIENT).withMaxTimeout(PATIENT), inFlight,
                PATIENT);
    }

    @Test
    void manyQueriesInFlightTogetherEachGetTheirOwnReplyOnAFewThreads() throws Exception {
        // the server answers nothing until all the queries are in, then answers them last first: only a transport
        // that really has them all in flight at once (not one thread each, not one after another) can complete
        int count = 150;
        try (DatagramSocket server = new DatagramSocket(new InetSocketAddress(ScriptedServer.loopback(), 0));
                MultiplexedTransport transport = patient(quick().withEdns(false, 1232), count)) {
            ServerAddress address = new ServerAddress(ScriptedServer.loopback(), server.getLocalPort());
            CompletableFuture<List<DatagramPacket>> barrier = CompletableFuture.supplyAsync(() -> answerAllAtOnce(
                    server, count));
            List<CompletableFuture<Exchange>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(transport.exchange(address, Name.fromString("n" + i + ".example.com."), Type.A));
            }
            List<DatagramPacket> queries = barrier.get(20, TimeUnit.SECONDS);
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);

            assertThat(LiveThreads.named(transport.threadNamePrefix()))
                    .hasSizeLessThanOrEqualTo(1 + MultiplexedTransport.CALLBACK_THREADS);
            for (int i = 0; i < count; i++) {
                Exchange e = futures.get(i).get();
                assertThat(e.answered()).isTrue();
                assertThat(e.reply().getQuestion().getName()).isEqualTo(Name.fromString("n" + i + ".example.com."));
                assertThat(e.attempts()).singleElement()
                        .satisfies(a -> assertThat(a.result()).isEqualTo(AttemptResult.REPLY));
            }
            // a socket, so a source port, of its own for each query
            assertThat(queries.stream().map(DatagramPacket::getPort).collect(Collectors.toSet())).hasSize(count);
            assertThat(transport.stats().repliesAccepted()).isEqualTo(count);
            assertThat(transport.openSockets()).isZero();
        }
    }

    /** Receives {@code count} queries, then answers each, the last received first; returns the queries. */
    private static List<DatagramPacket> answerAllAtOnce(DatagramSocket server, int count) {
        try {
            server.setSoTimeout(15_000);
            List<DatagramPacket> queries = new ArrayList<>();
            while (queries.size() < count) {
                DatagramPacket p = new DatagramPacket(new byte[512], 512);
                server.receive(p);
                queries.add(p);
            }
            for (int i = queries.size() - 1; i >= 0; i--) {
                DatagramPacket q = queries.get(i);
                byte[] reply = Replies.answer(new Message(java.util.Arrays.copyOf(q.getData(), q.getLength())))
                        .toWire();
                server.send(new DatagramPacket(reply, reply.length, q.getSocketAddress()));
            }
            return queries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aReplyWithTheWrongIdIsIgnoredAndTheRightOneAccepted() throws Exception {
        ScriptedServer.Script script = (query, protocol) -> List.of(
                Reply.of(Replies.withId(Replies.answer(query), id(query) ^ 0x5555)),
                Reply.raw(new byte[] {1, 2, 3}),
                Reply.of(Replies.forQuestion(query, "other.example.", Type.A)),
                Reply.of(Replies.answer(query)).after(SHORT));
        try (ScriptedServer server = ScriptedServer.start(script);
                MultiplexedTransport transport = patient(quick(), 8)) {
            Exchange exchange = ask(transport, server.address());

            assertThat(exchange.answered()).isTrue();
            Attempt attempt = exchange.attempts().get(0);
            assertThat(attempt.result()).isEqualTo(AttemptResult.REPLY);
            int sent = id(attempt.sent());
            assertThat(attempt.ignoredCount()).isEqualTo(3);
            assertThat(attempt.ignored().get(0))
                    .isEqualTo(String.format("ignored reply with ID 0x%04x, expected 0x%04x", sent ^ 0x5555, sent));
            assertThat(attempt.ignored().get(1)).startsWith("ignored unparseable reply of 3 octets");
            assertThat(attempt.ignored().get(2)).startsWith("ignored reply for question other.example. A IN");
            assertThat(transport.stats().repliesIgnored()).isEqualTo(3);
        }
    }

    @Test
    void aSilentServerCostsEveryTryTheLastWithoutEdnsEachOnANewPortAndId() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(TransportFixtures.silent());
                MultiplexedTransport transport = new MultiplexedTransport(quick().withTries(2), 8)) {
            Exchange exchange = ask(transport, server.address());

            assertThat(exchange.answered()).isFalse();
            assertThat(exchange.attempts()).extracting(Attempt::result)
                    .containsExactly(AttemptResult.TIMEOUT, AttemptResult.TIMEOUT);
            assertThat(exchange.attempts().get(1).sent().getOPT()).isNull();
            List<ScriptedServer.Received> seen = server.received();
            assertThat(seen).hasSize(2);
            assertThat(seen.stream().map(r -> id(r.query())))
                    .containsExactlyElementsOf(exchange.attempts().stream().map(a -> id(a.sent())).toList());
            assertThat(seen.stream().map(r -> r.from().getPort()).collect(Collectors.toSet())).hasSize(2);
            assertThat(transport.stats().timeouts()).isEqualTo(2);
            assertThat(transport.openSockets()).isZero();
        }
    }

    @Test
    void aTruncatedReplyIsAskedAgainOverTcp() throws Exception {
        ScriptedServer.Script script = (query, protocol) -> Replies.one(
                protocol == Protocol.UDP ? Replies.truncated(query) : Replies.answer(query));
        try (ScriptedServer server = ScriptedServer.start(script);
                MultiplexedTransport transport = patient(quick(), 8)) {
            Exchange exchange = ask(transport, server.address());

            assertThat(exchange.answered()).isTrue();
            assertThat(exchange.attempts()).extracting(Attempt::protocol).containsExactly(Protocol.UDP, Protocol.TCP);
            assertThat(exchange.attempts()).extracting(Attempt::result)
                    .containsExactly(AttemptResult.TRUNCATED, AttemptResult.REPLY);
            assertThat(exchange.reply().getHeader().getFlag(Flags.TC)).isFalse();
        }
    }

    @Test
    void aServerRejectingEdnsIsAskedAgainWithout() throws Exception {
        ScriptedServer.Script script = (query, protocol) -> Replies.one(query.getOPT() != null
                ? Replies.rcode(query, Rcode.FORMERR)
                : Replies.answer(query));
        try (ScriptedServer server = ScriptedServer.start(script);
                MultiplexedTransport transport = patient(quick(), 8)) {
            Exchange exchange = ask(transport, server.address());

            assertThat(exchange.answered()).isTrue();
            assertThat(exchange.ednsFallback()).isEqualTo(EdnsFallback.REJECTED);
            assertThat(exchange.reply().getRcode()).isEqualTo(Rcode.NOERROR);
        }
    }

    @Test
    void aProbeIsSentAsBuilt() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(answering());
                MultiplexedTransport transport = patient(quick(), 8)) {
            Message probe = Message.newQuery(org.xbill.DNS.Record.newRecord(QNAME, Type.SOA, org.xbill.DNS.DClass.IN));
            Exchange exchange = transport.probe(server.address(), probe, Protocol.UDP).get(20, TimeUnit.SECONDS);

            assertThat(exchange.answered()).isTrue();
            Message sent = server.received().get(0).query();
            assertThat(sent.getOPT()).isNull();
            assertThat(sent.getHeader().getFlag(Flags.RD)).isTrue();
            assertThat(sent.getQuestion().getType()).isEqualTo(Type.SOA);
        }
    }

    @Test
    void noMoreThanTheCapWaitAtOnceAndCloseSettlesTheWaitingAndTheQueued() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(TransportFixtures.silent())) {
            MultiplexedTransport transport = patient(quick().withTries(1), 2);
            List<CompletableFuture<Exchange>> futures = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                futures.add(transport.exchange(server.address(), QNAME, Type.A));
            }
            awaitReceived(server, 2);

            transport.close();

            List<Exchange> done = new ArrayList<>();
            for (CompletableFuture<Exchange> f : futures) {
                done.add(f.get(5, TimeUnit.SECONDS));
            }
            assertThat(server.received()).hasSize(2); // the cap held: three never went out
            assertThat(done).allSatisfy(e -> assertThat(e.lastResult()).isEqualTo(AttemptResult.TIMEOUT));
            assertThat(done.stream().map(e -> e.attempts().get(0).error()).toList())
                    .containsExactlyInAnyOrder("transport closed", "transport closed",
                            "transport closed before the query was sent", "transport closed before the query was sent",
                            "transport closed before the query was sent");
            assertThat(LiveThreads.named(transport.threadNamePrefix())).isEmpty();
            assertThat(transport.openSockets()).isZero();
        }
    }

    @Test
    void afterCloseAnExchangeCompletesAtOnceWithoutSendingAndNoThreadIsLeft() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(answering())) {
            MultiplexedTransport transport = new MultiplexedTransport(quick(), 4);
            String prefix = transport.threadNamePrefix();
            ask(transport, server.address());
            transport.close();
            transport.close(); // idempotent

            Exchange exchange = ask(transport, server.address());

            assertThat(exchange.answered()).isFalse();
            assertThat(exchange.attempts()).singleElement()
                    .satisfies(a -> assertThat(a.error()).isEqualTo("transport closed before the query was sent"));
            assertThat(server.received()).hasSize(1);
            assertThat(LiveThreads.named(prefix)).isEmpty();
        }
    }

    @Test
    void closingFromACallbackDoesNotHang() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(answering())) {
            MultiplexedTransport transport = patient(quick(), 4);
            CompletableFuture<String> closedOn = transport.exchange(server.address(), QNAME, Type.A)
                    .thenApply(e -> {
                        transport.close();
                        return Thread.currentThread().getName();
                    });
            assertThat(closedOn.get(10, TimeUnit.SECONDS)).startsWith(transport.threadNamePrefix());
            assertThat(ask(transport, server.address()).answered()).isFalse();
        }
    }

    @Test
    void refusesAnInFlightCapOutOfRange() {
        assertThatThrownBy(() -> new MultiplexedTransport(quick(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MultiplexedTransport(quick(), MultiplexedTransport.MAX_IN_FLIGHT + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void awaitReceived(ScriptedServer server, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.received().size() < n && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(server.received()).hasSizeGreaterThanOrEqualTo(n);
    }

    private static InetAddress ip(String literal) {
        return IpAddresses.parseLiteral(literal).orElseThrow();
    }
}
