package org.dnstracer.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

class VerboseDumpTest {
    @Test
    void onlyTheFirstFiveIgnoredDatagramsAreDescribedAndTheRestCounted() {
        List<String> reasons = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            reasons.add("ignored reply with ID 0x000" + i + ", expected 0x1234");
        }
        Message query = Message.newQuery(Record.newRecord(name("www.example.com."), Type.A, DClass.IN));
        Attempt attempt = new Attempt(Protocol.UDP, query, Duration.ofMillis(100), Duration.ofMillis(100),
                AttemptResult.TIMEOUT, null, 0, reasons, null);
        ServerAddress server = new ServerAddress(IpAddresses.parseLiteral("127.0.0.1").orElseThrow(), 53);
        Exchange exchange = new Exchange(server, name("www.example.com."), Type.A, null, List.of(attempt), false);

        StringWriter out = new StringWriter();
        VerboseDump.render(exchange, new PrintWriter(out, true));

        assertThat(attempt.ignoredCount()).isEqualTo(7);
        assertThat(out.toString()).contains(";; ignored reply with ID 0x0005, expected 0x1234\n")
                .doesNotContain("0x0006").contains(";; and 2 more ignored\n");
    }

    @Test
    void aHedgedTrySaysWhenTheHedgeWentOutAndWhichQueryTheReplyAnswered() {
        Message query = Message.newQuery(Record.newRecord(name("www.example.com."), Type.A, DClass.IN));
        Message hedge = Message.newQuery(Record.newRecord(name("www.example.com."), Type.A, DClass.IN));
        Message reply = new Message(hedge.getHeader().getID());
        reply.getHeader().setFlag(org.xbill.DNS.Flags.QR);
        reply.addRecord(hedge.getQuestion(), org.xbill.DNS.Section.QUESTION);
        Attempt attempt = new Attempt(Protocol.UDP, query, Duration.ofMillis(400), Duration.ofMillis(170),
                AttemptResult.REPLY, reply, 0, List.of(), null)
                .withHedge(new Hedge(Duration.ofMillis(120), hedge.getHeader().getID(), true));
        ServerAddress server = new ServerAddress(IpAddresses.parseLiteral("127.0.0.1").orElseThrow(), 53);
        Exchange exchange = new Exchange(server, name("www.example.com."), Type.A, reply, List.of(attempt), false);

        StringWriter out = new StringWriter();
        VerboseDump.render(exchange, new PrintWriter(out, true));

        assertThat(out.toString())
                .contains(";; no reply after 120 ms: hedged, the same query again with ID "
                        + hedge.getHeader().getID() + " from a new port, the first still open\n")
                .contains(" in 170 ms, answering the hedge (50 ms after it)\n");
    }

    private static Name name(String text) {
        try {
            return Name.fromString(text);
        } catch (TextParseException e) {
            throw new UncheckedIOException(e);
        }
    }
}
