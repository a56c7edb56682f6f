package org.dnstracer.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dnstracer.lab.Lab;
import org.dnstracer.lab.LabDefinition;
import org.dnstracer.lab.LabServer;
import org.dnstracer.model.Names;
import org.dnstracer.model.Question;
import org.dnstracer.model.StartServer;
import org.dnstracer.net.MultiplexedTransport;
import org.dnstracer.net.Transport;
import org.dnstracer.net.TransportOptions;
import org.dnstracer.trace.RootHints;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * The per-address rate, measured where it matters: at the lab's servers, from their own query counters. Bounds
 * only: no window of the run sees more than the burst plus the rate times its length (with a little slack for
 * the scheduling of a loaded machine), and the run cannot be faster than the rate allows.
 */
class BulkRateOnLabTest {
    private static final int NAMES = 40;
    private static final double RATE = 10;
    private static final int BURST = 4;
    private static final int SLACK = 3;

    private record Sample(long nanos, long ns2, long ns3) {}

    /**
     * Every wait a whole second (the 50 ms floor raised too): on a loaded machine a loopback reply can miss a short
     * wait, and the retry or hedge would be one query more than the exact counts below.
     */
    private static final TransportOptions PATIENT = TransportOptions.defaults()
            .withInitialTimeout(Duration.ofSeconds(1)).withMaxTimeout(Duration.ofSeconds(1));

    @Test
    void noServerAddressGetsMoreThanTheRateOnTheMultiplexedTransport() throws Exception {
        try (Transport transport = new MultiplexedTransport(PATIENT, 256, Duration.ofSeconds(1))) {
            checkRate(transport);
        }
    }

    private static void checkRate(Transport transport) throws Exception {
        try (Lab lab = Lab.start(LabDefinition.builtIn(), 0)) {
            RootHints hints = RootHints.fromRecords(lab.rootHints(), "lab root hints");
            RootHints.Server root = hints.servers().get(0);
            StartServer start = new StartServer(Names.display(root.name()), root.addresses().get(0), Name.root);
            BulkSettings settings = BulkSettings.defaults(start, lab.port(), hints).withParallel(16).withRate(RATE)
                    .withBurst(BURST);
            // ns2 and ns3.example.com have one address each: every name below example.com asks each once
            LabServer ns2 = lab.server("ns2.example.com");
            LabServer ns3 = lab.server("ns3.example.com");
            List<BulkInput> inputs = new ArrayList<>();
            for (int i = 0; i < NAMES; i++) {
                inputs.add(BulkInput.of(new Question(Name.fromConstantString("n" + i + ".example.com."), Type.A)));
            }
            List<Sample> samples = new ArrayList<>();
            AtomicBoolean running = new AtomicBoolean(true);
            Thread sampler = new Thread(() -> {
                while (running.get()) {
                    synchronized (samples) {
                        samples.add(new Sample(System.nanoTime(), ns2.queriesReceived(), ns3.queriesReceived()));
                    }
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            long before2 = ns2.queriesReceived();
            long before3 = ns3.queriesReceived();
            long t0 = System.nanoTime();
            sampler.start();
            BulkSummary summary;
            try (BulkTracer bulk = new BulkTracer(transport, settings)) {
                summary = bulk.run(inputs.iterator(), r -> {});
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            running.set(false);
            sampler.join();

            assertThat(summary.count(NameVerdict.NXDOMAIN)).isEqualTo(NAMES);
            assertThat(ns2.queriesReceived() - before2).isEqualTo(NAMES);
            assertThat(ns3.queriesReceived() - before3).isEqualTo(NAMES);
            assertThat(seconds).as("40 queries to one address at 10/s after a burst of 4")
                    .isGreaterThanOrEqualTo((NAMES - BURST) / RATE);
            synchronized (samples) {
                for (int i = 0; i < samples.size(); i++) {
                    for (int j = i + 1; j < samples.size(); j++) {
                        Sample a = samples.get(i);
                        Sample b = samples.get(j);
                        double window = (b.nanos() - a.nanos()) / 1e9;
                        long allowed = BURST + (long) Math.ceil(RATE * window) + SLACK;
                        assertThat(b.ns2() - a.ns2()).as("ns2 in %.2f s", window).isLessThanOrEqualTo(allowed);
                        assertThat(b.ns3() - a.ns3()).as("ns3 in %.2f s", window).isLessThanOrEqualTo(allowed);
                    }
                }
            }
        }
    }
}
