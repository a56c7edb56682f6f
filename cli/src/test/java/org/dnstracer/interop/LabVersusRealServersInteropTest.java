package org.dnstracer.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.dnstracer.lab.Lab;
import org.dnstracer.lab.LabDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Our built-in lab server against real servers loaded with the same zone files: Knot serves
 * example.com (the lab's ns1.example.com) and content.tricky.org (ns1.content.tricky.org), and NSD serves com and
 * net (the lab's
 * a.gtld-servers.net). For each question the AA flag, the rcode and the answer section must be
 * the same; the authority section too, except beside a positive answer, where adding the zone's
 * NS RRset is optional (Knot never does, NSD does).
 */
@Tag("interop")
class LabVersusRealServersInteropTest {
    private static final Path ZONES = Path.of(System.getProperty("user.dir"), "src/main/resources/lab/default");
    private static final String KNOT_IP = "127.54.200.1";
    private static final String NSD_IP = "127.54.200.2";
    private static Lab lab;
    private static RealServer knot;
    private static RealServer nsd;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        for (String tool : List.of("/usr/sbin/knotd", "/usr/sbin/nsd")) {
            Skip.unless(Files.isExecutable(Path.of(tool)) ? Optional.empty()
                    : Optional.of("lab-vs-real needs " + tool + " (Debian knot, nsd)"));
        }
        Skip.unless(Files.isDirectory(ZONES) ? Optional.empty()
                : Optional.of("lab-vs-real needs the lab's zone files in " + ZONES));
        lab = Lab.start(LabDefinition.builtIn(), 0);
        port = portFreeOnBoth();
        knot = RealServer.knot(KNOT_IP, port, ZONES, List.of("example.com", "content.tricky.org"));
        nsd = RealServer.nsd(NSD_IP, port, ZONES, List.of("com", "net"));
        for (String ip : List.of(KNOT_IP, NSD_IP)) {
            awaitAnswer(ip);
        }
    }

    @AfterAll
    static void stop() {
        if (knot != null) {
            knot.close();
        }
        if (nsd != null) {
            nsd.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    /**
     * A port that Knot and NSD (other processes, so no socket can be handed to them) can both bind. It lies below the
     * kernel's ephemeral range (32768 and up): a socket bound to port 0 anywhere on the machine never gets it, so it
     * stays free between this check and the servers' start unless something binds this very number on purpose.
     */
    private static int portFreeOnBoth() throws Exception {
        for (int candidate = 20053; candidate < 20153; candidate++) {
            if (bindable(KNOT_IP, candidate) && bindable(NSD_IP, candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no port in 20053-20152 is free on " + KNOT_IP + " and " + NSD_IP);
    }

    private static boolean bindable(String ip, int candidate) {
        InetSocketAddress address = new InetSocketAddress(ip, candidate);
        try (DatagramSocket udp = new DatagramSocket(address); ServerSocket tcp = new ServerSocket()) {
            tcp.bind(address);
            return udp.isBound() && tcp.isBound();
        } catch (java.io.IOException taken) {
            return false;
        }
    }

    private static void awaitAnswer(String ip) throws Exception {
        for (int i = 0; i < 50; i++) {
            try {
                query(new InetSocketAddress(ip, port), ip.equals(KNOT_IP) ? "example.com" : "com", "SOA");
                return;
            } catch (java.net.SocketTimeoutException | java.net.PortUnreachableException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("no answer from " + ip + ":" + port + "\nknot: " + knot.log() + "\nnsd: " + nsd.log());
    }

    /** One non-recursive UDP query without EDNS; the reply as dnsjava reads it. */
    private static Message query(InetSocketAddress server, String qname, String type) throws Exception {
        Message q = Message.newQuery(Record.newRecord(Name.fromString(qname, Name.root), Type.value(type), DClass.IN));
        q.getHeader().unsetFlag(Flags.RD);
        byte[] wire = q.toWire();
        try (DatagramSocket s = new DatagramSocket()) {
            s.setSoTimeout(2000);
            s.connect(server);
            s.send(new DatagramPacket(wire, wire.length));
            DatagramPacket p = new DatagramPacket(new byte[65535], 65535);
            s.receive(p);
            return new Message(Arrays.copyOf(p.getData(), p.getLength()));
        }
    }

    private static Set<String> section(Message m, int section) {
        Set<String> out = new TreeSet<>();
        for (Record r : m.getSection(section)) {
            out.add(r.toString().toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
        }
        return out;
    }

    @ParameterizedTest(name = "{0} {1} {2}: lab and {0} agree")
    @CsvSource({
        "Knot, www.example.com, A", "Knot, www.example.com, AAAA", "Knot, example.com, MX",
        "Knot, example.com, NS", "Knot, example.com, SOA", "Knot, nx.example.com, A",
        "Knot, www.example.com, TXT", "Knot, web.example.com, A", "Knot, foo.wild.example.com, A",
        "Knot, _sip._udp.example.com, SRV",
        "NSD, www.example.com, A", "NSD, www.glueless.com, A", "NSD, nothing-here.com, A",
        "NSD, com, NS", "NSD, com, SOA", "NSD, www.lame.com, A",
        // the healthy-but-tricky content zone (lab: ns1.content.tricky.org): wildcard, empty non-terminal,
        // DNAME, CNAME into another zone, a name that does not exist
        "Knot, x.wild.content.tricky.org, A", "Knot, b.ent.content.tricky.org, A",
        "Knot, www.dname.content.tricky.org, A", "Knot, alias.content.tricky.org, A",
        "Knot, nothing.content.tricky.org, A"})
    void sameAnswerAsRealServer(String software, String qname, String type) throws Exception {
        boolean knotRole = software.equals("Knot");
        String labServer = qname.endsWith("content.tricky.org") ? "ns1.content.tricky.org"
                : knotRole ? "ns1.example.com" : "a.gtld-servers.net";
        InetAddress labIp = lab.server(labServer).addresses().get(0);
        Message ours = query(new InetSocketAddress(labIp, lab.port()), qname, type);
        Message real = query(new InetSocketAddress(knotRole ? KNOT_IP : NSD_IP, port), qname, type);
        String both = "\n--- lab:\n" + ours + "\n--- " + software + ":\n" + real;

        assertThat(ours.getHeader().getFlag(Flags.AA)).as("AA" + both).isEqualTo(real.getHeader().getFlag(Flags.AA));
        assertThat(Rcode.string(ours.getRcode())).as("rcode" + both).isEqualTo(Rcode.string(real.getRcode()));
        assertThat(section(ours, Section.ANSWER)).as("answer" + both).isEqualTo(section(real, Section.ANSWER));
        boolean positive = real.getHeader().getFlag(Flags.AA) && !real.getSection(Section.ANSWER).isEmpty();
        if (!positive) {
            assertThat(section(ours, Section.AUTHORITY)).as("authority" + both)
                    .isEqualTo(section(real, Section.AUTHORITY));
        }
    }
}
