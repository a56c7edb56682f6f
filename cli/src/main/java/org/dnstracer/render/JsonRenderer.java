package org.dnstracer.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.util.List;
import org.dnstracer.findings.Finding;
import org.dnstracer.findings.FindingFilter;
import org.dnstracer.findings.ServerNsid;
import org.dnstracer.dnssec.DnssecReport;
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

/** The whole trace as one JSON document ({@code --json}); the schema is documented in docs/output-and-json.md. */
public final class JsonRenderer {
    public static final int SCHEMA_VERSION = 1;

    private JsonRenderer() {}

    public static void render(Trace trace, Writer out) {
        render(trace, List.of(), null, out);
    }

    /** The trace and its findings (see {@link org.dnstracer.findings.Findings}). */
    public static void render(Trace trace, List<Finding> findings, Writer out) {
        render(trace, findings, null, out);
    }

    /**
     * The trace, its findings and, with {@code -D}, its DNSSEC report: each checked node then gets "dnssec", the
     * document a top-level "dnssec".
     */
    public static void render(Trace trace, List<Finding> findings, DnssecReport dnssec, Writer out) {
        render(trace, findings, dnssec, FindingFilter.ALL, out, true);
    }

    /** As above; the findings {@code filter} does not show ({@code --level}, {@code --ignore}) are marked "hidden". */
    public static void render(Trace trace, List<Finding> findings, DnssecReport dnssec, FindingFilter filter,
            Writer out) {
        render(trace, findings, dnssec, filter, out, true);
    }

    /**
     * As above, with the NSIDs {@code --check} got (RFC 5001): a top-level "nsid" array of {server, address, nsid},
     * absent when there is none.
     */
    public static void render(Trace trace, List<Finding> findings, DnssecReport dnssec, FindingFilter filter,
            List<ServerNsid> nsids, Writer out) {
        render(trace, findings, dnssec, filter, nsids, out, true);
    }

    /** The same document without indentation, ended by a newline (for a page that embeds it). */
    public static void renderCompact(Trace trace, List<Finding> findings, DnssecReport dnssec, Writer out) {
        render(trace, findings, dnssec, FindingFilter.ALL, out, false);
    }

    /** The same document on one line (for NDJSON: one trace a line), ended by a newline. */
    public static void renderLine(Trace trace, List<Finding> findings, Writer out) {
        render(trace, findings, null, FindingFilter.ALL, out, false);
    }

    /** The same document on one line, with the DNSSEC report of {@code -D} (null without) and the filter shown. */
    public static void renderLine(Trace trace, List<Finding> findings, DnssecReport dnssec, FindingFilter filter,
            Writer out) {
        render(trace, findings, dnssec, filter, out, false);
    }

    private static void render(Trace trace, List<Finding> findings, DnssecReport dnssec, FindingFilter filter,
            Writer out, boolean pretty) {
        render(trace, findings, dnssec, filter, List.of(), out, pretty);
    }

    private static void render(Trace trace, List<Finding> findings, DnssecReport dnssec, FindingFilter filter,
            List<ServerNsid> nsids, Writer out, boolean pretty) {
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            if (pretty) {
                g.useDefaultPrettyPrinter();
            } else {
                g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET); // more lines follow on the same writer
            }
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
                node(g, s.root(), dnssec);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("warnings");
            for (String w : trace.warnings()) {
                g.writeString(w);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("findings");
            for (Finding f : findings) {
                finding(g, f, !filter.shows(f));
            }
            g.writeEndArray();
            if (dnssec != null) {
                DnssecJson.write(g, trace, dnssec);
            }
            if (!nsids.isEmpty()) {
                g.writeArrayFieldStart("nsid");
                for (ServerNsid n : nsids) {
                    g.writeStartObject();
                    g.writeStringField("server", n.server());
                    g.writeStringField("address", IpAddresses.format(n.address()));
                    g.writeStringField("nsid", n.nsid());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
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

    /** One finding as an object of the {@code findings} array (also used by the bulk tracer's lines). */
    public static void finding(JsonGenerator g, Finding f) throws IOException {
        finding(g, f, false);
    }

    /** @param hidden left out of the text by --level or --ignore: marked "hidden": true (absent otherwise) */
    public static void finding(JsonGenerator g, Finding f, boolean hidden) throws IOException {
        g.writeStartObject();
        g.writeStringField("severity", f.severity().label());
        g.writeStringField("code", f.code().name());
        g.writeStringField("zone", f.zone() == null ? null : f.zone().toString());
        g.writeStringField("server", f.server());
        g.writeStringField("address", f.address() == null ? null : IpAddresses.format(f.address()));
        g.writeStringField("message", f.message());
        g.writeArrayFieldStart("evidence");
        for (String e : f.evidence()) {
            g.writeString(e);
        }
        g.writeEndArray();
        if (hidden) {
            g.writeBooleanField("hidden", true);
        }
        g.writeEndObject();
    }

    private static void question(JsonGenerator g, String field, Question q) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("name", q.name().toString());
        g.writeStringField("type", q.typeName());
        g.writeEndObject();
    }

    private static void node(JsonGenerator g, TraceNode n, DnssecReport dnssec) throws IOException {
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
        if (v.viaResolver()) {
            g.writeBooleanField("foundThroughResolver", true);
        }
        Exchange ex = n.exchange();
        if (ex != null) {
            exchange(g, ex);
        }
        if (dnssec != null && dnssec.of(n) != null) {
            DnssecJson.node(g, dnssec.of(n));
        }
        g.writeArrayFieldStart("children");
        for (TraceNode child : n.children()) {
            node(g, child, dnssec);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /**
     * The fields of one exchange, into the object being written: its tries (hedges included), then what the reply
     * said. The report page's node details use it too, so that an exchange has one JSON form wherever it is shown.
     */
    public static void exchange(JsonGenerator g, Exchange ex) throws IOException {
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
