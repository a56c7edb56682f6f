package org.dnstracer.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnstracer.net.TransportFixtures.answering;
import static org.dnstracer.net.TransportFixtures.ask;
import static org.dnstracer.net.TransportFixtures.id;
import static org.dnstracer.net.TransportFixtures.patient;
import static org.dnstracer.net.TransportFixtures.quick;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.dnstracer.net.ScriptedServer.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

class DnsTransportUdpTest {
    private static final Duration SHORT = Duration.ofMillis(20);

    @Test
    void sendsANonRecursiveQueryWithEdnsOfTheConfiguredSizeAndAcceptsTheReply() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(answering());
                Transport transport = patient(quick().withEdns(true, 1400))) {
            Exchange exchange = ask(transport, server.address());

            assertThat(exchange.answered()).isTrue();
            assertThat(exchange.reply().getSection(Section.ANSWER)).hasSize(1);
            assertThat(exchange.attempts()).hasSize(1);
            Attempt attempt = exchange.attempts().get(0);
            assertThat(attempt.result()).isEqualTo(AttemptResult.REPLY);
            assertThat(attempt.protocol()).isEqualTo(Protocol.UDP);
            assertThat(attempt.received().toWire()).isEqualTo(exchange.reply().toWire());
            assertThat(attempt.receivedSize()).isEqualTo(exchange.reply().toWire().length);
            assertThat(attempt.timeout()).isEqualTo(TransportFixtures.PATIENT);
            assertThat(attempt.elapsed()).isPositive();
            assertThat(attempt.ignored()).isEmpty();

            Message seen = server.received().get(0).query();
            assertThat(id(seen)).isEqualTo(id(attempt.sent()));
            assertThat(seen.getHeader().getFlag(Flags.RD)).isFalse();
            assertThat(seen.getQuestion().getName()).isEqualTo(TransportFixtures.QNAME);
            OPTRecord opt = seen.getOPT();
            assertThat(opt).isNotNull();
            assertThat(opt.getPayloadSize()).isEqualTo(1400);
        }
    }

    @Test
    void aRecursiveExchangeSetsRdAndIsOtherwiseTheSame() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(answering());
                Transport transport = Transport.create(quick())) {
            Exchange exchange = transport.exchangeRecursive(server.address(), TransportFixtures.QNAME, Type.A)
                    .get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(exchange.answered()).isTrue();
            Message seen = server.received().get(0).query();
            assertThat(seen.getHeader().getFlag(Flags.RD)).isTrue();
            assertThat(seen.getQuestion().getName()).isEqualTo(TransportFixtures.QNAME);
        }
    }

    @Test
    void sendsNoOptRecordWhenEdnsIsOff() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(answering());
                Transport transport = patient(quick().withEdns(false, 1232))) {
            Exchange exchange = ask(transport, server.address());
            assertThat(exchange.answered()).isTrue();
            assertThat(server.received().get(0).query().getOPT()).isNull();
            assertThat(exchange.attempts().get(0).sent().getOPT()).isNull();
        }
    }

    @Test
    void drawsIdsThatACounterOrAWeakGeneratorCouldNotProduce() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(answering());
                Transport transport = patient(quick())) {
            for (int i = 0; i < IdRandomness.SAMPLE; i++) {
                assertThat(ask(transport, server.address()).answered()).isTrue();
            }
            // in the order the server saw them: one query at a time, so that is the order they were drawn in
            int[] ids = server.received().stream().mapToInt(r -> id(r.query())).toArray();
            assertThat(IdRandomness.whyNotRandom(ids)).isEmpty();
        }
    }

    @Test
    void usesANewIdAndSourcePortForEachTry() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(TransportFixtures.silent());
                Transport transport = Transport.create(quick().withTries(3).withMaxTimeout(Duration.ofMillis(100))
                        .withInitialTimeout(Duration.ofMillis(60)).withEdns(false, 1232))) {
            Exchange exchange = ask(transport, server.address());
            assertThat(exchange.attempts()).extracting(Attempt::result).containsOnly(AttemptResult.TIMEOUT);
            List<ScriptedServer.Received> seen = server.received();
            assertThat(seen).hasSize(3);
            assertThat(seen.stream().map(r -> id(r.query())))
                    .containsExactlyElementsOf(exchange.attempts().stream().map(a -> id(a.sent())).toList());
            assertThat(seen.stream().map(r -> r.from().getPort()).collect(Collectors.toSet())).hasSizeGreaterThan(1);
        }
    }

    @Test
    void ignoresAReplyWithTheWrongIdAndKeepsWaitingForTheRightOne() throws Exception {
        ScriptedServer.Script script = (query, protocol) -> List.of(
                Reply.of(Replies.withId(Replies.answer(query), id(query) ^ 0x5555)),
                Reply.of(Replies.answer(query)).after(SHORT));
        try (ScriptedServer server = ScriptedServer.start(script);
                Transport transport = patient(quick())) {
            Exchange exchange = ask(transport, server.address());

            assertThat(exchange.answered()).isTrue();
            assertThat(exchange.attempts()).hasSize(1);
            Attempt attempt = exchange.attempts().get(0);
            assertThat(attempt.result()).isEqualTo(AttemptResult.REPLY);
            int sent = id(attempt.sent());
            assertThat(attempt.ignored()).containsExactly(String.format(
                    "ignored reply with ID 0x%04x, expected 0x%04x", sent ^ 0x5555, sent));
        }
    }

    @Test
    void aFloodOfSpoofedRepliesIsCountedButOnlyTheFirstFewAreDescribed() throws Exception {
        ScriptedServer.Script flood = (query, protocol) -> {
            List<Reply> replies = new java.util.ArrayList<>();
            for (int i = 1; i <= 50; i++) {
                replies.add(Reply.of(Replies.withId(Replies.answer(query), (id(query) + i) & 0xffff)));
            }
            replies.add(Reply.of(Replies.answer(query)).after(SHORT));
            return replies;
        };
        try (ScriptedServer server = ScriptedServer.start(flood);
                Transport transport = Transport.create(quick().withInitialTimeout(Duration.ofSeconds(2))
                        .withMaxTimeout(Duration.ofSeconds(2)))) {
            Exchange exchange = ask(transport, server.address());

            assertThat(exchange.answered()).isTrue();
            Attempt attempt = exchange.attempts().get(0);
            assertThat(attempt.ignoredCount()).isEqualTo(50);
            assertThat(attempt.ignored()).hasSize(5).allSatisfy(r -> assertThat(r).startsWith("ignored reply with ID"));
        }
    }

    @Test
    void ignoresAReplyToAnotherQuestion() throws Exception {
        ScriptedServer.Script script =
                (query, protocol) -> Replies.one(Replies.forQuestion(query, "www.example.net.", Type.A));
        try (ScriptedServer server = ScriptedServer.start(script);
                Transport transport = Transport.create(quick().withTries(1))) {
            Exchange exchange = ask(transport, server.address());

            assertThat(exchange.answered()).isFalse();
            Attempt attempt = exchange.attempts().get(0);
            assertThat(attempt.result()).isEqualTo(AttemptResult.TIMEOUT);
            assertThat(attempt.ignored()).singleElement().asString().contains("www.example.net.");
        }
    }

    @Test
    void acceptsTheQuestionEchoedInAnotherCase() throws Exception {
        ScriptedServer.Script script =
                (query, protocol) -> Replies.one(Replies.forQuestion(query, "WWW.Example.COM.", Type.A));
        try (ScriptedServer server = ScriptedServer.start(script);
                Transport transport = patient(quick())) {
            assertThat(ask(transport, server.address()).answered()).isTrue();
        }
    }

    @Test
    void ignoresAMessageWithQrClear() throws Exception {
        ScriptedServer.Script script = (query, protocol) ->
                List.of(Reply.of(query), Reply.of(Replies.answer(query)).after(SHORT));
        try (ScriptedServer server = ScriptedServer.start(script);
                Transport transport = patient(quick())) {
            Exchange exchange = ask(transport, server.address());
            assertThat(exchange.answered()).isTrue();
            assertThat(exchange.attempts().get(0).ignored()).singleElement().asString().contains("QR=0");
        }
    }

    @Test
    void garbageAloneMakesEachTryMalformed() throws Exception {
        ScriptedServer.Script script = (query, protocol) -> List.of(Reply.raw(new byte[] {0x13, 0x37, 0x00}));
        try (ScriptedServer server = ScriptedServer.start(script);
                Transport transport = Transport.create(quick().withTries(2))) {
            Exchange exchange = ask(transport, server.address());

            assertThat(exchange.answered()).isFalse();
            assertThat(exchange.attempts()).extracting(Attempt::result)
                    .containsExactly(AttemptResult.MALFORMED, AttemptResult.MALFORMED);
            assertThat(exchange.lastResult()).isEqualTo(AttemptResult.MALFORMED);
            assertThat(exchange.attempts().get(0).ignored()).singleElement().asString().contains("unparseable");
        }
    }

    @Test
    void garbageFollowedByAValidReplyIsAccepted() throws Exception {
        ScriptedServer.Script script = (query, protocol) -> List.of(
                Reply.raw(new byte[] {1, 2, 3, 4, 5}), Reply.of(Replies.answer(query)).after(SHORT));
        try (ScriptedServer server = ScriptedServer.start(script);
                Transport transport = patient(quick())) {
            Exchange exchange = ask(transport, server.address());
            assertThat(exchange.answered()).isTrue();
            assertThat(exchange.attempts()).singleElement().extracting(Attempt::result).isEqualTo(AttemptResult.REPLY);
        }
    }

    @Test
    void countsQueriesOctetsAndIgnoredReplies() throws Exception {
        ScriptedServer.Script script = (query, protocol) -> List.of(
                Reply.raw(new byte[] {1, 2, 3}), Reply.of(Replies.answer(query)).after(SHORT));
        try (ScriptedServer server = ScriptedServer.start(script);
                Transport transport = patient(quick())) {
            Exchange first = ask(transport, server.address());
            Exchange second = ask(transport, server.address());
            TransportStats stats = transport.stats();

            assertThat(stats.queriesSent()).isEqualTo(2);
            assertThat(stats.udpQueriesSent()).isEqualTo(2);
            assertThat(stats.tcpQueriesSent()).isZero();
            assertThat(stats.bytesSent()).isEqualTo(
                    first.attempts().get(0).sent().toWire().length + second.attempts().get(0).sent().toWire().length);
            assertThat(stats.bytesReceived()).isEqualTo(
                    6 + first.attempts().get(0).receivedSize() + second.attempts().get(0).receivedSize());
            assertThat(stats.repliesAccepted()).isEqualTo(2);
            assertThat(stats.repliesIgnored()).isEqualTo(2);
            assertThat(stats.timeouts()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TransportFixtures.Kind.class)
    void aReplyFromAnotherAddressNeverReachesTheTry(TransportFixtures.Kind kind) throws Exception {
        // a "spoofer" on 127.0.0.2 sends a perfect answer to the client's port; the connected socket drops it
        try (DatagramSocket spoofer = new DatagramSocket(new InetSocketAddress(ip("127.0.0.2"), 0))) {
            AtomicReference<ScriptedServer> self = new AtomicReference<>();
            ScriptedServer.Script script = (query, protocol) -> {
                byte[] wire = Replies.answer(query).toWire();
                InetSocketAddress client = self.get().received().get(self.get().received().size() - 1).from();
                try {
                    spoofer.send(new DatagramPacket(wire, wire.length, client));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return List.of();
            };
            try (ScriptedServer server = ScriptedServer.start(script);
                    Transport transport = kind.open(quick().withTries(1).withEdns(false, 1232))) {
                self.set(server);
                Exchange exchange = ask(transport, server.address());

                assertThat(exchange.answered()).isFalse();
                assertThat(exchange.attempts()).singleElement().satisfies(a -> {
                    assertThat(a.result()).isEqualTo(AttemptResult.TIMEOUT);
                    assertThat(a.ignored()).isEmpty();
                });
                assertThat(transport.stats().bytesReceived()).isZero();
            }
        }
    }

    private static InetAddress ip(String literal) {
        return IpAddresses.parseLiteral(literal).orElseThrow();
    }
}
