package org.dnstracer.report;

import java.net.InetAddress;
import java.net.UnknownHostException;
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
import org.xbill.DNS.Name;
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
        Verdict referral = Verdict.referral(Status.REFERRAL, name("example.com."));
        TraceNode a = node("a.gtld-servers.net", ip(127, 53, 1, 1), "com.", referral,
                node("ns1.example.com", ip(127, 53, 2, 1), "example.com.", Verdict.of(Status.AUTHORITATIVE_ANSWER)),
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
}
