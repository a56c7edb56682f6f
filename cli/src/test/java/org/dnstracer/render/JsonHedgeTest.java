package org.dnstracer.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
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
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

class JsonHedgeTest {
    private static final Name QNAME = Name.fromConstantString("www.example.com.");
    private static final ServerAddress SERVER =
            new ServerAddress(IpAddresses.parseLiteral("127.0.0.1").orElseThrow(), 53);

    @Test
    void aHedgedTryAnsweredThroughTheHedgeSaysSoInItsTry() throws IOException {
        Message query = query();
        Message hedge = query();
        Message reply = replyTo(hedge);
        Attempt attempt = new Attempt(Protocol.UDP, query, Duration.ofMillis(400), Duration.ofMillis(170),
                AttemptResult.REPLY, reply, 0, List.of(), null)
                .withHedge(new Hedge(Duration.ofMillis(120), hedge.getHeader().getID(), true));

        String json = render(new Exchange(SERVER, QNAME, Type.A, reply, List.of(attempt), false));

        assertThat(json).contains("\"hedge\":{\"afterMs\":120.0,\"id\":" + hedge.getHeader().getID()
                + ",\"answered\":\"hedge\"}");
    }

    @Test
    void aHedgedTryThatGotNoReplyNamesNoWinner() throws IOException {
        Message query = query();
        Attempt attempt = new Attempt(Protocol.UDP, query, Duration.ofMillis(400), Duration.ofMillis(400),
                AttemptResult.TIMEOUT, null, 0, List.of(), null)
                .withHedge(new Hedge(Duration.ofMillis(120), 4660, false));

        String json = render(new Exchange(SERVER, QNAME, Type.A, null, List.of(attempt), false));

        assertThat(json).contains("\"hedge\":{\"afterMs\":120.0,\"id\":4660}");
    }

    @Test
    void anUnhedgedTryHasNoHedgeField() throws IOException {
        Message query = query();
        Message reply = replyTo(query);
        Attempt attempt = new Attempt(Protocol.UDP, query, Duration.ofMillis(400), Duration.ofMillis(40),
                AttemptResult.REPLY, reply, 0, List.of(), null);

        String json = render(new Exchange(SERVER, QNAME, Type.A, reply, List.of(attempt), false));

        assertThat(json).contains("\"tries\":[{").doesNotContain("hedge");
    }

    private static String render(Exchange exchange) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.writeStartObject();
            JsonRenderer.exchange(g, exchange);
            g.writeEndObject();
        }
        return out.toString();
    }

    private static Message query() {
        return Message.newQuery(Record.newRecord(QNAME, Type.A, DClass.IN));
    }

    private static Message replyTo(Message query) {
        Message reply = new Message(query.getHeader().getID());
        reply.getHeader().setFlag(Flags.QR);
        reply.addRecord(query.getQuestion(), org.xbill.DNS.Section.QUESTION);
        return reply;
    }
}
