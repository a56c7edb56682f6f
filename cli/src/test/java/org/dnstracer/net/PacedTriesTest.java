package org.dnstracer.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnstracer.net.TransportFixtures.QNAME;
import static org.dnstracer.net.TransportFixtures.answering;
import static org.dnstracer.net.TransportFixtures.ask;
import static org.dnstracer.net.TransportFixtures.quick;

import java.net.InetAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/** The multiplexed transport under a {@link Pacer}: every packet takes a token, and closing sends nothing more. */
class PacedTriesTest {
    /** A pacer with {@code tokens} tokens and no refill: every later packet would wait an hour. */
    private static final class Tokens implements Pacer {
        final AtomicInteger left;
        final AtomicInteger asked = new AtomicInteger();

        Tokens(int tokens) {
            this.left = new AtomicInteger(tokens);
        }

        @Override
        public long reserve(InetAddress address) {
            asked.incrementAndGet();
            return left.getAndDecrement() > 0 ? 0 : TimeUnit.HOURS.toNanos(1);
        }

        @Override
        public boolean tryTake(InetAddress address) {
            asked.incrementAndGet();
            return left.getAndUpdate(n -> n > 0 ? n - 1 : n) > 0;
        }
    }

    @Test
    void closingDropsTheTriesWaitingForTheirTokenInsteadOfSendingThem() throws Exception {
        Tokens pacer = new Tokens(1);
        try (ScriptedServer server = ScriptedServer.start(answering())) {
            CompletableFuture<Exchange> waiting;
            try (MultiplexedTransport transport = new MultiplexedTransport(quick(), 8)) {
                assertThat(transport.pace(pacer)).isTrue();
                assertThat(ask(transport, server.address()).answered()).isTrue(); // the one token
                waiting = transport.exchange(server.address(), QNAME, Type.A);
                // the second exchange asked for its token and waits for it
                while (pacer.asked.get() < 2) {
                    Thread.sleep(1);
                }
                assertThat(waiting).isNotDone();
            }
            Exchange dropped = waiting.get(5, TimeUnit.SECONDS);
            assertThat(dropped.answered()).isFalse();
            assertThat(dropped.attempts()).singleElement()
                    .satisfies(a -> assertThat(a.error()).isEqualTo("transport closed before the query was sent"));
            assertThat(server.received()).hasSize(1);
        }
    }

    @Test
    void aHedgeWithoutATokenIsNotSentAndTheTryGoesOnUnhedged() throws Exception {
        // one token per try: the measuring query, then the silent server's first try; none for its hedge
        try (ScriptedServer measured = ScriptedServer.start(answering());
                ScriptedServer silent = ScriptedServer.start(TransportFixtures.silent());
                MultiplexedTransport transport = new MultiplexedTransport(quick().withTries(3), 8)) {
            Tokens pacer = new Tokens(2);
            transport.pace(pacer);
            ask(transport, measured.address());
            CompletableFuture<Exchange> exchange = transport.exchange(silent.address(), QNAME, Type.A);
            // the first try ends, unhedged, and the second waits for a token that does not come
            long guard = System.nanoTime() + TimeUnit.SECONDS.toNanos(10); // against a hang only, not a timing
            while (pacer.asked.get() < 4 && System.nanoTime() < guard) {
                Thread.sleep(1);
            }
            transport.close();
            assertThat(pacer.asked.get()).as("try 1, its hedge, try 2, after the measuring query").isEqualTo(4);
            Exchange e = exchange.get(5, TimeUnit.SECONDS);
            assertThat(e.attempts().get(0).hedged()).isFalse();
            assertThat(silent.received()).hasSize(1);
        }
    }
}
