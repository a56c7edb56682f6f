package org.dnstracer.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnstracer.testkit.FakeNetwork.ip;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.dnstracer.net.AttemptResult;
import org.dnstracer.net.Exchange;
import org.dnstracer.net.ServerAddress;
import org.dnstracer.testkit.FakeNetwork;
import org.dnstracer.testkit.Replies;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/** Recording a run's exchanges and answering from them, step by step, without sending anything. */
class ReplayTransportTest {
    private static final ServerAddress NS1 = new ServerAddress(ip("192.0.2.1"), 53);
    private static final Name ZONE = Name.fromConstantString("example.com.");

    /** A server that answers each DNSKEY query with another TTL, so that two exchanges can be told apart. */
    private static FakeNetwork counting(AtomicInteger asked) {
        return new FakeNetwork().server("192.0.2.1", q -> Replies.answer(q,
                "example.com. " + asked.incrementAndGet() + " IN DNSKEY 257 3 13 "
                        + "mdsswUyr3DPW132mOi8V9xESWE8jTo0dxCjjnopKl+GqJxpVXckHAeF+KkxLbxILfDLUT0rAK9iUzy1L53eKGQ=="));
    }

    private static long ttl(Exchange e) {
        return e.reply().getSection(org.xbill.DNS.Section.ANSWER).get(0).getTTL();
    }

    @Test
    void aQuestionTheSavedRunNeverAskedIsASendErrorSayingSo() {
        try (ReplayTransport replay = new ReplayTransport(List.of())) {
            Exchange e = replay.exchange(NS1, ZONE, Type.A).join();
            assertThat(e.answered()).isFalse();
            assertThat(e.lastResult()).isEqualTo(AttemptResult.SEND_ERROR);
            assertThat(e.attempts()).singleElement().satisfies(a -> {
                assertThat(a.error()).isEqualTo("not in the saved trace");
                assertThat(a.sent().getQuestion().getName()).isEqualTo(ZONE);
            });
        }
    }

    @Test
    void eachStepOfTheRunGetsItsOwnRecordedExchangeForTheSameQuestion() {
        AtomicInteger asked = new AtomicInteger();
        List<RecordedExchange> recorded;
        Exchange traced;
        Exchange fetched;
        try (RecordingTransport recording = new RecordingTransport(counting(asked))) {
            recording.phase(Phase.TRACE);
            traced = recording.exchange(NS1, ZONE, Type.DNSKEY).join();
            recording.phase(Phase.DNSSEC);
            fetched = recording.exchange(NS1, ZONE, Type.DNSKEY).join();
            recorded = recording.recorded();
        }
        assertThat(ttl(traced)).isEqualTo(1);
        assertThat(ttl(fetched)).isEqualTo(2);
        assertThat(recorded).extracting(RecordedExchange::phase).containsExactly(Phase.TRACE, Phase.DNSSEC);
        assertThat(recorded.get(0).exchange()).isSameAs(traced); // the engine got the wrapped transport's own
        try (ReplayTransport replay = new ReplayTransport(recorded)) {
            replay.phase(Phase.DNSSEC); // asked in the other order: still each step's own
            assertThat(ttl(replay.exchange(NS1, ZONE, Type.DNSKEY).join())).isEqualTo(2);
            replay.phase(Phase.TRACE);
            assertThat(ttl(replay.exchange(NS1, ZONE, Type.DNSKEY).join())).isEqualTo(1);
            // asked once more than recorded: not sent, said so
            assertThat(replay.exchange(NS1, ZONE, Type.DNSKEY).join().attempts().get(0).error())
                    .isEqualTo(ReplayTransport.NOT_IN_SAVED_TRACE);
        }
        assertThat(asked).hasValue(2);
    }

    @Test
    void eachPlaceInTheTreeGetsItsOwnExchangeWhenAQuestionIsAskedOncePerPlace() {
        AtomicInteger asked = new AtomicInteger();
        List<RecordedExchange> recorded;
        try (RecordingTransport recording = new RecordingTransport(counting(asked))) {
            recording.exchange(NS1, ZONE, Type.DNSKEY, List.of(ip("127.0.0.1"))).join();
            recording.exchange(NS1, ZONE, Type.DNSKEY, List.of(ip("127.0.0.2"))).join();
            recorded = recording.recorded();
        }
        try (ReplayTransport replay = new ReplayTransport(recorded)) {
            assertThat(ttl(replay.exchange(NS1, ZONE, Type.DNSKEY, List.of(ip("127.0.0.2"))).join())).isEqualTo(2);
            assertThat(ttl(replay.exchange(NS1, ZONE, Type.DNSKEY, List.of(ip("127.0.0.1"))).join())).isEqualTo(1);
        }
    }

    @Test
    void whatTheLiveRunDidNotWaitForNeverArrivesOnReplay() {
        CompletableFuture<Void> gate = new CompletableFuture<>();
        FakeNetwork network = new FakeNetwork().gate("192.0.2.1", gate)
                .server("192.0.2.1", q -> Replies.answer(q, "example.com. 60 IN A 192.0.2.80"));
        List<RecordedExchange> recorded;
        try (RecordingTransport recording = new RecordingTransport(network)) {
            recording.phase(Phase.TRACE);
            CompletableFuture<Exchange> pending = recording.exchange(NS1, ZONE, Type.A);
            recording.phase(Phase.CHECK); // the trace is over: it did not wait for the reply
            gate.complete(null);
            assertThat(pending.join().answered()).isTrue();
            recorded = recording.recorded();
        }
        assertThat(recorded).singleElement().satisfies(r -> assertThat(r.late()).isTrue());
        CompletableFuture<Exchange> replayed;
        try (ReplayTransport replay = new ReplayTransport(recorded)) {
            replayed = replay.exchange(NS1, ZONE, Type.A);
            assertThat(replayed).isNotDone();
        }
        assertThat(replayed.join().attempts().get(0).error()).isEqualTo(ReplayTransport.NOT_IN_SAVED_TRACE);
    }
}
