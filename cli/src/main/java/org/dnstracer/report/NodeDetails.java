package org.dnstracer.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.dnstracer.findings.Finding;
import org.dnstracer.model.Question;
import org.dnstracer.model.TraceNode;
import org.dnstracer.render.JsonRenderer;
import org.dnstracer.render.TreeLines;

/**
 * What the details panel of the page shows for each node, as one JSON object keyed by node id: every visit's tree
 * line and, for a server that was asked, its exchange in the form {@code --json} gives it (tries with their sizes,
 * hedges and ignored replies, then the reply's rcode, flags, round trip and records), its DNSSEC status and its
 * findings. The page's script puts these strings into the document as text, never as markup.
 */
final class NodeDetails {
    private NodeDetails() {}

    static String json(List<SectionGraph> graphs) {
        return json(graphs, List.of());
    }

    /**
     * @param findings the report's findings, which the nodes' marks refer to by position: each node lists its own
     *     (position, severity, code, message), so that the panel can link back to the table's rows
     */
    static String json(List<SectionGraph> graphs, List<Finding> findings) {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(text)) {
            g.writeStartObject();
            for (SectionGraph s : graphs) {
                for (GraphNode n : s.nodes()) {
                    g.writeObjectFieldStart(n.id());
                    g.writeStringField("server", n.server());
                    g.writeStringField("address", n.address());
                    g.writeStringField("outcome", n.outcome().label());
                    marks(g, n.marks(), findings);
                    g.writeArrayFieldStart("visits");
                    for (TraceNode v : n.visits()) {
                        visit(g, v, s.section().question());
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void marks(JsonGenerator g, NodeMarks marks, List<Finding> findings) throws IOException {
        if (marks.dnssecText() != null) {
            g.writeStringField("dnssec", marks.dnssecText());
        }
        if (marks.given()) {
            g.writeStringField("given", NodeMarks.GIVEN);
        }
        if (marks.findings().isEmpty()) {
            return;
        }
        g.writeArrayFieldStart("findings");
        for (int i : marks.findings()) {
            Finding f = findings.get(i);
            g.writeStartObject();
            g.writeNumberField("index", i);
            g.writeStringField("severity", f.severity().label());
            g.writeStringField("code", f.code().name());
            g.writeStringField("message", f.message());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void visit(JsonGenerator g, TraceNode v, Question question) throws IOException {
        g.writeStartObject();
        g.writeStringField("zone", v.zone() == null ? null : v.zone().toString());
        g.writeStringField("line", TreeLines.node(v, question).strip());
        g.writeStringField("status", v.status().jsonName());
        if (v.exchange() != null) {
            JsonRenderer.exchange(g, v.exchange());
        }
        g.writeEndObject();
    }
}
