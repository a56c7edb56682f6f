package org.dnstracer.findings;

import java.time.Duration;
import java.util.List;
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
import org.dnstracer.net.Protocol;
import org.dnstracer.net.ServerAddress;
import org.dnstracer.testkit.FakeNetwork;
import org.dnstracer.testkit.Replies;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/** Traces written out node by node, for what a scripted network cannot produce (round trips, odd statuses). */
final class HandBuiltTraces {
    static final Question QUESTION = new Question(Name.fromConstantString("www.example.com."), Type.A);
    static final Name ZONE = Name.fromConstantString("example.com.");

    private HandBuiltTraces() {}

    /** An authoritative answer from one address that took {@code millis} to come back. */
    static TraceNode answered(String server, String address, long millis) {
        Message reply = Replies.answer(QUESTION, "www.example.com. 300 IN A 192.0.2.80");
        ServerAddress to = new ServerAddress(FakeNetwork.ip(address), 53);
        Attempt a = new Attempt(Protocol.UDP, reply, Duration.ofSeconds(1), Duration.ofMillis(millis),
                AttemptResult.REPLY, reply, 100, List.of(), null);
        return new TraceNode(server, to.address(), ZONE, Verdict.of(Status.AUTHORITATIVE_ANSWER),
                new Exchange(to, QUESTION.name(), QUESTION.type(), reply, List.of(a), false), List.of());
    }

    static TraceNode bare(String server, String address, Status status) {
        return new TraceNode(server, FakeNetwork.ip(address), ZONE, Verdict.of(status, "detail"), null, List.of());
    }

    /** A start server delegating example.com to the given nodes. */
    static Trace delegatingTo(TraceNode... children) {
        TraceNode root = new TraceNode("a.root.test", FakeNetwork.ip("127.0.0.1"), Name.root,
                Verdict.referral(Status.REFERRAL, ZONE), null, List.of(children));
        return new Trace(new StartServer("a.root.test", FakeNetwork.ip("127.0.0.1"), Name.root), 3, 53,
                List.of(new Section(QUESTION, null, root)), List.of(), new TraceStats(1, 0));
    }
}
