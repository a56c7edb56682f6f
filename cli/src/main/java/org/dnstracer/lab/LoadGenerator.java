package org.dnstracer.lab;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.dnstracer.net.IpAddresses;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Measures how many queries per second the built-in lab answers on loopback, so we know it is not what limits a
 * benchmark. Bounded twice over: it stops after {@code --queries} queries or {@code --seconds} seconds, whichever
 * comes first, and it only ever sends to the lab it started itself (127.53.0.0/16).
 *
 * <pre>java -cp cli/target/dnstracer.jar org.dnstracer.lab.LoadGenerator [--seconds 5] [--queries 1000000] [--clients 4] [--window 32]</pre>
 */
public final class LoadGenerator {
    private static final int MAX_SECONDS = 120;
    private static final long MAX_QUERIES = 50_000_000L;

    private LoadGenerator() {}

    /** A query the built-in lab answers: which server, which name, which type. */
    private record Target(InetAddress server, byte[] wire) {}

    public static void main(String[] args) throws Exception {
        int seconds = 5;
        long queries = 1_000_000;
        int clients = 4;
        int window = 32;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                usage("missing value for " + args[i]);
            }
            String v = args[i + 1];
            switch (args[i]) {
                case "--seconds" -> seconds = Integer.parseInt(v);
                case "--queries" -> queries = Long.parseLong(v);
                case "--clients" -> clients = Integer.parseInt(v);
                case "--window" -> window = Integer.parseInt(v);
                default -> usage("unknown option " + args[i]);
            }
        }
        if (seconds < 1 || seconds > MAX_SECONDS || queries < 1 || queries > MAX_QUERIES
                || clients < 1 || clients > 64 || window < 1 || window > 1024) {
            usage("out of range (seconds 1.." + MAX_SECONDS + ", queries 1.." + MAX_QUERIES
                    + ", clients 1..64, window 1..1024)");
        }
        try (Lab lab = Lab.start(LabDefinition.builtIn(), 0)) {
            Result r = run(lab, seconds, queries, clients, window);
            System.out.printf(Locale.ROOT, "lab: %d servers on port %d%n", lab.servers().size(), lab.port());
            System.out.printf(Locale.ROOT,
                    "sent %d queries, received %d answers in %.2f s with %d clients (window %d): %.0f answers/s%n",
                    r.sent, r.received, r.seconds, clients, window, r.received / r.seconds);
        }
    }

    private static void usage(String problem) {
        System.err.println("LoadGenerator: " + problem);
        System.err.println("usage: LoadGenerator [--seconds S] [--queries N] [--clients C] [--window W]");
        System.exit(2);
    }

    /** What a run measured. */
    record Result(long sent, long received, double seconds) {}

    /** Runs the load against a started lab; used by {@link #main} and by a quick smoke test. */
    static Result run(Lab lab, int seconds, long maxQueries, int clients, int window) throws InterruptedException {
        List<Target> targets = targets();
        AtomicLong sent = new AtomicLong();
        AtomicLong received = new AtomicLong();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int offset = c;
            Thread t = new Thread(() -> client(lab.port(), targets, offset, window, deadline, maxQueries, sent, received),
                    "dnstracer-loadgen-" + c);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Result(sent.get(), received.get(), elapsed);
    }

    private static void client(int port, List<Target> targets, int offset, int window, long deadline, long maxQueries,
            AtomicLong sent, AtomicLong received) {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(literal("127.0.0.1"), 0))) {
            s.setSoTimeout(200);
            s.setReceiveBufferSize(1 << 20);
            byte[] buf = new byte[4096];
            DatagramPacket in = new DatagramPacket(buf, buf.length);
            int next = offset;
            int outstanding = 0;
            while (System.nanoTime() < deadline) {
                // keep `window` queries in flight; a query lost to a full buffer is simply replaced after a timeout
                // claim a query from the shared budget before sending it, so clients never overshoot it together
                while (outstanding < window && sent.getAndUpdate(v -> v < maxQueries ? v + 1 : v) < maxQueries) {
                    Target t = targets.get(next++ % targets.size());
                    s.send(new DatagramPacket(t.wire, t.wire.length, t.server, port));
                    outstanding++;
                }
                if (outstanding == 0) {
                    return; // query budget spent and every answer in
                }
                try {
                    in.setLength(buf.length);
                    s.receive(in);
                    received.incrementAndGet();
                    outstanding--;
                } catch (SocketTimeoutException e) {
                    outstanding = 0;
                }
            }
        } catch (IOException e) {
            System.err.println("LoadGenerator client: " + e.getMessage());
        }
    }

    /** A mix like a trace's: referrals from the root and TLDs, authoritative answers, NXDOMAIN. */
    private static List<Target> targets() {
        String[][] mix = {
            {"127.53.0.1", "www.example.com", "A"},
            {"127.53.0.2", "www.wide.net", "A"},
            {"127.53.1.1", "www.example.com", "A"},
            {"127.53.1.2", "www.wide.net", "A"},
            {"127.53.2.1", "www.example.com", "A"},
            {"127.53.2.2", "www.example.com", "AAAA"},
            {"127.53.2.3", "nope.example.com", "A"},
            {"127.53.2.1", "web.example.com", "A"},
            {"127.53.4.1", "www.wide.net", "A"},
            {"127.53.4.7", "www.wide.net", "A"},
            {"127.53.1.11", "www.e.d.c.b.a.deep.org", "A"},
            {"127.53.3.6", "www.e.d.c.b.a.deep.org", "A"},
        };
        List<Target> targets = new ArrayList<>();
        for (String[] m : mix) {
            try {
                Record q = Record.newRecord(Name.fromString(m[1] + "."), Type.value(m[2]), DClass.IN);
                targets.add(new Target(literal(m[0]), Message.newQuery(q).toWire()));
            } catch (TextParseException e) {
                throw new IllegalStateException(e);
            }
        }
        return targets;
    }

    private static InetAddress literal(String text) {
        return IpAddresses.parseLiteral(text).orElseThrow();
    }
}
