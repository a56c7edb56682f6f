package org.dnstracer.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dnstracer.net.TransportFixtures.QNAME;
import static org.dnstracer.net.TransportFixtures.answering;
import static org.dnstracer.net.TransportFixtures.ask;
import static org.dnstracer.net.TransportFixtures.quick;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.dnstracer.net.ScriptedServer.Reply;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

class DnsTransportLifecycleTest {
    private static final TransportOptions PATIENT = TransportOptions.defaults()
            .withTries(1).withInitialTimeout(Duration.ofSeconds(10)).withMaxTimeout(Duration.ofSeconds(10));

    @Test
    void closeLeavesNoThreadsOfTheTransportBehind() throws Exception {
        String prefix;
        try (ScriptedServer server = ScriptedServer.start(answering())) {
            DnsTransport transport = new DnsTransport(quick().withMaxInFlight(4));
            prefix = transport.threadNamePrefix();
            List<CompletableFuture<Exchange>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(transport.exchange(server.address(), QNAME, Type.A));
            }
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
            assertThat(LiveThreads.named(prefix)).isNotEmpty();
            transport.close();
        }
        assertThat(LiveThreads.named(prefix)).isEmpty();
    }

    @Test
    void closeCompletesWaitingAndQueuedExchangesAsTimeouts() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(TransportFixtures.silent())) {
            DnsTransport transport = new DnsTransport(PATIENT.withMaxInFlight(1));
            CompletableFuture<Exchange> waiting = transport.exchange(server.address(), QNAME, Type.A);
            CompletableFuture<Exchange> queued = transport.exchange(server.address(), QNAME, Type.AAAA);
            awaitReceived(server, 1);

            transport.close();

            Exchange first = waiting.get(5, TimeUnit.SECONDS);
            Exchange second = queued.get(5, TimeUnit.SECONDS);
            assertThat(first.answered()).isFalse();
            assertThat(first.lastResult()).isEqualTo(AttemptResult.TIMEOUT);
            assertThat(first.attempts().get(0).error()).isEqualTo("transport closed");
            assertThat(second.lastResult()).isEqualTo(AttemptResult.TIMEOUT);
            assertThat(second.attempts()).singleElement().satisfies(a -> {
                assertThat(a.error()).isEqualTo("transport closed before the query was sent");
                assertThat(a.sent()).isNotNull();
            });
            assertThat(LiveThreads.named(transport.threadNamePrefix())).isEmpty();
        }
    }

    @Test
    void anExchangeAfterCloseCompletesAtOnceWithoutSending() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(answering())) {
            Transport transport = Transport.create(quick());
            transport.close();
            transport.close(); // idempotent
            Exchange exchange = ask(transport, server.address());
            assertThat(exchange.answered()).isFalse();
            assertThat(exchange.lastResult()).isEqualTo(AttemptResult.TIMEOUT);
            assertThat(server.received()).isEmpty();
        }
    }

    @Test
    void theDefaultPoolNeverHoldsMoreThanTwentyFourThreads() throws Exception {
        // a fixed pool starts one thread per submitted task until it is full, so 100 tasks reach any cap at once
        try (ScriptedServer server = ScriptedServer.start(TransportFixtures.silent())) {
            DnsTransport transport = new DnsTransport(PATIENT);
            try {
                for (int i = 0; i < 100; i++) {
                    transport.exchange(server.address(), QNAME, Type.A);
                }
                assertThat(LiveThreads.named(transport.threadNamePrefix())).hasSize(TransportOptions.DEFAULT_MAX_IN_FLIGHT);
                assertThat(TransportOptions.DEFAULT_MAX_IN_FLIGHT).isEqualTo(24);
            } finally {
                transport.close();
            }
        }
    }

    @Test
    void moreThanTheCapInFlightIsRefused() {
        assertThatThrownBy(() -> TransportOptions.defaults().withMaxInFlight(TransportOptions.MAX_IN_FLIGHT + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(TransportOptions.defaults().withMaxInFlight(0).maxInFlight())
                .isEqualTo(TransportOptions.DEFAULT_MAX_IN_FLIGHT);
    }

    @Test
    void atMostMaxInFlightQueriesAwaitRepliesAtOnce() throws Exception {
        Duration hold = Duration.ofMillis(200);
        ScriptedServer.Script slow = (query, protocol) -> List.of(Reply.of(Replies.answer(query)).after(hold));
        try (ScriptedServer server = ScriptedServer.start(slow);
                Transport transport = Transport.create(PATIENT.withMaxInFlight(2))) {
            List<CompletableFuture<Exchange>> futures = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                futures.add(transport.exchange(server.address(), QNAME, Type.A));
            }
            for (CompletableFuture<Exchange> f : futures) {
                assertThat(f.get(10, TimeUnit.SECONDS).answered()).isTrue();
            }
            // query j found query i still unanswered if it arrived before i's reply could even have been sent;
            // delays only ever push replies later, so this cannot overcount
            List<Long> arrivals = server.received().stream().map(ScriptedServer.Received::atNanos).sorted().toList();
            int maxOutstanding = 0;
            for (int j = 0; j < arrivals.size(); j++) {
                int outstanding = 1;
                for (int i = 0; i < j; i++) {
                    if (arrivals.get(i) + hold.toNanos() > arrivals.get(j)) {
                        outstanding++;
                    }
                }
                maxOutstanding = Math.max(maxOutstanding, outstanding);
            }
            assertThat(arrivals).hasSize(5);
            assertThat(maxOutstanding).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void rejectsARelativeQueryNameAtOnce() {
        try (Transport transport = Transport.create(quick())) {
            ServerAddress anywhere = new ServerAddress(ScriptedServer.loopback(), 53);
            assertThatThrownBy(() -> transport.exchange(anywhere, Replies.name("relative"), Type.A))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void closingFromACallbackOnATransportThreadDoesNotStall() throws Exception {
        // the server answers only once the callback is attached, so completion (and the callback) happen on the
        // transport's thread
        CountDownLatch attached = new CountDownLatch(1);
        ScriptedServer.Script afterAttaching = (query, protocol) -> {
            try {
                attached.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Replies.one(Replies.answer(query));
        };
        try (ScriptedServer server = ScriptedServer.start(afterAttaching)) {
            DnsTransport transport = TransportFixtures.patient(quick());
            CompletableFuture<String> closedOn = transport.exchange(server.address(), QNAME, Type.A)
                    .thenApply(exchange -> {
                        transport.close();
                        return Thread.currentThread().getName();
                    });
            attached.countDown();
            assertThat(closedOn.get(10, TimeUnit.SECONDS)).startsWith(transport.threadNamePrefix());
        }
    }

    private static void awaitReceived(ScriptedServer server, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.received().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(server.received()).hasSizeGreaterThanOrEqualTo(count);
    }
}
