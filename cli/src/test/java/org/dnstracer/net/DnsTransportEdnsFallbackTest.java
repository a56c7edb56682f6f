package org.dnstracer.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnstracer.net.TransportFixtures.ask;
import static org.dnstracer.net.TransportFixtures.patient;
import static org.dnstracer.net.TransportFixtures.quick;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;

class DnsTransportEdnsFallbackTest {
    /** A pre-EDNS server: FORMERR without OPT to anything carrying an OPT record. */
    private static final ScriptedServer.Script PRE_EDNS = (query, protocol) ->
            Replies.one(query.getOPT() != null ? Replies.rcode(query, Rcode.FORMERR) : Replies.answer(query));

    @Test
    void formerrWithoutOptIsAskedAgainWithoutEdns() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(PRE_EDNS);
                Transport transport = patient(quick())) {
            Exchange exchange = ask(transport, server.address());

            assertThat(exchange.attempts()).hasSize(2);
            assertThat(exchange.attempts().get(0).sent().getOPT()).isNotNull();
            assertThat(exchange.attempts().get(0).received().getRcode()).isEqualTo(Rcode.FORMERR);
            assertThat(exchange.attempts().get(1).sent().getOPT()).isNull();
            assertThat(exchange.reply().getRcode()).isEqualTo(Rcode.NOERROR);
            assertThat(exchange.reply().getSection(Section.ANSWER)).hasSize(1);
            assertThat(exchange.ednsFallback()).isEqualTo(EdnsFallback.REJECTED);
        }
    }

    @Test
    void notimpWithoutOptIsAskedAgainWithoutEdns() throws Exception {
        ScriptedServer.Script notimp = (query, protocol) ->
                Replies.one(query.getOPT() != null ? Replies.rcode(query, Rcode.NOTIMP) : Replies.answer(query));
        try (ScriptedServer server = ScriptedServer.start(notimp);
                Transport transport = patient(quick())) {
            assertThat(ask(transport, server.address()).reply().getRcode()).isEqualTo(Rcode.NOERROR);
        }
    }

    @Test
    void formerrWithoutAQuestionIsAcceptedAndTriggersTheFallback() throws Exception {
        ScriptedServer.Script terse = (query, protocol) -> Replies.one(
                query.getOPT() != null ? Replies.formerrNoQuestion(query) : Replies.answer(query));
        try (ScriptedServer server = ScriptedServer.start(terse);
                Transport transport = patient(quick())) {
            Exchange exchange = ask(transport, server.address());
            assertThat(exchange.attempts()).hasSize(2);
            assertThat(exchange.reply().getRcode()).isEqualTo(Rcode.NOERROR);
        }
    }

    @Test
    void formerrCarryingOptIsTakenAsTheAnswer() throws Exception {
        ScriptedServer.Script ednsAware = (query, protocol) -> {
            Message reply = Replies.rcode(query, Rcode.FORMERR);
            reply.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
            return Replies.one(reply);
        };
        try (ScriptedServer server = ScriptedServer.start(ednsAware);
                Transport transport = patient(quick())) {
            Exchange exchange = ask(transport, server.address());
            assertThat(exchange.attempts()).hasSize(1);
            assertThat(exchange.reply().getRcode()).isEqualTo(Rcode.FORMERR);
        }
    }

    @Test
    void formerrWithEdnsOffIsTheAnswer() throws Exception {
        ScriptedServer.Script alwaysFormerr = (query, protocol) -> Replies.one(Replies.rcode(query, Rcode.FORMERR));
        try (ScriptedServer server = ScriptedServer.start(alwaysFormerr);
                Transport transport = patient(quick().withEdns(false, 1232))) {
            Exchange exchange = ask(transport, server.address());
            assertThat(exchange.attempts()).hasSize(1);
            assertThat(exchange.reply().getRcode()).isEqualTo(Rcode.FORMERR);
        }
    }

    @Test
    void keepsTheFormerrWhenTheRetryWithoutEdnsGetsNoAnswer() throws Exception {
        ScriptedServer.Script formerrThenSilence = (query, protocol) ->
                query.getOPT() != null ? Replies.one(Replies.rcode(query, Rcode.FORMERR)) : java.util.List.of();
        try (ScriptedServer server = ScriptedServer.start(formerrThenSilence);
                Transport transport = patient(quick().withTries(1), Duration.ofSeconds(1))) {
            Exchange exchange = ask(transport, server.address());
            assertThat(exchange.attempts()).extracting(Attempt::result)
                    .containsExactly(AttemptResult.REPLY, AttemptResult.TIMEOUT);
            assertThat(exchange.reply().getRcode()).isEqualTo(Rcode.FORMERR);
        }
    }

    @Test
    void badversIsSeenThroughTheOptRecordAndAskedAgainWithoutEdns() throws Exception {
        // BADVERS is 16: header rcode 0, extended rcode 1 in the OPT record; only dnsjava's combined rcode shows it
        ScriptedServer.Script badvers = (query, protocol) -> {
            if (query.getOPT() == null) {
                return Replies.one(Replies.answer(query));
            }
            Message reply = Replies.header(query);
            reply.addRecord(new OPTRecord(1232, Rcode.BADVERS >>> 4, 0), Section.ADDITIONAL);
            return Replies.one(reply);
        };
        try (ScriptedServer server = ScriptedServer.start(badvers);
                Transport transport = Transport.create(quick())) {
            Exchange exchange = ask(transport, server.address());

            assertThat(exchange.attempts().get(0).received().getRcode()).isEqualTo(Rcode.BADVERS);
            assertThat(exchange.attempts()).hasSize(2);
            assertThat(exchange.attempts().get(1).sent().getOPT()).isNull();
            assertThat(exchange.reply().getRcode()).isEqualTo(Rcode.NOERROR);
            assertThat(exchange.ednsFallback()).isEqualTo(EdnsFallback.REJECTED);
        }
    }

    @Test
    void aServerThatDropsEdnsQueriesGetsItsLastTryWithoutAndItsAnswerIsUsed() throws Exception {
        ScriptedServer.Script dropsEdns = (query, protocol) ->
                query.getOPT() != null ? java.util.List.of() : Replies.one(Replies.answer(query));
        try (ScriptedServer server = ScriptedServer.start(dropsEdns);
                Transport transport = Transport.create(quick())) {
            Exchange exchange = ask(transport, server.address());

            assertThat(exchange.attempts()).extracting(Attempt::result)
                    .containsExactly(AttemptResult.TIMEOUT, AttemptResult.REPLY);
            assertThat(exchange.attempts()).extracting(a -> a.sent().getOPT() != null).containsExactly(true, false);
            assertThat(exchange.reply().getSection(Section.ANSWER)).hasSize(1);
            assertThat(exchange.ednsDropped()).isTrue();
            assertThat(exchange.ednsFallback()).isEqualTo(EdnsFallback.DROPPED);
        }
    }

    @Test
    void aSilentServerIsStillUnansweredAfterTheTryWithoutEdnsWhichIsOneOfItsTries() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(TransportFixtures.silent());
                Transport transport = Transport.create(quick())) {
            Exchange exchange = ask(transport, server.address());
            assertThat(exchange.answered()).isFalse();
            assertThat(exchange.attempts()).hasSize(2);
            assertThat(server.received()).hasSize(2);
            assertThat(exchange.ednsDropped()).isFalse();
        }
    }

    @Test
    void noTryWithoutEdnsWhenEdnsIsOff() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(TransportFixtures.silent());
                Transport transport = Transport.create(quick().withEdns(false, 1232))) {
            assertThat(ask(transport, server.address()).attempts()).hasSize(2);
        }
    }
}
