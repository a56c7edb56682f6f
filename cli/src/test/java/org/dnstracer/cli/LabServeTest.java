package org.dnstracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Writer;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

class LabServeTest {
    private static final Pattern SERVING = Pattern.compile("Serving on port (\\d+) ");

    /** Completes with the port the lab says it serves on, as soon as that line is printed. */
    private static final class PortWatcher extends Writer {
        final CompletableFuture<Integer> port = new CompletableFuture<>();
        private final StringBuilder seen = new StringBuilder();

        @Override
        public synchronized void write(char[] buffer, int offset, int length) {
            seen.append(buffer, offset, length);
            Matcher m = SERVING.matcher(seen);
            if (m.find()) {
                port.complete(Integer.parseInt(m.group(1)));
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }

    @Test
    void servesTheBuiltInLabToOtherToolsThenStops() throws Exception {
        InetAddress ns1 = InetAddress.getByAddress(new byte[] {127, 53, 2, 1});
        PortWatcher watcher = new PortWatcher();
        // no -p: the lab binds a free port itself and says which, so no other socket can take it in between
        CompletableFuture<CliRun> serving =
                CompletableFuture.supplyAsync(() -> CliRun.teeing(watcher, "--lab-serve", "--lab-for", "3"));
        serving.whenComplete((run, e) -> watcher.port.completeExceptionally(
                new AssertionError("--lab-serve ended without saying its port: " + (run == null ? e : run))));
        int port = watcher.port.get(20, TimeUnit.SECONDS);

        Message query = Message.newQuery(Record.newRecord(Name.fromString("www.example.com."), Type.A, DClass.IN));
        Message reply;
        try (DatagramSocket client = new DatagramSocket()) {
            client.setSoTimeout(4000);
            byte[] wire = query.toWire();
            client.send(new DatagramPacket(wire, wire.length, ns1, port));
            byte[] buffer = new byte[4096];
            DatagramPacket in = new DatagramPacket(buffer, buffer.length);
            client.receive(in);
            reply = new Message(Arrays.copyOf(buffer, in.getLength()));
        }
        assertThat(reply.getHeader().getID()).isEqualTo(query.getHeader().getID());
        assertThat(reply.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(reply.getSection(Section.ANSWER).get(0).rdataToString()).isEqualTo("192.0.2.80");

        CliRun run = serving.get(20, TimeUnit.SECONDS);
        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("ns1.example.com").contains("Serving on port " + port + " for 3 s");
    }
}
