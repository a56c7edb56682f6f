package org.dnstracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

class LabServeTest {
    @Test
    void servesTheBuiltInLabToOtherToolsThenStops() throws Exception {
        InetAddress ns1 = InetAddress.getByAddress(new byte[] {127, 53, 2, 1});
        int port;
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(ns1, 0))) {
            port = probe.getLocalPort();
        }
        CompletableFuture<CliRun> serving = CompletableFuture.supplyAsync(
                () -> CliRun.of("--lab-serve", "-p", String.valueOf(port), "--lab-for", "3"));

        Message reply = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        try (DatagramSocket client = new DatagramSocket()) {
            client.setSoTimeout(200);
            Message query = Message.newQuery(Record.newRecord(Name.fromString("www.example.com."), Type.A, DClass.IN));
            byte[] wire = query.toWire();
            while (reply == null && System.nanoTime() < deadline) {
                client.send(new DatagramPacket(wire, wire.length, ns1, port));
                byte[] buffer = new byte[4096];
                DatagramPacket in = new DatagramPacket(buffer, buffer.length);
                try {
                    client.receive(in);
                    reply = new Message(java.util.Arrays.copyOf(buffer, in.getLength()));
                } catch (SocketTimeoutException | java.net.PortUnreachableException notYet) {
                    // the lab is still starting
                }
            }
        }
        assertThat(reply).isNotNull();
        assertThat(reply.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(reply.getSection(Section.ANSWER).get(0).rdataToString()).isEqualTo("192.0.2.80");

        CliRun run = serving.get(10, TimeUnit.SECONDS);
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("ns1.example.com").contains("Serving on port " + port);
    }
}
