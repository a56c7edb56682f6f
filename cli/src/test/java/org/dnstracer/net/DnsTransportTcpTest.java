package org.dnstracer.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnstracer.net.TransportFixtures.answering;
import static org.dnstracer.net.TransportFixtures.ask;
import static org.dnstracer.net.TransportFixtures.id;
import static org.dnstracer.net.TransportFixtures.patient;
import static org.dnstracer.net.TransportFixtures.quick;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Section;

class DnsTransportTcpTest {
    private static final ScriptedServer.Script TRUNCATING_OVER_UDP = (query, protocol) ->
            Replies.one(protocol == Protocol.UDP ? Replies.truncated(query) : Replies.answer(query));

    @Test
    void aTruncatedUdpReplyIsAskedAgainOverTcp() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(TRUNCATING_OVER_UDP);
                Transport transport = patient(quick())) {
            Exchange exchange = ask(transport, server.address());

            assertThat(exchange.attempts()).extracting(Attempt::protocol, Attempt::result).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(Protocol.UDP, AttemptResult.TRUNCATED),
                    org.assertj.core.groups.Tuple.tuple(Protocol.TCP, AttemptResult.REPLY));
            assertThat(exchange.fellBackToTcp()).isTrue();
            assertThat(exchange.replyProtocol()).isEqualTo(Protocol.TCP);
            assertThat(exchange.reply().getSection(Section.ANSWER)).hasSize(1);
            assertThat(exchange.attempts().get(0).received()).isNotNull();
            assertThat(server.received(Protocol.UDP)).hasSize(1);
            assertThat(server.received(Protocol.TCP)).hasSize(1);
            // the TCP query is a new try with its own ID
            assertThat(id(server.received(Protocol.TCP).get(0).query()))
                    .isEqualTo(id(exchange.attempts().get(1).sent()));
            assertThat(transport.stats().tcpQueriesSent()).isEqualTo(1);
        }
    }

    @Test
    void tcpOnlyNeverSendsADatagram() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(answering());
                Transport transport = patient(quick().withTcpOnly(true))) {
            Exchange exchange = ask(transport, server.address());

            assertThat(exchange.answered()).isTrue();
            assertThat(exchange.attempts()).singleElement().satisfies(a -> {
                assertThat(a.protocol()).isEqualTo(Protocol.TCP);
                assertThat(a.result()).isEqualTo(AttemptResult.REPLY);
                assertThat(a.receivedSize()).isEqualTo(exchange.reply().toWire().length);
            });
            assertThat(exchange.fellBackToTcp()).isFalse();
            assertThat(server.received(Protocol.UDP)).isEmpty();
            assertThat(server.received(Protocol.TCP)).hasSize(1);
        }
    }

    @Test
    void aMismatchedReplyOverTcpIsMalformed() throws Exception {
        ScriptedServer.Script wrongId =
                (query, protocol) -> Replies.one(Replies.withId(Replies.answer(query), id(query) ^ 1));
        try (ScriptedServer server = ScriptedServer.start(wrongId);
                Transport transport = patient(quick().withTcpOnly(true))) {
            Exchange exchange = ask(transport, server.address());

            assertThat(exchange.answered()).isFalse();
            assertThat(exchange.attempts()).extracting(Attempt::result)
                    .containsExactly(AttemptResult.MALFORMED, AttemptResult.MALFORMED);
            assertThat(exchange.attempts().get(0).error()).startsWith("ignored reply with ID");
        }
    }

    @Test
    void aRefusedConnectionIsUnreachableWithoutFurtherTries() throws Exception {
        try (ClosedPort closed = ClosedPort.open();
                Transport transport = Transport.create(quick().withTcpOnly(true).withTries(3))) {
            Exchange exchange = ask(transport, closed.address());
            assertThat(exchange.attempts()).singleElement().satisfies(a -> {
                assertThat(a.result()).isEqualTo(AttemptResult.UNREACHABLE);
                assertThat(a.error()).isNotBlank();
            });
        }
    }

    @Test
    void tcpSilenceTimesOutWithWaitsStartingFromTwiceTheUdpWait() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(TransportFixtures.silent());
                Transport transport = Transport.create(quick().withTcpOnly(true).withTries(3).withEdns(false, 1232)
                        .withInitialTimeout(Duration.ofMillis(50)).withMaxTimeout(Duration.ofMillis(150)))) {
            Exchange exchange = ask(transport, server.address());

            assertThat(exchange.attempts()).extracting(Attempt::result).containsOnly(AttemptResult.TIMEOUT);
            assertThat(exchange.attempts()).extracting(Attempt::timeout).containsExactly(
                    Duration.ofMillis(100), Duration.ofMillis(150), Duration.ofMillis(150));
            assertThat(server.received(Protocol.TCP)).hasSize(3);
        }
    }

    @Test
    void aTcpReplyOfMoreThan255OctetsIsReadWhole() throws Exception {
        // the length prefix's high octet matters only from 256 octets on
        ScriptedServer.Script big = (query, protocol) -> {
            Message reply = Replies.answer(query);
            for (int i = 1; i <= 40; i++) {
                reply.addRecord(new ARecord(TransportFixtures.QNAME, DClass.IN, 300,
                        IpAddresses.parseLiteral("192.0.2." + i).orElseThrow()), Section.ANSWER);
            }
            return Replies.one(reply);
        };
        try (ScriptedServer server = ScriptedServer.start(big);
                Transport transport = patient(quick().withTcpOnly(true).withTries(1))) {
            Exchange exchange = ask(transport, server.address());
            assertThat(exchange.answered()).isTrue();
            assertThat(exchange.attempts().get(0).receivedSize()).isGreaterThan(255);
            assertThat(exchange.reply().getSection(Section.ANSWER)).hasSize(41);
        }
    }

    @Test
    void aZeroLengthTcpReplyIsMalformed() throws Exception {
        ScriptedServer.Script empty = (query, protocol) -> List.of(ScriptedServer.Reply.raw(new byte[0]));
        try (ScriptedServer server = ScriptedServer.start(empty);
                Transport transport = patient(quick().withTcpOnly(true).withTries(1))) {
            Exchange exchange = ask(transport, server.address());
            assertThat(exchange.attempts()).singleElement().extracting(Attempt::result)
                    .isEqualTo(AttemptResult.MALFORMED);
        }
    }

    @Test
    void aConnectionClosedWithoutAReplyIsMalformed() throws Exception {
        ScriptedServer.Script hangUp = (query, protocol) -> List.of(ScriptedServer.Reply.hangUp());
        try (ScriptedServer server = ScriptedServer.start(hangUp);
                Transport transport = patient(quick().withTcpOnly(true).withTries(1))) {
            Exchange exchange = ask(transport, server.address());
            assertThat(exchange.attempts()).singleElement().satisfies(a -> {
                assertThat(a.result()).isEqualTo(AttemptResult.MALFORMED);
                assertThat(a.error()).isEqualTo("connection closed without a reply");
            });
        }
    }

    @Test
    void aTruncatedReplyIsKeptWhenTcpIsRefusedAndTheRefusalIsTheReason() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(TRUNCATING_OVER_UDP)) {
            server.refuseTcp();
            try (Transport transport = Transport.create(quick())) {
                Exchange exchange = ask(transport, server.address());

                assertThat(exchange.attempts()).extracting(Attempt::protocol, Attempt::result).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Protocol.UDP, AttemptResult.TRUNCATED),
                        org.assertj.core.groups.Tuple.tuple(Protocol.TCP, AttemptResult.UNREACHABLE));
                assertThat(exchange.answered()).isTrue();
                assertThat(exchange.reply().getHeader().getFlag(org.xbill.DNS.Flags.TC)).isTrue();
                assertThat(exchange.replyProtocol()).isEqualTo(Protocol.UDP);
                assertThat(exchange.replyAttempt()).isSameAs(exchange.attempts().get(0));
                assertThat(exchange.tcpFailure()).isEqualTo("connection refused");
                assertThat(exchange.truncated()).isTrue();
                assertThat(exchange.fellBackToTcp()).isFalse();
            }
        }
    }

    @Test
    void aTruncatedReplyIsKeptWhenTcpStaysSilent() throws Exception {
        ScriptedServer.Script tcpSilent = (query, protocol) ->
                protocol == Protocol.UDP ? Replies.one(Replies.truncated(query)) : List.of();
        try (ScriptedServer server = ScriptedServer.start(tcpSilent);
                Transport transport = Transport.create(quick())) {
            Exchange exchange = ask(transport, server.address());

            assertThat(exchange.attempts()).extracting(Attempt::result).containsExactly(
                    AttemptResult.TRUNCATED, AttemptResult.TIMEOUT);
            // one TCP try: it belongs to the UDP try it completes, not one of -r's tries
            assertThat(exchange.answered()).isTrue();
            assertThat(exchange.replyProtocol()).isEqualTo(Protocol.UDP);
            assertThat(exchange.tcpFailure()).isEqualTo("timeout");
        }
    }

    @Test
    void aLengthPrefixPromisingMoreThanArrivesEndsWithTheTry() throws Exception {
        // says 60000 octets, sends 10, then stalls far longer than any test runs
        ScriptedServer.Script lying = (query, protocol) -> List.of(
                ScriptedServer.Reply.stream(new byte[] {(byte) 0xea, 0x60, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}),
                ScriptedServer.Reply.hangUp().after(Duration.ofMinutes(10)));
        try (ScriptedServer server = ScriptedServer.start(lying);
                Transport transport = Transport.create(quick().withTcpOnly(true).withTries(1).withEdns(false, 1232))) {
            Exchange exchange = ask(transport, server.address());

            assertThat(exchange.answered()).isFalse();
            assertThat(exchange.attempts()).singleElement().satisfies(a -> {
                assertThat(a.result()).isEqualTo(AttemptResult.TIMEOUT);
                assertThat(a.error()).isEqualTo("timed out after 10 of 60000 octets of the reply");
            });
        }
    }

    @Test
    void aReplyDrippedOneOctetAtATimeEndsWithTheTry() throws Exception {
        // a whole reply, one octet per 100 ms: each read succeeds, only the try's own deadline can end it
        ScriptedServer.Script drip = (query, protocol) -> {
            byte[] framed = TcpFraming.framed(Replies.answer(query).toWire());
            List<ScriptedServer.Reply> octets = new java.util.ArrayList<>();
            for (byte b : framed) {
                octets.add(ScriptedServer.Reply.stream(new byte[] {b}).after(Duration.ofMillis(100)));
            }
            return octets;
        };
        try (ScriptedServer server = ScriptedServer.start(drip);
                Transport transport = Transport.create(quick().withTcpOnly(true).withTries(1).withEdns(false, 1232))) {
            Exchange exchange = ask(transport, server.address());

            assertThat(exchange.answered()).isFalse();
            assertThat(exchange.attempts()).singleElement().satisfies(a -> {
                assertThat(a.result()).isEqualTo(AttemptResult.TIMEOUT);
                assertThat(a.error()).matches("timed out after \\d+ of \\d+ octets of the (length prefix|reply)");
            });
        }
    }

    @Test
    void aLengthPrefixCutShortByTheServerIsMalformed() throws Exception {
        ScriptedServer.Script cut = (query, protocol) -> List.of(
                ScriptedServer.Reply.stream(new byte[] {(byte) 0xea, 0x60, 1, 2, 3}), ScriptedServer.Reply.hangUp());
        try (ScriptedServer server = ScriptedServer.start(cut);
                Transport transport = Transport.create(quick().withTcpOnly(true).withTries(1).withEdns(false, 1232))) {
            Exchange exchange = ask(transport, server.address());
            assertThat(exchange.attempts()).singleElement().satisfies(a -> {
                assertThat(a.result()).isEqualTo(AttemptResult.MALFORMED);
                assertThat(a.error()).isEqualTo("connection closed after 3 of 60000 octets of the reply");
            });
        }
    }
}
