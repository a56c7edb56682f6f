package org.dnstracer.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnstracer.net.TransportFixtures.answering;
import static org.dnstracer.net.TransportFixtures.ask;
import static org.dnstracer.net.TransportFixtures.id;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DnsTransportHedgeTest {
    /** A first wait of a second for new servers; the hedge, due after three loopback round trips, is far sooner. */
    private static TransportOptions slowFirstWait() {
        return TransportOptions.defaults().withTries(3)
                .withInitialTimeout(Duration.ofSeconds(2)).withMaxTimeout(Duration.ofSeconds(5));
    }

    @ParameterizedTest
    @EnumSource(TransportFixtures.Kind.class)
    void aNewServerWhoseFirstQueryIsLostAnswersTheHedgeFromAnotherPortWithinTheFirstTry(TransportFixtures.Kind kind)
            throws Exception {
        AtomicInteger seen = new AtomicInteger();
        ScriptedServer.Script dropFirst = (query, protocol) ->
                seen.getAndIncrement() == 0 ? List.of() : Replies.one(Replies.answer(query));
        try (ScriptedServer measured = ScriptedServer.start(answering());
                ScriptedServer lossy = ScriptedServer.start(dropFirst);
                Transport transport = kind.open(slowFirstWait())) {
            ask(transport, measured.address()); // the run now knows a round trip

            Exchange exchange = ask(transport, lossy.address());

            assertThat(exchange.answered()).isTrue();
            assertThat(exchange.attempts()).singleElement().satisfies(a -> {
                assertThat(a.hedged()).isTrue();
                assertThat(a.hedge().answered()).isTrue();
                assertThat(a.hedge().queryId()).isEqualTo(id(lossy.received().get(1).query()));
                assertThat(a.timeout()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            });
            assertThat(lossy.received()).hasSize(2);
            assertThat(lossy.received().get(0).from().getPort()).isNotEqualTo(lossy.received().get(1).from().getPort());
            assertThat(TransportFixtures.Kind.openSockets(transport)).isZero();
        }
    }

    @Test
    void beforeAnyRoundTripIsMeasuredNothingIsHedged() throws Exception {
        try (ScriptedServer silent = ScriptedServer.start(TransportFixtures.silent());
                Transport transport = Transport.create(TransportFixtures.quick().withTries(1).withEdns(false, 1232))) {
            Exchange exchange = ask(transport, silent.address());

            assertThat(exchange.attempts()).singleElement().satisfies(a -> assertThat(a.hedged()).isFalse());
            assertThat(silent.received()).hasSize(1);
        }
    }

    @Test
    void aSilentServerGetsOneHedgeOnItsFirstTryCountedAmongItsTriesThenTheRegularDoublingTries() throws Exception {
        try (ScriptedServer measured = ScriptedServer.start(answering());
                ScriptedServer silent = ScriptedServer.start(TransportFixtures.silent());
                DnsTransport transport = new DnsTransport(TransportOptions.defaults().withTries(3)
                        .withInitialTimeout(Duration.ofMillis(400)).withMaxTimeout(Duration.ofMillis(400))
                        .withEdns(false, TransportOptions.DEFAULT_EDNS_SIZE))) {
            ask(transport, measured.address());

            Exchange exchange = ask(transport, silent.address());

            assertThat(exchange.answered()).isFalse();
            assertThat(exchange.attempts()).extracting(Attempt::hedged).containsExactly(true, false);
            assertThat(silent.received()).hasSize(3);
        }
    }

    /** -r 1 is one datagram, even to a server the hedge and the try without EDNS would have been sent to. */
    @Test
    void oneTryIsOneDatagramWithoutHedgeNorTryWithoutEdns() throws Exception {
        try (ScriptedServer measured = ScriptedServer.start(answering());
                ScriptedServer silent = ScriptedServer.start(TransportFixtures.silent());
                DnsTransport transport = new DnsTransport(TransportOptions.defaults().withTries(1)
                        .withInitialTimeout(Duration.ofMillis(400)).withMaxTimeout(Duration.ofMillis(400)))) {
            ask(transport, measured.address());

            Exchange exchange = ask(transport, silent.address());

            assertThat(exchange.attempts()).singleElement().satisfies(a -> assertThat(a.hedged()).isFalse());
            assertThat(silent.received()).hasSize(1);
            assertThat(silent.received().get(0).query().getOPT()).isNotNull();
        }
    }

    /**
     * -r 3 to a silent server: the first query, its hedge (both with EDNS), then the third and last without EDNS:
     * three datagrams. With -r 2 there is no hedge, since the second query must be the one without EDNS.
     */
    @Test
    void theHedgeAndTheTryWithoutEdnsShareTheTries() throws Exception {
        for (int tries : new int[] {2, 3}) {
            try (ScriptedServer measured = ScriptedServer.start(answering());
                    ScriptedServer silent = ScriptedServer.start(TransportFixtures.silent());
                    DnsTransport transport = new DnsTransport(TransportOptions.defaults().withTries(tries)
                            .withInitialTimeout(Duration.ofMillis(400)).withMaxTimeout(Duration.ofMillis(400)))) {
                ask(transport, measured.address());

                Exchange exchange = ask(transport, silent.address());

                assertThat(silent.received()).as("-r %d", tries).hasSize(tries);
                assertThat(silent.received()).extracting(r -> r.query().getOPT() != null).as("-r %d", tries)
                        .containsExactlyElementsOf(tries == 3 ? List.of(true, true, false) : List.of(true, false));
                assertThat(exchange.attempts()).extracting(Attempt::hedged)
                        .containsExactlyElementsOf(tries == 3 ? List.of(true, false) : List.of(false, false));
            }
        }
    }
}
