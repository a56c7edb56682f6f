package org.dnstracer.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.dnstracer.model.Question;
import org.dnstracer.model.Status;
import org.dnstracer.model.TraceNode;
import org.dnstracer.model.Verdict;
import org.dnstracer.net.Attempt;
import org.dnstracer.net.AttemptResult;
import org.dnstracer.net.Exchange;
import org.dnstracer.net.Hedge;
import org.dnstracer.net.IpAddresses;
import org.dnstracer.net.Protocol;
import org.dnstracer.net.ServerAddress;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/** One {@code *} per query sent that went unanswered: a hedge is a query of its own, as each try was in 1.9. */
class NodeStatusStarsTest {
    private static final Name QNAME = Name.fromConstantString("www.example.com.");
    private static final ServerAddress SERVER =
            new ServerAddress(IpAddresses.parseLiteral("127.0.0.1").orElseThrow(), 53);

    @Test
    void aHedgedTryThatTimedOutIsTwoStarsAndTheLastTryOneMore() {
        Attempt hedged = timeout().withHedge(new Hedge(Duration.ofMillis(120), 4711, false));
        Exchange exchange = new Exchange(SERVER, QNAME, Type.A, null, List.of(hedged, timeout()), false);

        assertThat(status(exchange, Verdict.of(Status.TIMEOUT))).isEqualTo("* * * [timeout] ");
    }

    @Test
    void aHedgedTryAnsweredThroughOneCopyIsOneStarForTheOther() {
        Message query = query();
        Message reply = new Message(query.getHeader().getID());
        reply.getHeader().setFlag(org.xbill.DNS.Flags.QR);
        reply.getHeader().setFlag(org.xbill.DNS.Flags.AA);
        reply.addRecord(query.getQuestion(), org.xbill.DNS.Section.QUESTION);
        Attempt answered = new Attempt(Protocol.UDP, query, Duration.ofMillis(400), Duration.ofMillis(170),
                AttemptResult.REPLY, reply, 0, List.of(), null)
                .withHedge(new Hedge(Duration.ofMillis(120), 4711, true));
        Exchange exchange = new Exchange(SERVER, QNAME, Type.A, reply, List.of(answered), false);

        assertThat(status(exchange, Verdict.of(Status.AUTHORITATIVE_NODATA)))
                .isEqualTo("* Got authoritative answer [NODATA] ");
    }

    @Test
    void aHedgeOvertakenByTheFirstQuerysReplyIsNoStar() {
        Message query = query();
        Message reply = new Message(query.getHeader().getID());
        reply.getHeader().setFlag(org.xbill.DNS.Flags.QR);
        reply.getHeader().setFlag(org.xbill.DNS.Flags.AA);
        reply.addRecord(query.getQuestion(), org.xbill.DNS.Section.QUESTION);
        Attempt answered = new Attempt(Protocol.UDP, query, Duration.ofMillis(400), Duration.ofMillis(130),
                AttemptResult.REPLY, reply, 0, List.of(), null)
                .withHedge(new Hedge(Duration.ofMillis(120), 4711, false));
        Exchange exchange = new Exchange(SERVER, QNAME, Type.A, reply, List.of(answered), false);

        assertThat(status(exchange, Verdict.of(Status.AUTHORITATIVE_NODATA)))
                .isEqualTo("Got authoritative answer [NODATA] ");
    }

    private static String status(Exchange exchange, Verdict verdict) {
        TraceNode node = new TraceNode("ns1.example.com", SERVER.address(), Name.fromConstantString("example.com."),
                verdict, exchange, List.of());
        return NodeStatus.text(node, new Question(QNAME, Type.A));
    }

    private static Attempt timeout() {
        return new Attempt(Protocol.UDP, query(), Duration.ofMillis(400), Duration.ofMillis(400),
                AttemptResult.TIMEOUT, null, 0, List.of(), null);
    }

    private static Message query() {
        return Message.newQuery(Record.newRecord(QNAME, Type.A, DClass.IN));
    }
}
