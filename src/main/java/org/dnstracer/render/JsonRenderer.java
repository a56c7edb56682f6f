package org.dnstracer.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import org.dnstracer.model.Question;
import org.dnstracer.model.Section;
import org.dnstracer.model.Trace;
import org.dnstracer.model.TraceNode;
import org.dnstracer.model.Verdict;
import org.dnstracer.net.Attempt;
import org.dnstracer.net.AttemptResult;
import org.dnstracer.net.EdnsFallback;
import org.dnstracer.net.Exchange;
import org.dnstracer.net.IpAddresses;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/** The whole trace as one JSON document ({@code --json}); the schema is documented in the README. */
public final class JsonRenderer {
    public static final int SCHEMA_VERSION = 1;

    private JsonRenderer() {}

    public static void render(Trace trace, Writer out) {
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("schema", SCHEMA_VERSION);
            question(g, "question", trace.question());
            g.writeObjectFieldStart("start");
            g.writeStringField("server", trace.start().label());
            g.writeStringField("address", trace.start().address() == null ? null : IpAddresses.format(trace.start().address()));
            g.writeStringField("zone", trace.start().zone() == null ? null : trace.start().zone().toString());
            g.writeEndObject();
            g.writeNumberField("port", trace.port());
            g.writeNumberField("tries", trace.tries());
            g.writeBooleanField("authoritativeAnswer", trace.anyAuthoritative());
            g.writeArrayFieldStart("sections");
            for (Section s : trace.sections()) {
                g.writeStartObject();
                question(g, "question", s.question());
                g.writeStringField("cnameOf", s.cnameOf() == null ? null : s.cnameOf().toString());
                g.writeFieldName("tree");
                node(g, s.root());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("warnings");
            for (String w : trace.warnings()) {
                g.writeString(w);
            }
            g.writeEndArray();
            g.writeObjectFieldStart("stats");
            g.writeNumberField("queries", trace.stats().queries());
            g.writeNumberField("elapsedMs", trace.stats().elapsedMillis());
            g.writeEndObject();
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void question(JsonGenerator g, String field, Question q) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("name", q.name().toString());
        g.writeStringField("type", q.typeName());
        g.writeEndObject();
    }

    private static void node(JsonGenerator g, TraceNode n) throws IOException {
        Verdict v = n.verdict();
        g.writeStartObject();
        g.writeStringField("server", n.server());
        g.writeStringField("address", n.address() == null ? null : IpAddresses.format(n.address()));
        g.writeStringField("zone", n.zone() == null ? null : n.zone().toString());
        g.writeStringField("outcome", v.status().jsonName());
        if (v.lameReason() != null) {
            g.writeStringField("lameReason", v.lameReason().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
        if (v.referralZone() != null) {
            g.writeStringField("referralZone", v.referralZone().toString());
        }
        if (v.detail() != null) {
            g.writeStringField("detail", v.detail());
        }
        Exchange ex = n.exchange();
        if (ex != null) {
            exchange(g, ex);
        }
        g.writeArrayFieldStart("children");
        for (TraceNode child : n.children()) {
            node(g, child);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** The fields of one exchange: its tries (hedges included), then what the reply said; package-private for tests. */
    static void exchange(JsonGenerator g, Exchange ex) throws IOException {
        g.writeArrayFieldStart("tries");
        for (Attempt a : ex.attempts()) {
            g.writeStartObject();
            g.writeStringField("protocol", a.protocol().name().toLowerCase(java.util.Locale.ROOT));
            g.writeStringField("result", a.result().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            g.writeNumberField("timeoutMs", ms(a.timeout()));
            g.writeNumberField("elapsedMs", ms(a.elapsed()));
            if (a.receivedSize() > 0) {
                g.writeNumberField("size", a.receivedSize());
            }
            if (a.error() != null) {
                g.writeStringField("error", a.error());
            }
            if (a.hedged()) {
                g.writeObjectFieldStart("hedge");
                g.writeNumberField("afterMs", ms(a.hedge().after()));
                g.writeNumberField("id", a.hedge().queryId());
                if (a.result() == AttemptResult.REPLY || a.result() == AttemptResult.TRUNCATED) {
                    g.writeStringField("answered", a.hedge().answered() ? "hedge" : "first");
                }
                g.writeEndObject();
            }
            if (a.ignoredCount() > 0) {
                g.writeNumberField("ignoredCount", a.ignoredCount());
                g.writeArrayFieldStart("ignored");
                for (String s : a.ignored()) {
                    g.writeString(s);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        if (ex.tcpFailure() != null) {
            g.writeStringField("tcpFailure", ex.tcpFailure());
        }
        if (ex.ednsFallback() != EdnsFallback.NONE) {
            g.writeStringField("ednsFallback", ex.ednsFallback().name().toLowerCase(java.util.Locale.ROOT));
        }
        Message reply = ex.reply();
        if (reply == null) {
            return;
        }
        Attempt carrier = ex.replyAttempt() != null || ex.attempts().isEmpty()
                ? ex.replyAttempt()
                : ex.attempts().get(ex.attempts().size() - 1);
        g.writeStringField("protocol", ex.replyProtocol().name().toLowerCase(java.util.Locale.ROOT));
        g.writeNumberField("rttMs", carrier == null ? 0 : ms(carrier.elapsed()));
        g.writeStringField("rcode", Rcode.string(reply.getRcode()));
        g.writeArrayFieldStart("flags");
        for (int flag : new int[] {Flags.QR, Flags.AA, Flags.TC, Flags.RD, Flags.RA, Flags.AD, Flags.CD}) {
            if (reply.getHeader().getFlag(flag)) {
                g.writeString(Flags.string(flag));
            }
        }
        g.writeEndArray();
        records(g, "answer", reply, org.xbill.DNS.Section.ANSWER);
        records(g, "authority", reply, org.xbill.DNS.Section.AUTHORITY);
        records(g, "additional", reply, org.xbill.DNS.Section.ADDITIONAL);
    }

    private static void records(JsonGenerator g, String field, Message m, int section) throws IOException {
        g.writeArrayFieldStart(field);
        for (Record r : m.getSection(section)) {
            if (r.getType() == Type.OPT) {
                continue;
            }
            g.writeStartObject();
            g.writeStringField("name", r.getName().toString());
            g.writeNumberField("ttl", r.getTTL());
            g.writeStringField("type", Type.string(r.getType()));
            g.writeStringField("data", RecordText.data(r));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static double ms(Duration d) {
        return d == null ? 0 : Math.round(d.toNanos() / 10_000.0) / 100.0;
    }
}
