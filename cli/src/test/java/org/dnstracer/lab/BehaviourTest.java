package org.dnstracer.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Each per-server behaviour, switched at runtime on a small lab. */
class BehaviourTest {
    private static final String NS1 = TestLabs.NS1_ADDR;
    private Lab lab;
    private LabClient client;
    private LabServer ns1;

    @BeforeEach
    void start() throws IOException {
        lab = Lab.start(TestLabs.twoServers().build(), 0);
        client = new LabClient(lab.port()).timeout(10_000);
        ns1 = lab.server("ns1.test");
    }

    @AfterEach
    void stop() {
        lab.close();
    }

    @Test
    void normalServerAnswersAndCountsQueries() throws IOException {
        assertThat(ns1.behaviour()).isEqualTo(Behaviour.normal());
        client.udp(NS1, "www.test", Type.A);
        client.tcp(NS1, "www.test", Type.A);
        assertThat(ns1.queriesReceived()).isEqualTo(2);
    }

    @Test
    void delayHoldsEachReplyWithoutSerialisingQueries() throws IOException {
        Duration delay = Duration.ofMillis(500);
        ns1.setBehaviour(Behaviour.normal().withDelay(delay));
        long before = ns1.queriesReceived();
        int queries = 8;
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(LabClient.ip("127.0.0.1"), 0))) {
            s.setSoTimeout(10_000);
            long start = System.nanoTime();
            for (int i = 0; i < queries; i++) {
                byte[] q = LabClient.query("www.test", Type.A).toWire();
                s.send(new DatagramPacket(q, q.length, LabClient.ip(NS1), lab.port()));
            }
            byte[] buf = new byte[1500];
            s.receive(new DatagramPacket(buf, buf.length));
            // a lower bound only: however slow the machine, no reply may leave before its delay is over
            assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(delay.toNanos());
            // a server that slept through each delay in turn would not even have read the second query by now
            assertThat(ns1.queriesReceived() - before).isEqualTo(queries);
            for (int i = 1; i < queries; i++) {
                s.receive(new DatagramPacket(buf, buf.length));
            }
        }
        long start = System.nanoTime();
        new LabClient(lab.port()).timeout(10_000).tcp(NS1, "www.test", Type.A);
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(delay.toNanos());
    }

    @Test
    void lossDropsTheSameQueriesForTheSameSeed() throws IOException {
        // the documented generator: java.util.SplittableRandom(seed), one draw per UDP query, dropped below the loss
        SplittableRandom draws = new SplittableRandom(7);
        List<Boolean> expected = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            expected.add(draws.nextDouble() >= 0.5);
        }
        assertThat(expected).contains(true, false);
        for (int run = 0; run < 2; run++) {
            ns1.setBehaviour(Behaviour.normal().withLoss(0.5, 7));
            assertThat(answeredPattern(expected)).as("run %d", run).isEqualTo(expected);
        }
        // TCP is never lossy
        assertThat(client.tcp(NS1, "www.test", Type.A).getRcode()).isEqualTo(Rcode.NOERROR);
    }

    @Test
    void neighbouringSeedsDrawIndependentlySoOneQueryPerServerIsLostAtTheGivenRate() throws IOException {
        // the benchmark gives each server its own seed (run x 100 + server number) and asks it about once;
        // java.util.Random's first draws for such seeds all lie between 0.59 and 0.77, so none was ever lost
        LabClient patient = new LabClient(lab.port()).timeout(10_000);
        LabClient quick = new LabClient(lab.port()).timeout(150);
        int expectedDrops = 0;
        for (int seed = 101; seed <= 160; seed++) {
            boolean drop = new SplittableRandom(seed).nextDouble() < 0.1;
            expectedDrops += drop ? 1 : 0;
            ns1.setBehaviour(Behaviour.normal().withLoss(0.1, seed));
            boolean answered = (drop ? quick : patient).udp(NS1, "www.test", Type.A) != null;
            assertThat(answered).as("seed %d", seed).isEqualTo(!drop);
        }
        assertThat(expectedDrops).isBetween(1, 20);
    }

    /**
     * Whether each query was answered. An answer is waited for patiently where one is expected, so a busy machine
     * cannot turn it into a drop; where a drop is expected a short wait suffices, as the lab replies at once or never.
     */
    private List<Boolean> answeredPattern(List<Boolean> expected) throws IOException {
        LabClient patient = new LabClient(lab.port()).timeout(10_000);
        LabClient quick = new LabClient(lab.port()).timeout(150);
        List<Boolean> answered = new ArrayList<>();
        for (boolean answerExpected : expected) {
            answered.add((answerExpected ? patient : quick).udp(NS1, "www.test", Type.A) != null);
        }
        return answered;
    }

    @Test
    void refuseAnswersRefusedToEverything() throws IOException {
        ns1.setBehaviour(Behaviour.normal().refuse());
        assertThat(client.udp(NS1, "www.test", Type.A).getRcode()).isEqualTo(Rcode.REFUSED);
        assertThat(client.tcp(NS1, "www.test", Type.A).getRcode()).isEqualTo(Rcode.REFUSED);
    }

    @Test
    void servfailAnswersServfailToEverything() throws IOException {
        ns1.setBehaviour(Behaviour.normal().servfail());
        Message m = client.udp(NS1, "www.test", Type.A);
        assertThat(m.getRcode()).isEqualTo(Rcode.SERVFAIL);
        assertThat(m.getSection(Section.ANSWER)).isEmpty();
    }

    @Test
    void silentServerNeverAnswersOverUdpOrTcp() throws IOException {
        ns1.setBehaviour(Behaviour.normal().silent());
        LabClient quick = new LabClient(lab.port()).timeout(200);
        assertThat(quick.udp(NS1, "www.test", Type.A)).isNull();
        assertThatThrownBy(() -> quick.tcp(NS1, "www.test", Type.A)).isInstanceOf(SocketTimeoutException.class);
        assertThat(ns1.queriesReceived()).isEqualTo(2);
    }

    @Test
    void truncateAlwaysSetsTcOverUdpButTcpAnswersInFull() throws IOException {
        ns1.setBehaviour(Behaviour.normal().truncateAlways());
        Message udp = client.udp(NS1, "www.test", Type.A);
        assertThat(udp.getHeader().getFlag(Flags.TC)).isTrue();
        assertThat(udp.getSection(Section.ANSWER)).isEmpty();
        assertThat(udp.getQuestion().getName().toString()).isEqualTo("www.test.");
        Message tcp = client.tcp(NS1, "www.test", Type.A);
        assertThat(tcp.getHeader().getFlag(Flags.TC)).isFalse();
        assertThat(tcp.getSection(Section.ANSWER)).hasSize(1);
    }

    @Test
    void truncateWithoutOptLeavesTheOptRecordOutOfTruncatedRepliesOnly() throws IOException {
        Message query = LabClient.edns(LabClient.query("www.test", Type.A), 1232);
        ns1.setBehaviour(Behaviour.normal().with(Quirk.TRUNCATE_WITHOUT_OPT));
        Message whole = client.udp(NS1, query);
        assertThat(whole.getHeader().getFlag(Flags.TC)).isFalse();
        assertThat(whole.getOPT()).as("a reply that fits keeps its OPT record").isNotNull();
        ns1.setBehaviour(Behaviour.normal().truncateAlways().with(Quirk.TRUNCATE_WITHOUT_OPT));
        Message truncated = client.udp(NS1, query);
        assertThat(truncated.getHeader().getFlag(Flags.TC)).isTrue();
        assertThat(truncated.getOPT()).isNull();
        assertThat(client.tcp(NS1, query).getOPT()).as("TCP is not truncated").isNotNull();
        ns1.setBehaviour(Behaviour.normal().truncateAlways());
        assertThat(client.udp(NS1, query).getOPT()).as("without the quirk, as NSD and Knot").isNotNull();
    }

    @Test
    void noTcpClosesThePortUntilTheBehaviourIsLifted() throws IOException {
        ns1.setBehaviour(Behaviour.normal().noTcp());
        assertThatThrownBy(() -> client.tcp(NS1, "www.test", Type.A)).isInstanceOf(ConnectException.class);
        assertThat(client.udp(NS1, "www.test", Type.A).getRcode()).isEqualTo(Rcode.NOERROR);
        ns1.setBehaviour(Behaviour.normal());
        assertThat(client.tcp(NS1, "www.test", Type.A).getSection(Section.ANSWER)).hasSize(1);
    }

    @Test
    void noTcpFromTheLabFileKeepsThePortClosedFromTheStart() throws IOException {
        lab.close();
        lab = Lab.start(TestLabs.twoServers().behaviour("ns1.test", Behaviour.normal().noTcp()).build(), 0);
        LabClient c = new LabClient(lab.port());
        assertThatThrownBy(() -> c.tcp(NS1, "www.test", Type.A)).isInstanceOf(ConnectException.class);
        lab.server("ns1.test").setBehaviour(Behaviour.normal());
        assertThat(c.tcp(NS1, "www.test", Type.A).getRcode()).isEqualTo(Rcode.NOERROR);
    }

    @Test
    void wrongIdFirstSendsAMismatchedReplyBeforeTheRightOne() throws IOException {
        ns1.setBehaviour(Behaviour.normal().wrongIdFirst());
        Message q = LabClient.query("www.test", Type.A);
        List<byte[]> replies = client.udpRaw(NS1, q.toWire(), 2);
        assertThat(replies).hasSize(2);
        assertThat(new Message(replies.get(0)).getHeader().getID()).isNotEqualTo(q.getHeader().getID());
        Message right = new Message(replies.get(1));
        assertThat(right.getHeader().getID()).isEqualTo(q.getHeader().getID());
        assertThat(right.getSection(Section.ANSWER)).hasSize(1);
    }

    @Test
    void upwardReferralPointsAtTheRoot() throws IOException {
        ns1.setBehaviour(Behaviour.normal().upwardReferral());
        Message m = client.udp(NS1, "www.test", Type.A);
        assertThat(m.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(m.getHeader().getFlag(Flags.AA)).isFalse();
        assertThat(m.getSection(Section.ANSWER)).isEmpty();
        assertThat(m.getSection(Section.AUTHORITY)).singleElement()
                .satisfies(r -> assertThat(r.getName()).isEqualTo(Name.root))
                .satisfies(r -> assertThat(r.rdataToString()).isEqualTo("a.root.test."));
        assertThat(m.getSection(Section.ADDITIONAL)).extracting(r -> r.rdataToString()).containsExactly(TestLabs.ROOT_ADDR);
    }

    @Test
    void notauthAnswersNotauthToEverything() throws IOException {
        ns1.setBehaviour(Behaviour.normal().notauth());
        Message m = client.udp(NS1, "www.test", Type.A);
        assertThat(m.getRcode()).isEqualTo(Rcode.NOTAUTH);
        assertThat(m.getHeader().getFlag(Flags.AA)).isFalse();
        assertThat(m.getSection(Section.ANSWER)).isEmpty();
    }

    @Test
    void unrelatedReferralPointsAtItsOwnZoneForNamesOutsideIt() throws IOException {
        ns1.setBehaviour(Behaviour.normal().unrelatedReferral());
        Message m = client.udp(NS1, "www.elsewhere.example", Type.A);
        assertThat(m.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(m.getHeader().getFlag(Flags.AA)).isFalse();
        assertThat(m.getSection(Section.ANSWER)).isEmpty();
        assertThat(m.getSection(Section.AUTHORITY)).singleElement()
                .satisfies(r -> assertThat(r.getName()).isEqualTo(Name.fromConstantString("test.")))
                .satisfies(r -> assertThat(r.rdataToString()).isEqualTo("ns1.test."));
        assertThat(m.getSection(Section.ADDITIONAL)).extracting(r -> r.rdataToString()).containsExactly(NS1);
        // its own zone is answered as ever
        Message own = client.udp(NS1, "www.test", Type.A);
        assertThat(own.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(own.getSection(Section.ANSWER)).hasSize(1);
    }

    @Test
    void referralBelowACutHasGlueAndNoAa() throws IOException {
        Message m = client.udp(NS1, "www.sub.test", Type.A);
        assertThat(m.getHeader().getFlag(Flags.AA)).isFalse();
        assertThat(m.getSection(Section.AUTHORITY)).extracting(r -> r.rdataToString()).containsExactly("ns.sub.test.");
        assertThat(m.getSection(Section.ADDITIONAL)).extracting(r -> r.rdataToString()).containsExactly("127.53.9.2");
    }

    @Test
    void malformedQueryGetsFormerrAndResponsesAreIgnored() throws IOException {
        byte[] garbage = {0x12, 0x34, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x07};
        List<byte[]> replies = client.udpRaw(NS1, garbage, 1);
        Message m = new Message(replies.get(0));
        assertThat(m.getHeader().getID()).isEqualTo(0x1234);
        assertThat(m.getRcode()).isEqualTo(Rcode.FORMERR);
        byte[] response = LabClient.query("www.test", Type.A).toWire();
        response[2] |= (byte) 0x80;
        assertThat(new LabClient(lab.port()).timeout(200).udpRaw(NS1, response, 1)).isEmpty();
    }

    @Test
    void recursionAvailableSetsRaAndAnswersRecursiveQueriesForOtherZones() throws IOException {
        ns1.setBehaviour(Behaviour.normal().recursionAvailable());
        Message inZone = client.udp(NS1, "www.test", Type.A);
        assertThat(inZone.getHeader().getFlag(Flags.RA)).isTrue();
        assertThat(inZone.getHeader().getFlag(Flags.AA)).isTrue();
        Message recursive = LabClient.query("www.elsewhere.invalid", Type.A);
        recursive.getHeader().setFlag(Flags.RD);
        Message outside = client.udp(NS1, recursive);
        assertThat(outside.getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(outside.getHeader().getFlag(Flags.RA)).isTrue();
        assertThat(outside.getHeader().getFlag(Flags.AA)).isFalse();
        // without RD it stays an authoritative-only answer: REFUSED outside its zones
        assertThat(client.udp(NS1, "www.elsewhere.invalid", Type.A).getRcode()).isEqualTo(Rcode.REFUSED);
    }

    @Test
    void noEdnsAnswersFormerrWithoutOptToEdnsQueriesOnly() throws IOException {
        ns1.setBehaviour(Behaviour.normal().noEdns());
        Message edns = client.udp(NS1, LabClient.edns(LabClient.query("www.test", Type.A), 1232));
        assertThat(edns.getRcode()).isEqualTo(Rcode.FORMERR);
        assertThat(edns.getOPT()).isNull();
        assertThat(client.udp(NS1, "www.test", Type.A).getRcode()).isEqualTo(Rcode.NOERROR);
    }

    @Test
    void noBadversAnswersAnyEdnsVersionAsVersionZero() throws IOException {
        Message v1 = LabClient.query("www.test", Type.A);
        v1.addRecord(new org.xbill.DNS.OPTRecord(1232, 0, 1, 0), Section.ADDITIONAL);
        assertThat(client.udp(NS1, v1).getRcode()).isEqualTo(Rcode.BADVERS);
        ns1.setBehaviour(Behaviour.normal().noBadvers());
        Message reply = client.udp(NS1, v1);
        assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(reply.getOPT().getVersion()).isZero();
        assertThat(reply.getSection(Section.ANSWER)).hasSize(1);
    }

    @Test
    void resolverAnswersAnUnknownEdnsVersionWithBadvers() throws IOException {
        ns1.setBehaviour(Behaviour.normal().withMode(Behaviour.Mode.RESOLVER));
        Message v1 = LabClient.query("www.test", Type.A);
        v1.addRecord(new org.xbill.DNS.OPTRecord(1232, 0, 1, 0), Section.ADDITIONAL);
        Message reply = client.udp(NS1, v1);
        assertThat(reply.getRcode()).isEqualTo(Rcode.BADVERS);
        assertThat(reply.getSection(Section.ANSWER)).isEmpty();
    }

    @Test
    void behaviourWordsRoundTripThroughTheLabFileForm() {
        Behaviour b = Behaviour.normal().withDelay(Duration.ofMillis(40)).withLoss(0.25, 9).upwardReferral()
                .truncateAlways().noTcp().wrongIdFirst().recursionAvailable().noEdns().noBadvers();
        Behaviour parsed = Behaviour.normal();
        for (String word : b.toString().split(" ")) {
            parsed = parsed.with(word);
        }
        assertThat(parsed).isEqualTo(b);
        assertThat(Behaviour.normal().with("notauth")).isEqualTo(Behaviour.normal().notauth()).hasToString("notauth");
        assertThat(Behaviour.normal().with("unrelated-referral")).isEqualTo(Behaviour.normal().unrelatedReferral())
                .hasToString("unrelated-referral");
        assertThat(Behaviour.normal()).hasToString("normal");
        assertThatThrownBy(() -> Behaviour.normal().withLoss(1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void connectionStaysUsableForSeveralQueries() throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(LabClient.ip(NS1), lab.port()), 1_000);
            s.setSoTimeout(1_000);
            for (int i = 0; i < 3; i++) {
                byte[] wire = LabClient.query("www.test", Type.A).toWire();
                s.getOutputStream().write(new byte[] {(byte) (wire.length >>> 8), (byte) wire.length});
                s.getOutputStream().write(wire);
                java.io.DataInputStream in = new java.io.DataInputStream(s.getInputStream());
                byte[] reply = new byte[in.readUnsignedShort()];
                in.readFully(reply);
                assertThat(new Message(reply).getSection(Section.ANSWER)).hasSize(1);
            }
        }
    }

    @Test
    void garbageSendsAnUnparseableDatagramWithTheQueryIdBeforeTheReply() throws IOException {
        ns1.setBehaviour(Behaviour.normal().with(Quirk.GARBAGE));
        Message q = LabClient.query("www.test", Type.A);
        List<byte[]> replies = client.udpRaw(NS1, q.toWire(), 2);
        assertThat(replies).hasSize(2);
        assertThat(((replies.get(0)[0] & 0xff) << 8) | (replies.get(0)[1] & 0xff)).isEqualTo(q.getHeader().getID());
        assertThatThrownBy(() -> new Message(replies.get(0))).isInstanceOf(IOException.class);
        assertThat(new Message(replies.get(1)).getSection(Section.ANSWER)).hasSize(1);
    }

    @Test
    void wrongSourceRepliesFromAnotherAddressSoAConnectedSocketNeverSeesThem() throws IOException {
        ns1.setBehaviour(Behaviour.normal().with(Quirk.WRONG_SOURCE));
        byte[] q = LabClient.query("www.test", Type.A).toWire();
        try (DatagramSocket open = new DatagramSocket(new InetSocketAddress(LabClient.ip("127.0.0.1"), 0))) {
            open.setSoTimeout(2_000);
            open.send(new DatagramPacket(q, q.length, LabClient.ip(NS1), lab.port()));
            DatagramPacket p = new DatagramPacket(new byte[1500], 1500);
            open.receive(p);
            assertThat(p.getAddress()).isEqualTo(LabClient.ip("127.0.0.1")).isNotEqualTo(LabClient.ip(NS1));
            assertThat(new Message(java.util.Arrays.copyOf(p.getData(), p.getLength())).getSection(Section.ANSWER))
                    .hasSize(1);
        }
        try (DatagramSocket connected = new DatagramSocket(new InetSocketAddress(LabClient.ip("127.0.0.1"), 0))) {
            connected.connect(new InetSocketAddress(LabClient.ip(NS1), lab.port()));
            connected.setSoTimeout(300);
            connected.send(new DatagramPacket(q, q.length));
            assertThatThrownBy(() -> connected.receive(new DatagramPacket(new byte[1500], 1500)))
                    .isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void wrongQuestionSendsAReplyForAnotherNameBeforeTheRightOne() throws IOException {
        ns1.setBehaviour(Behaviour.normal().with(Quirk.WRONG_QUESTION));
        List<byte[]> replies = client.udpRaw(NS1, LabClient.query("www.test", Type.A).toWire(), 2);
        assertThat(replies).hasSize(2);
        assertThat(new Message(replies.get(0)).getQuestion().getName()).hasToString("wrong-question.invalid.");
        assertThat(new Message(replies.get(1)).getQuestion().getName()).hasToString("www.test.");
    }

    @Test
    void compressionLoopRepliesDoNotParseOverUdpOrTcp() throws IOException {
        ns1.setBehaviour(Behaviour.normal().with(Quirk.COMPRESSION_LOOP));
        Message q = LabClient.query("www.test", Type.A);
        byte[] udp = client.udpRaw(NS1, q.toWire(), 1).get(0);
        assertThat(((udp[0] & 0xff) << 8) | (udp[1] & 0xff)).isEqualTo(q.getHeader().getID());
        assertThatThrownBy(() -> new Message(udp)).isInstanceOf(org.xbill.DNS.WireParseException.class);
        assertThatThrownBy(() -> client.tcp(NS1, q)).isInstanceOf(org.xbill.DNS.WireParseException.class);
    }

    @Test
    void dropEdnsIgnoresQueriesWithAnOptRecordOnly() throws IOException {
        ns1.setBehaviour(Behaviour.normal().with(Quirk.DROP_EDNS));
        LabClient quick = new LabClient(lab.port()).timeout(300);
        assertThat(quick.udp(NS1, LabClient.edns(LabClient.query("www.test", Type.A), 1232))).isNull();
        assertThatThrownBy(() -> quick.tcp(NS1, LabClient.edns(LabClient.query("www.test", Type.A), 1232)))
                .isInstanceOf(SocketTimeoutException.class);
        assertThat(quick.udp(NS1, "www.test", Type.A).getSection(Section.ANSWER)).hasSize(1);
    }

    @Test
    void tcOverTcpTruncatesEveryReplyEvenOverTcp() throws IOException {
        ns1.setBehaviour(Behaviour.normal().with(Quirk.TC_OVER_TCP));
        Message udp = client.udp(NS1, "www.test", Type.A);
        assertThat(udp.getHeader().getFlag(Flags.TC)).isTrue();
        Message tcp = client.tcp(NS1, "www.test", Type.A);
        assertThat(tcp.getHeader().getFlag(Flags.TC)).isTrue();
        assertThat(tcp.getSection(Section.ANSWER)).isEmpty();
    }

    @Test
    void tcpLyingLengthPromisesMoreThanItSends() throws IOException {
        ns1.setBehaviour(Behaviour.normal().with(Quirk.TCP_LYING_LENGTH));
        Message q = LabClient.query("www.test", Type.A);
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(LabClient.ip(NS1), lab.port()), 1_000);
            s.setSoTimeout(1_000);
            byte[] wire = q.toWire();
            s.getOutputStream().write(org.dnstracer.net.TcpFraming.framed(wire));
            java.io.DataInputStream in = new java.io.DataInputStream(s.getInputStream());
            assertThat(in.readUnsignedShort()).isEqualTo(65535);
            assertThat(in.readUnsignedShort()).isEqualTo(q.getHeader().getID());
            assertThatThrownBy(() -> in.readFully(new byte[65533])).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void tcpSlowDripStillDeliversTheWholeReply() throws IOException {
        ns1.setBehaviour(Behaviour.normal().with(Quirk.TCP_SLOW_DRIP));
        // a REFUSED reply is about 20 octets: two seconds of drip
        Message reply = new LabClient(lab.port()).timeout(5_000).tcp(NS1, "x", Type.A);
        assertThat(reply.getRcode()).isEqualTo(Rcode.REFUSED);
    }

    @Test
    void quirksRoundTripThroughTheLabFileForm() {
        Behaviour b = Behaviour.normal();
        for (Quirk q : Quirk.values()) {
            b = b.with(q);
        }
        Behaviour parsed = Behaviour.normal();
        for (String word : b.toString().split(" ")) {
            parsed = parsed.with(word);
        }
        assertThat(parsed).isEqualTo(b);
        assertThat(parsed.quirks()).containsExactly(Quirk.values());
        assertThatThrownBy(() -> Behaviour.normal().with("garbage=1")).isInstanceOf(IllegalArgumentException.class);
    }
}
