package org.dnstracer.report;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import org.dnstracer.model.LameReason;
import org.dnstracer.model.Question;
import org.dnstracer.model.Section;
import org.dnstracer.model.StartServer;
import org.dnstracer.model.Status;
import org.dnstracer.model.Trace;
import org.dnstracer.model.TraceNode;
import org.dnstracer.model.TraceStats;
import org.dnstracer.model.Verdict;
import org.dnstracer.net.Attempt;
import org.dnstracer.net.AttemptResult;
import org.dnstracer.net.Exchange;
import org.dnstracer.net.Hedge;
import org.dnstracer.net.Protocol;
import org.dnstracer.net.ServerAddress;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/** Small hand-made traces: the root refers to two com servers, which name the same three servers of example.com. */
final class TestTraces {
    private TestTraces() {}

    static InetAddress ip(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    static Name name(String s) {
        return Name.fromConstantString(s);
    }

    static TraceNode node(String server, InetAddress address, String zone, Verdict verdict, TraceNode... children) {
        return new TraceNode(server, address, zone == null ? null : name(zone), verdict, null, List.of(children));
    }

    /**
     * a.root -> a.gtld, b.gtld; a.gtld -> ns1 (answer), ns2 (lame), ns3 (timeout); b.gtld -> the same three, cached.
     */
    static Trace lameExample() {
        return lameExample(Status.AUTHORITATIVE_ANSWER);
    }

    /** {@link #lameExample()} with ns1's status given: NXDOMAIN can be printed without a reply. */
    static Trace lameExample(Status answer) {
        Verdict referral = Verdict.referral(Status.REFERRAL, name("example.com."));
        TraceNode a = node("a.gtld-servers.net", ip(127, 53, 1, 1), "com.", referral,
                node("ns1.example.com", ip(127, 53, 2, 1), "example.com.", Verdict.of(answer)),
                node("ns2.example.com", ip(127, 53, 2, 2), "example.com.", Verdict.lame(LameReason.REFUSED)),
                node("ns3.example.com", ip(127, 53, 2, 3), "example.com.", Verdict.of(Status.TIMEOUT)));
        TraceNode b = node("b.gtld-servers.net", ip(127, 53, 1, 2), "com.", referral,
                node("ns1.example.com", ip(127, 53, 2, 1), "example.com.", Verdict.of(Status.CACHED)),
                node("ns2.example.com", ip(127, 53, 2, 2), "example.com.", Verdict.of(Status.CACHED)),
                node("ns3.example.com", ip(127, 53, 2, 3), "example.com.", Verdict.of(Status.CACHED)));
        TraceNode root = node("a.root-servers.net", ip(127, 53, 0, 1), ".",
                Verdict.referral(Status.REFERRAL, name("com.")), a, b);
        Question q = new Question(name("www.example.com."), Type.A);
        return new Trace(new StartServer("a.root-servers.net", ip(127, 53, 0, 1), Name.root), 3, 53,
                List.of(new Section(q, null, root)), List.of(), new TraceStats(7, 12));
    }

    /**
     * a.root -> b.gtld, a.gtld (not in name order); b.gtld -> ns3, ns1, ns2; a.gtld -> ns2, ns3, ns1 (cached): the
     * second referral's order crosses the first's, so only the order the servers were met in keeps them apart.
     */
    static Trace reversedReferrals() {
        Verdict referral = Verdict.referral(Status.REFERRAL, name("example.com."));
        TraceNode b = node("b.gtld-servers.net", ip(127, 53, 1, 2), "com.", referral,
                node("ns3.example.com", ip(127, 53, 2, 3), "example.com.", Verdict.of(Status.AUTHORITATIVE_ANSWER)),
                node("ns1.example.com", ip(127, 53, 2, 1), "example.com.", Verdict.of(Status.AUTHORITATIVE_ANSWER)),
                node("ns2.example.com", ip(127, 53, 2, 2), "example.com.", Verdict.of(Status.AUTHORITATIVE_ANSWER)));
        TraceNode a = node("a.gtld-servers.net", ip(127, 53, 1, 1), "com.", referral,
                node("ns2.example.com", ip(127, 53, 2, 2), "example.com.", Verdict.of(Status.CACHED)),
                node("ns3.example.com", ip(127, 53, 2, 3), "example.com.", Verdict.of(Status.CACHED)),
                node("ns1.example.com", ip(127, 53, 2, 1), "example.com.", Verdict.of(Status.CACHED)));
        TraceNode root = node("a.root-servers.net", ip(127, 53, 0, 1), ".",
                Verdict.referral(Status.REFERRAL, name("com.")), b, a);
        Question q = new Question(name("www.example.com."), Type.A);
        return new Trace(new StartServer("a.root-servers.net", ip(127, 53, 0, 1), Name.root), 3, 53,
                List.of(new Section(q, null, root)), List.of(), new TraceStats(4, 12));
    }

    /** The root refers to one server of {@code zone}, which answers. */
    static Trace oneServer(String server, String zone) {
        TraceNode child = node(server, ip(127, 53, 2, 1), zone, Verdict.of(Status.AUTHORITATIVE_ANSWER));
        TraceNode root = node("a.root-servers.net", ip(127, 53, 0, 1), ".",
                Verdict.referral(Status.REFERRAL, name(zone)), child);
        Question q = new Question(name("www." + zone), Type.A);
        return new Trace(new StartServer("a.root-servers.net", ip(127, 53, 0, 1), Name.root), 3, 53,
                List.of(new Section(q, null, root)), List.of(), new TraceStats(2, 5));
    }

    /** The hedge's message ID in {@link #hedgedAnswer()}. */
    static final int HEDGE_ID = 4660;

    /** The reasons of the two datagrams dropped in {@link #hedgedAnswer()}. */
    static final List<String> IGNORED = List.of("ignored reply with ID 0x0001, expected 0x1234",
            "ignored reply with ID 0x0002, expected 0x1234");

    /**
     * One server asked for www.example.com TXT: its only try sent a hedge after 120 ms, dropped two replies with a
     * wrong ID, and got its answer through the hedge.
     */
    static Trace hedgedAnswer() {
        Name qname = name("www.example.com.");
        InetAddress address = ip(127, 53, 2, 1);
        Message query = Message.newQuery(Record.newRecord(qname, Type.TXT, DClass.IN));
        Message reply = new Message(HEDGE_ID);
        reply.getHeader().setFlag(Flags.QR);
        reply.getHeader().setFlag(Flags.AA);
        reply.addRecord(query.getQuestion(), org.xbill.DNS.Section.QUESTION);
        reply.addRecord(new TXTRecord(qname, DClass.IN, 300, "hello"), org.xbill.DNS.Section.ANSWER);
        Attempt attempt = new Attempt(Protocol.UDP, query, Duration.ofMillis(800), Duration.ofMillis(150),
                AttemptResult.REPLY, reply, 0, IGNORED, null)
                .withHedge(new Hedge(Duration.ofMillis(120), HEDGE_ID, true));
        Exchange exchange = new Exchange(new ServerAddress(address, 53), qname, Type.TXT, reply, List.of(attempt),
                false);
        TraceNode root = new TraceNode("ns1.example.com", address, name("example.com."),
                Verdict.of(Status.AUTHORITATIVE_ANSWER), exchange, List.of());
        return new Trace(new StartServer("ns1.example.com", address, name("example.com.")), 1, 53,
                List.of(new Section(new Question(qname, Type.TXT), null, root)), List.of(), new TraceStats(1, 150));
    }
}
