package org.dnstracer.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * {@code --rate} bounds packets, not exchanges: counted at a silent and at a lossy server of the lab, whose
 * exchanges are where tries, hedges and the try without EDNS multiply the datagrams. Whatever the timing, a token
 * bucket lets at most {@code burst + rate * t} leave in {@code t} seconds, so over the whole run (from before the
 * first query until the transport is closed) each server got at most that many: a count, checked against the time
 * the run took, not a check of how long it took.
 */
class BulkPacketRateOnLabTest {
    private static final int NAMES = 8;
    private static final double RATE = 4;
    private static final int BURST = 4;

    /** Short waits, so that the silent server's exchanges end quickly; the floor keeps them so. */
    private static final TransportOptions QUICK = TransportOptions.defaults()
            .withInitialTimeout(Duration.ofMillis(200)).withMaxTimeout(Duration.ofMillis(400));

    @Test
    void aSilentAndALossyServerGetNoMoreDatagramsThanTheRateAllows() throws Exception {
        try (Lab lab = Lab.start(LabDefinition.builtIn(), 0)) {
            RootHints hints = RootHints.fromRecords(lab.rootHints(), "lab root hints");
            RootHints.Server root = hints.servers().get(0);
            StartServer start = new StartServer(Names.display(root.name()), root.addresses().get(0), Name.root);
            BulkSettings settings = BulkSettings.defaults(start, lab.port(), hints).withParallel(16).withRate(RATE)
                    .withBurst(BURST);
            // ns2 and ns3.example.com have one address each, and every name below example.com is asked of both
            LabServer silent = lab.server("ns2.example.com");
            LabServer lossy = lab.server("ns3.example.com");
            silent.setBehaviour(silent.behaviour().silent());
            lossy.setBehaviour(lossy.behaviour().withLoss(0.5, 22));
            List<BulkInput> inputs = new ArrayList<>();
            for (int i = 0; i < NAMES; i++) {
                inputs.add(BulkInput.of(new Question(Name.fromConstantString("n" + i + ".example.com."), Type.A)));
            }
            long silentBefore = silent.queriesReceived();
            long lossyBefore = lossy.queriesReceived();
            long t0 = System.nanoTime();
            BulkSummary summary;
            try (Transport transport = new MultiplexedTransport(QUICK, 256);
                    BulkTracer bulk = new BulkTracer(transport, settings)) {
                summary = bulk.run(inputs.iterator(), r -> {});
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long toSilent = silent.queriesReceived() - silentBefore;
            long toLossy = lossy.queriesReceived() - lossyBefore;
            long allowed = BURST + (long) Math.ceil(RATE * seconds);
            System.out.printf("packet rate: %d names in %.2f s: silent server %d datagrams, lossy %d, bound %d%n",
                    NAMES, seconds, toSilent, toLossy, allowed);

            // the run did reach both servers, more than once each: the bound is not met by asking nothing
            assertThat(summary.count(NameVerdict.NXDOMAIN)).isEqualTo(NAMES);
            assertThat(toSilent).isGreaterThan(BURST);
            assertThat(toLossy).isGreaterThanOrEqualTo(NAMES);
            assertThat(toSilent).as("datagrams to the silent server in %.2f s", seconds).isLessThanOrEqualTo(allowed);
            assertThat(toLossy).as("datagrams to the lossy server in %.2f s", seconds).isLessThanOrEqualTo(allowed);
        }
    }
}
