package org.dnstracer.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.dnstracer.model.Question;
import org.dnstracer.model.StartServer;
import org.dnstracer.testkit.FakeNetwork;
import org.dnstracer.testkit.Replies;
import org.dnstracer.testkit.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

class BulkTracerTest {
    /**
     * root 127.0.0.1 -> com on 127.0.1.1 and 127.0.1.2 -> zoneN.com on 127.0.2.N (one server each, with glue); each
     * zone answers www, and says NXDOMAIN for anything else.
     */
    static FakeNetwork zones(int count) {
        FakeNetwork net = new FakeNetwork();
        net.server("127.0.0.1", q -> Replies.referral(q,
                "com. 172800 IN NS a.gtld.test.", "com. 172800 IN NS b.gtld.test.",
                "a.gtld.test. 172800 IN A 127.0.1.1", "b.gtld.test. 172800 IN A 127.0.1.2"));
        for (String tld : List.of("127.0.1.1", "127.0.1.2")) {
            net.server(tld, q -> {
                Name zone = new Name(q.name(), q.name().labels() - 3);
                int n = Integer.parseInt(zone.getLabelString(0).substring(4));
                return Replies.referral(q, zone + " 172800 IN NS ns." + zone,
                        "ns." + zone + " 172800 IN A 127.0.2." + n);
            });
        }
        for (int i = 1; i <= count; i++) {
            String zone = "zone" + i + ".com.";
            net.server("127.0.2." + i, q -> q.name().getLabelString(0).equals("www")
                    ? Replies.answer(q, q.name() + " 300 IN A 192.0.2.1")
                    : Replies.nxdomain(q, zone + " 300 IN SOA ns." + zone + " h." + zone + " 1 2 3 4 5"));
        }
        return net;
    }

    static BulkSettings settings() {
        return BulkSettings.defaults(new StartServer("a.root.test", FakeNetwork.ip("127.0.0.1"), Name.root), 53,
                Scenarios.request("x.").rootHints()).withRate(0);
    }

    static BulkInput input(long line, String name) {
        return BulkInput.of(line, name, new Question(Name.fromConstantString(name + "."), Type.A));
    }

    @Test
    void resultsComeInInputOrderEvenWhenTheFirstNameIsTheLastToFinish() {
        FakeNetwork net = zones(5);
        CompletableFuture<Void> gate = new CompletableFuture<>();
        net.gate("127.0.2.1", gate);
        List<BulkInput> inputs = new ArrayList<>();
        inputs.add(input(1, "www.zone1.com"));
        IntStream.rangeClosed(2, 5).forEach(i -> inputs.add(input(i, "www.zone" + i + ".com")));
        List<Long> order = new ArrayList<>();
        // the gated name can only finish once the others are done: the gate opens when they are all traced
        BulkTracer bulk = new BulkTracer(net, settings().withParallel(5));
        CompletableFuture.runAsync(() -> {
            while (net.queriesTo("127.0.2.5") == 0 || net.queriesTo("127.0.2.2") == 0
                    || net.queriesTo("127.0.2.3") == 0 || net.queriesTo("127.0.2.4") == 0) {
                Thread.onSpinWait();
            }
            gate.complete(null);
        });
        BulkSummary summary = bulk.run(inputs.iterator(), r -> order.add(r.input().line()));
        assertThat(order).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(summary.count(NameVerdict.ANSWER)).isEqualTo(5);
    }

    @Test
    void unorderedResultsComeAsNamesFinish() {
        FakeNetwork net = zones(3);
        CompletableFuture<Void> gate = new CompletableFuture<>();
        net.gate("127.0.2.1", gate);
        List<Long> order = new ArrayList<>();
        BulkTracer bulk = new BulkTracer(net, settings().withParallel(3).withOrdered(false));
        bulk.run(List.of(input(1, "www.zone1.com"), input(2, "www.zone2.com"), input(3, "www.zone3.com")).iterator(),
                r -> {
                    order.add(r.input().line());
                    if (order.size() == 2) {
                        gate.complete(null); // the first name is held until two others were handed over
                    }
                });
        assertThat(order).containsExactlyInAnyOrder(1L, 2L, 3L).endsWith(1L);
    }

    @Test
    void aBadInputGivesAnErrorResultInItsPlaceAndTheRunGoesOn() {
        List<BulkResult> results = new ArrayList<>();
        BulkSummary summary = new BulkTracer(zones(1), settings()).run(List.of(input(1, "www.zone1.com"),
                BulkInput.bad(2, "a b c", "expected NAME [TYPE]"), input(3, "nope.zone1.com")).iterator(),
                results::add);
        assertThat(results).extracting(BulkResult::verdict)
                .containsExactly(NameVerdict.ANSWER, NameVerdict.ERROR, NameVerdict.NXDOMAIN);
        assertThat(results.get(1).error()).isEqualTo("expected NAME [TYPE]");
        assertThat(summary.badInputs()).isEqualTo(1);
        assertThat(summary.names()).isEqualTo(3);
    }

    @Test
    void rootAndTldAreAskedOncePerZoneAndEveryZoneServerOncePerName() {
        FakeNetwork net = zones(10);
        List<BulkInput> inputs = new ArrayList<>();
        for (int zone = 1; zone <= 10; zone++) {
            for (int name = 0; name < 10; name++) {
                inputs.add(input(inputs.size() + 1, "n" + name + ".zone" + zone + ".com"));
            }
        }
        // one name at a time: with names in flight together, a referral may be asked again before it is learned
        BulkSummary summary = new BulkTracer(net, settings().withParallel(1)).run(inputs.iterator(), r -> {});
        assertThat(net.queriesTo("127.0.0.1")).isEqualTo(1);
        assertThat(net.queriesTo("127.0.1.1")).isEqualTo(10);
        assertThat(net.queriesTo("127.0.1.2")).isEqualTo(10);
        for (int zone = 1; zone <= 10; zone++) {
            assertThat(net.queriesTo("127.0.2." + zone)).isEqualTo(10);
        }
        assertThat(summary.count(NameVerdict.NXDOMAIN)).isEqualTo(100);
        assertThat(summary.queries()).isEqualTo(1 + 20 + 100);
    }

    @Test
    void aRateNeedsATransportThatPacesItsTries() {
        FakeNetwork net = zones(1); // paces nothing
        assertThatThrownBy(() -> new BulkTracer(net, settings().withRate(1000)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("paces its tries");
        assertThat(net.queriesTo("127.0.0.1")).isZero();
    }

    @Test
    void preparedValuesAreMadeOnTheTracingThreadsAndHandedOverInInputOrder() {
        List<BulkInput> inputs = new ArrayList<>();
        IntStream.rangeClosed(1, 6).forEach(i -> inputs.add(input(i, (i % 2 == 0 ? "www" : "nope") + ".zone" + i + ".com")));
        List<String> prepared = new ArrayList<>();
        Set<String> preparingThreads = ConcurrentHashMap.newKeySet();
        BulkSummary summary = new BulkTracer(zones(6), settings().withParallel(3)).run(inputs.iterator(), r -> {
            preparingThreads.add(Thread.currentThread().getName());
            return r.input().line() + " " + r.verdict();
        }, prepared::add, 12);

        assertThat(prepared).containsExactly("1 NXDOMAIN", "2 ANSWER", "3 NXDOMAIN", "4 ANSWER", "5 NXDOMAIN",
                "6 ANSWER");
        assertThat(preparingThreads).allMatch(name -> name.startsWith("dnstracer-bulk-"));
        assertThat(summary.count(NameVerdict.ANSWER)).isEqualTo(3);
        assertThat(summary.count(NameVerdict.NXDOMAIN)).isEqualTo(3);
    }

    @Test
    void aFailureToPrepareStopsTheRunAsASinkFailureDoes() {
        List<BulkInput> inputs = new ArrayList<>();
        IntStream.rangeClosed(1, 50).forEach(i -> inputs.add(input(i, "www.zone1.com")));
        List<Long> handed = new ArrayList<>();
        BulkTracer bulk = new BulkTracer(zones(1), settings().withParallel(2));

        assertThatThrownBy(() -> bulk.run(inputs.iterator(), r -> {
            if (r.input().line() == 3) {
                throw new IllegalStateException("cannot prepare line 3");
            }
            return r.input().line();
        }, handed::add, 12)).isInstanceOf(IllegalStateException.class).hasMessage("cannot prepare line 3");
        assertThat(handed).containsExactly(1L, 2L);
    }

    @Test
    @Timeout(60)
    void aSlowFirstNameHoldsBackAtMostTheWaitingWindow() {
        FakeNetwork net = zones(2);
        CompletableFuture<Void> gate = new CompletableFuture<>();
        net.gate("127.0.2.1", gate);
        List<BulkInput> inputs = new ArrayList<>();
        inputs.add(input(1, "www.zone1.com"));
        IntStream.rangeClosed(2, 12).forEach(i -> inputs.add(input(i, "www.zone2.com")));
        int waiting = 4;
        AtomicInteger pulled = new AtomicInteger();
        AtomicBoolean beyondWindow = new AtomicBoolean();
        Iterator<BulkInput> source = new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < inputs.size();
            }

            @Override
            public BulkInput next() {
                // the gated first name and the waiting ones hold every place: no further input is read
                if (!gate.isDone() && pulled.get() >= waiting) {
                    beyondWindow.set(true);
                }
                pulled.incrementAndGet();
                return inputs.get(next++);
            }
        };
        CompletableFuture.runAsync(() -> {
            while (pulled.get() < waiting || net.queriesTo("127.0.2.2") < waiting - 1) {
                Thread.onSpinWait();
            }
            gate.complete(null);
        });
        List<Long> order = new ArrayList<>();

        new BulkTracer(net, settings().withParallel(2)).run(source, r -> r.input().line(), order::add, waiting);

        assertThat(beyondWindow).isFalse();
        assertThat(order).containsExactlyElementsOf(LongStream.rangeClosed(1, 12).boxed().toList());
    }
}
