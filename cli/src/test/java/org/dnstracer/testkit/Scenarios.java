package org.dnstracer.testkit;

import static org.dnstracer.testkit.FakeNetwork.ip;

import java.util.List;
import org.dnstracer.model.Question;
import org.dnstracer.model.StartServer;
import org.dnstracer.trace.IpFamily;
import org.dnstracer.trace.Limits;
import org.dnstracer.trace.RootHints;
import org.dnstracer.trace.TraceRequest;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/** Scripted hierarchies shared by the engine and renderer tests. */
public final class Scenarios {
    public static final String SOA = "example.com. 300 IN SOA ns1.example.com. hostmaster.example.com. 1 3600 900 604800 300";

    private Scenarios() {}

    /** root (127.0.0.1) -> com (127.0.1.1, 127.0.1.2) -> example.com (ns1 127.0.2.1, ns2 127.0.2.2). */
    public static FakeNetwork healthy() {
        FakeNetwork net = new FakeNetwork();
        net.server("127.0.0.1", q -> Replies.referral(q,
                "com. 172800 IN NS a.gtld.test.", "com. 172800 IN NS b.gtld.test.",
                "a.gtld.test. 172800 IN A 127.0.1.1", "b.gtld.test. 172800 IN A 127.0.1.2"));
        for (String tld : List.of("127.0.1.1", "127.0.1.2")) {
            net.server(tld, q -> Replies.referral(q,
                    "example.com. 172800 IN NS ns1.example.com.", "example.com. 172800 IN NS ns2.example.com.",
                    "ns1.example.com. 172800 IN A 127.0.2.1", "ns2.example.com. 172800 IN A 127.0.2.2"));
        }
        for (String auth : List.of("127.0.2.1", "127.0.2.2")) {
            net.server(auth, q -> q.type() == Type.A && q.name().toString().equals("www.example.com.")
                    ? Replies.answer(q, "www.example.com. 300 IN A 192.0.2.80")
                    : Replies.nxdomain(q, SOA));
        }
        return net;
    }

    public static TraceRequest request(String name, int type, boolean cache, boolean negative, IpFamily family) {
        try {
            RootHints hints = RootHints.parse(". 3600 IN NS a.root.test.\na.root.test. 3600 IN A 127.0.0.1\n", "test hints");
            return new TraceRequest(new Question(Name.fromString(name, Name.root), type),
                    new StartServer("a.root.test", ip("127.0.0.1"), Name.root), 53, family, cache, negative, true,
                    Limits.defaults(), hints, 3);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static TraceRequest request(String name) {
        return request(name, Type.A, true, false, IpFamily.ANY);
    }
}
