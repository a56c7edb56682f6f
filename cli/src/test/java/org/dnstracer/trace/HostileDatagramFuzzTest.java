package org.dnstracer.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.dnstracer.model.Question;
import org.dnstracer.model.Section;
import org.dnstracer.model.StartServer;
import org.dnstracer.model.Trace;
import org.dnstracer.model.TraceNode;
import org.dnstracer.model.TraceStats;
import org.dnstracer.model.Verdict;
import org.dnstracer.net.Attempt;
import org.dnstracer.net.AttemptResult;
import org.dnstracer.net.Exchange;
import org.dnstracer.net.Protocol;
import org.dnstracer.net.ReplyMatcher;
import org.dnstracer.net.ServerAddress;
import org.dnstracer.testkit.FakeNetwork;
import org.dnstracer.testkit.RenderEverything;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * A hostile datagram is data, not a crash: whatever octets arrive, acceptance, classification, the reading of
 * referrals and CNAME chains and every renderer of a line holding the reply finish without an exception, and
 * classification always gives a verdict.
 *
 * <p>Input: one selector octet (low 3 bits: the question asked, next 3 bits: the zone the server was delegated,
 * top bits: how the reply came, plain or after a truncated try), then the datagram. The query ID is fixed
 * ({@link #ID}) so a datagram can be made to match it; the committed seeds do. Corpus:
 * {@code src/test/resources/org/dnstracer/trace/HostileDatagramFuzzTestInputs/}.
 */
class HostileDatagramFuzzTest {
    static final int ID = 0x2a2a;

    static final List<Question> QUESTIONS = List.of(
            question("www.example.com.", Type.A),
            question("example.com.", Type.NS),
            question("www.example.com.", Type.AAAA),
            question("alias.example.com.", Type.A),
            question("com.", Type.NS),
            question(".", Type.NS),
            question("www.example.com.", Type.CNAME),
            question("www.example.com.", Type.ANY));

    static final List<Name> ZONES = Arrays.asList(
            null, Name.root, name("com."), name("example.com."), name("sub.example.com."), name("test."),
            name("www.example.com."), name("org."));

    private static final InetAddress SERVER = FakeNetwork.ip("127.0.2.1");

    @FuzzTest
    void anyDatagramIsJudgedClassifiedAndRenderedWithoutAnException(byte[] input) {
        if (input.length == 0) {
            return;
        }
        int selector = input[0] & 0xff;
        Question question = QUESTIONS.get(selector & 7);
        Name zone = ZONES.get((selector >> 3) & 7);
        boolean truncatedFirst = (selector & 0x40) != 0;
        byte[] datagram = Arrays.copyOfRange(input, 1, input.length);

        Message query = query(question);
        ReplyMatcher.Verdict judged = ReplyMatcher.judge(query, datagram);
        if (!judged.accepted()) {
            assertThat(judged.reason()).isNotBlank();
            return;
        }
        Message reply = judged.reply();

        Verdict verdict = ResponseClassifier.classify(reply, question, zone);
        assertThat(verdict).isNotNull();
        if (verdict.delegates()) {
            Delegation delegation = Delegation.from(reply, verdict.referralZone(), zone);
            delegation.nameServers().forEach(delegation::glueFor);
        }
        CnameChain.Walk walk = CnameChain.walk(reply, question.name(), zone);
        assertThat(walk.names()).isNotEmpty();
        CnameChain.unresolvedTarget(reply, question, zone);

        RenderEverything.render(traceOf(question, zone, verdict, exchange(question, query, reply, datagram.length,
                truncatedFirst)));
    }

    private static Exchange exchange(Question question, Message query, Message reply, int size, boolean truncatedFirst) {
        Attempt udp = new Attempt(Protocol.UDP, query, Duration.ofMillis(100), Duration.ofMillis(3),
                truncatedFirst ? AttemptResult.TRUNCATED : AttemptResult.REPLY, reply, size,
                List.of("ignored reply with ID 0x0001, expected 0x2a2a"), null);
        List<Attempt> attempts = truncatedFirst
                ? List.of(udp, new Attempt(Protocol.TCP, query, Duration.ofMillis(100), Duration.ofMillis(4),
                        AttemptResult.REPLY, reply, size, List.of(), null))
                : List.of(udp);
        return new Exchange(new ServerAddress(SERVER, 53), question.name(), question.type(), reply, attempts, false);
    }

    private static Trace traceOf(Question question, Name zone, Verdict verdict, Exchange exchange) {
        TraceNode node = new TraceNode("ns1.example.com", SERVER, zone, verdict, exchange, List.of());
        StartServer start = new StartServer("a.root.test", FakeNetwork.ip("127.0.0.1"), Name.root);
        TraceNode root = new TraceNode("a.root.test", start.address(), Name.root,
                Verdict.referral(org.dnstracer.model.Status.REFERRAL, zone == null ? Name.root : zone), null,
                List.of(node));
        return new Trace(start, 3, 53, List.of(new Section(question, null, root)), List.of(), new TraceStats(2, 7));
    }

    static Message query(Question question) {
        Message query = Message.newQuery(Record.newRecord(question.name(), question.type(), DClass.IN));
        query.getHeader().setID(ID);
        return query;
    }

    private static Question question(String name, int type) {
        return new Question(name(name), type);
    }

    private static Name name(String text) {
        try {
            return Name.fromString(text);
        } catch (org.xbill.DNS.TextParseException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
