package org.dnstracer.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.dnstracer.model.Question;
import org.dnstracer.model.TraceNode;
import org.dnstracer.net.Attempt;
import org.dnstracer.net.Exchange;
import org.dnstracer.render.RecordText;
import org.dnstracer.render.TreeLines;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * What the details panel of the page shows for each node, as one JSON object keyed by node id: every visit's tree
 * line, tries (protocol, timing, result), rcode, flags, round trip and the records received. The page's script
 * puts these strings into the document as text, never as markup.
 */
final class NodeDetails {
    /** The sections a record can come from, by dnsjava's number minus one. */
    private static final String[] SECTION_NAMES = {"answer", "authority", "additional"};

    private NodeDetails() {}

    static String json(List<SectionGraph> graphs) {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(text)) {
            g.writeStartObject();
            for (SectionGraph s : graphs) {
                for (GraphNode n : s.nodes()) {
                    g.writeObjectFieldStart(n.id());
                    g.writeStringField("server", n.server());
                    g.writeStringField("address", n.address());
                    g.writeStringField("outcome", n.outcome().label());
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

    private static void visit(JsonGenerator g, TraceNode v, Question question) throws IOException {
        g.writeStartObject();
        g.writeStringField("zone", v.zone() == null ? null : v.zone().toString());
        g.writeStringField("line", TreeLines.node(v, question).strip());
        g.writeStringField("status", v.status().jsonName());
        Exchange ex = v.exchange();
        if (ex != null) {
            g.writeArrayFieldStart("tries");
            for (Attempt a : ex.attempts()) {
                g.writeStartObject();
                g.writeStringField("protocol", a.protocol().name().toLowerCase(Locale.ROOT));
                g.writeStringField("result", a.result().name().toLowerCase(Locale.ROOT).replace('_', '-'));
                g.writeNumberField("elapsedMs", ms(a.elapsed()));
                g.writeNumberField("timeoutMs", ms(a.timeout()));
                if (a.error() != null) {
                    g.writeStringField("error", a.error());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            Message reply = ex.reply();
            if (reply != null) {
                Attempt carrier = ex.replyAttempt();
                g.writeStringField("rcode", Rcode.string(reply.getRcode()));
                StringBuilder flags = new StringBuilder();
                for (int flag : new int[] {Flags.QR, Flags.AA, Flags.TC, Flags.RD, Flags.RA, Flags.AD, Flags.CD}) {
                    if (reply.getHeader().getFlag(flag)) {
                        flags.append(flags.length() == 0 ? "" : " ").append(Flags.string(flag));
                    }
                }
                g.writeStringField("flags", flags.toString());
                if (carrier != null) {
                    g.writeNumberField("rttMs", ms(carrier.elapsed()));
                }
                g.writeArrayFieldStart("records");
                for (int section : new int[] {Section.ANSWER, Section.AUTHORITY, Section.ADDITIONAL}) {
                    for (Record r : reply.getSection(section)) {
                        if (r.getType() == Type.OPT) {
                            continue;
                        }
                        g.writeStartArray();
                        g.writeString(SECTION_NAMES[section - 1]);
                        g.writeString(r.getName().toString());
                        g.writeNumber(r.getTTL());
                        g.writeString(Type.string(r.getType()));
                        g.writeString(RecordText.data(r));
                        g.writeEndArray();
                    }
                }
                g.writeEndArray();
            }
        }
        g.writeEndObject();
    }

    private static double ms(Duration d) {
        return d == null ? 0 : Math.round(d.toNanos() / 10_000.0) / 100.0;
    }
}
