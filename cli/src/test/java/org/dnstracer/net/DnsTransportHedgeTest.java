package org.dnstracer.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnstracer.net.TransportFixtures.answering;
import static org.dnstracer.net.TransportFixtures.ask;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DnsTransportHedgeTest {
    /** A first wait of a second for new servers; the hedge, due after three loopback round trips, is far sooner. */
    private static TransportOptions slowFirstWait() {
        return TransportOptions.defaults().withTries(3)
                .withInitialTimeout(Duration.ofSeconds(2)).withMaxTimeout(Duration.ofSeconds(5));
    }

    @Test
    void aNewServerWhoseFirstQueryIsLostAnswersTheHedgeWithinTheFirstTry() throws Exception {
        AtomicInteger seen = new AtomicInteger();
        ScriptedServer.Script dropFirst = (query, protocol) ->
                seen.getAndIncrement() == 0 ? List.of() : Replies.one(Replies.answer(query));
        try (ScriptedServer measured = ScriptedServer.start(answering());
                ScriptedServer lossy = ScriptedServer.start(dropFirst);
                DnsTransport transport = new DnsTransport(slowFirstWait())) {
            ask(transport, measured.address()); // the run now knows a round trip

            Exchange exchange = ask(transport, lossy.address());

            assertThat(exchange.answered()).isTrue();
            assertThat(exchange.attempts()).singleElement().satisfies(a -> {
                assertThat(a.hedged()).isTrue();
                assertThat(a.hedge().answered()).isTrue();
                assertThat(a.timeout()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            });
            assertThat(lossy.received()).hasSize(2);
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
    void aSilentServerGetsOneHedgeOnItsFirstTryThenTheRegularDoublingTries() throws Exception {
        try (ScriptedServer measured = ScriptedServer.start(answering());
                ScriptedServer silent = ScriptedServer.start(TransportFixtures.silent());
                DnsTransport transport = new DnsTransport(TransportOptions.defaults().withTries(3)
                        .withInitialTimeout(Duration.ofMillis(400)).withMaxTimeout(Duration.ofMillis(400))
                        .withEdns(false, TransportOptions.DEFAULT_EDNS_SIZE))) {
            ask(transport, measured.address());

            Exchange exchange = ask(transport, silent.address());

            assertThat(exchange.answered()).isFalse();
            assertThat(exchange.attempts()).extracting(Attempt::hedged).containsExactly(true, false, false);
            assertThat(silent.received()).hasSize(4);
        }
    }
}
