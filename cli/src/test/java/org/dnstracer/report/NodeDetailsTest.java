package org.dnstracer.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import org.dnstracer.model.Trace;
import org.dnstracer.net.Exchange;
import org.dnstracer.render.JsonRenderer;
import org.junit.jupiter.api.Test;

class NodeDetailsTest {
    private final Trace trace = TestTraces.hedgedAnswer();

    @Test
    void aVisitCarriesItsExchangeExactlyAsTheJsonOutputDoes() throws IOException {
        String details = NodeDetails.json(DelegationGraph.of(trace));

        String exchange = exchangeFields(trace.sections().get(0).root().exchange());
        assertThat(details).contains(",\"status\":\"authoritative-answer\"," + exchange + "}]");
    }

    @Test
    void aVisitShowsTheHedgeTheReplySizeAndTheIgnoredReplies() {
        String details = NodeDetails.json(DelegationGraph.of(trace));

        int size = trace.sections().get(0).root().exchange().replyOctets().length;
        assertThat(details).contains("\"size\":" + size)
                .contains("\"hedge\":{\"afterMs\":120.0,\"id\":" + TestTraces.HEDGE_ID + ",\"answered\":\"hedge\"}")
                .contains("\"ignoredCount\":2,\"ignored\":[\"" + String.join("\",\"", TestTraces.IGNORED) + "\"]")
                .contains("\"answer\":[{\"name\":\"www.example.com.\",\"ttl\":300,\"type\":\"TXT\"");
    }

    /** What {@link JsonRenderer#exchange} writes, without the braces of the object it writes into. */
    private static String exchangeFields(Exchange ex) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.writeStartObject();
            JsonRenderer.exchange(g, ex);
            g.writeEndObject();
        }
        return out.toString().substring(1, out.toString().length() - 1);
    }
}
