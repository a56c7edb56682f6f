package org.dnstracer.bulk;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.dnstracer.dnssec.DnssecReport;
import org.dnstracer.dnssec.ZoneSummary;
import org.dnstracer.findings.Finding;
import org.dnstracer.findings.FindingFilter;
import org.dnstracer.model.Section;
import org.dnstracer.model.Status;
import org.dnstracer.model.TraceNode;
import org.dnstracer.net.Attempt;
import org.dnstracer.net.IpAddresses;
import org.dnstracer.render.JsonRenderer;
import org.dnstracer.render.RecordText;
import org.dnstracer.trace.SharedState;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * One NDJSON line per {@link BulkResult} (the schema is in docs/bulk.md): a summary of the name's trace, or with
 * {@code full} the whole trace document of {@link JsonRenderer} on one line. A bad input gives
 * {@code {"line":..,"input":..,"verdict":"error","error":..}} in both forms.
 */
public final class BulkJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private BulkJson() {}

    /**
     * The output line of one result, newline included: its summary object, or with {@code full} its whole trace
     * document.
     *
     * @param findings the findings of the result's trace (see {@link org.dnstracer.findings.Findings})
     */
    public static String text(BulkResult r, List<Finding> findings, boolean full) {
        return text(r, findings, null, full);
    }

    /**
     * As {@link #text(BulkResult, List, boolean)}, with the name's DNSSEC report ({@code -D}; null without): the
     * summary object then has a "dnssec" field, the whole document its "dnssec" objects.
     */
    public static String text(BulkResult r, List<Finding> findings, DnssecReport dnssec, boolean full) {
        return text(r, findings, dnssec, FindingFilter.ALL, full);
    }

    /** As above; the findings {@code filter} does not show ({@code --level}, {@code --ignore}) are marked "hidden". */
    public static String text(BulkResult r, List<Finding> findings, DnssecReport dnssec, FindingFilter filter,
            boolean full) {
        if (full && r.trace() != null) {
            StringWriter text = new StringWriter(4096);
            JsonRenderer.renderLine(r.trace(), findings, dnssec, filter, text);
            return text.toString();
        }
        return line(r, findings, dnssec, filter) + '\n';
    }

    /** The summary object of one result, without the newline. */
    public static String line(BulkResult r) {
        return line(r, List.of());
    }

    /** The summary object of one result with its findings, without the newline. */
    public static String line(BulkResult r, List<Finding> findings) {
        return line(r, findings, null, FindingFilter.ALL);
    }

    /**
     * With {@code -D}: "dnssec" holds the status of the question's own zone (the last of its chain: what a
     * validating resolver would conclude) and the whole chain as text.
     */
    private static String line(BulkResult r, List<Finding> findings, DnssecReport dnssec, FindingFilter filter) {
        StringWriter text = new StringWriter(512);
        try (JsonGenerator g = FACTORY.createGenerator(text)) {
            g.writeStartObject();
            if (r.input().line() > 0) {
                g.writeNumberField("line", r.input().line());
            }
            g.writeStringField("input", r.input().text());
            if (r.input().question() != null) {
                g.writeStringField("name", r.input().question().name().toString());
                g.writeStringField("type", r.input().question().typeName());
            }
            g.writeStringField("verdict", r.verdict().jsonName());
            if (r.error() != null) {
                g.writeStringField("error", r.error());
            }
            if (r.trace() != null) {
                g.writeArrayFieldStart("authoritative");
                for (Section s : r.trace().sections()) {
                    authoritative(g, s, s.root());
                }
                g.writeEndArray();
                g.writeArrayFieldStart("servers");
                for (Section s : r.trace().sections()) {
                    servers(g, s, s.root());
                }
                g.writeEndArray();
                g.writeArrayFieldStart("findings");
                for (Finding f : findings) {
                    JsonRenderer.finding(g, f, !filter.shows(f));
                }
                g.writeEndArray();
                if (dnssec != null && !dnssec.chains().isEmpty()) {
                    List<ZoneSummary> chain = dnssec.chains().get(0);
                    g.writeObjectFieldStart("dnssec");
                    g.writeStringField("status", chain.isEmpty() ? null : chain.get(chain.size() - 1).status().word());
                    g.writeStringField("chain", chain.isEmpty() ? "no zone checked" : DnssecReport.chainText(chain));
                    g.writeEndObject();
                }
                if (!r.trace().warnings().isEmpty()) {
                    g.writeArrayFieldStart("warnings");
                    for (String w : r.trace().warnings()) {
                        g.writeString(w);
                    }
                    g.writeEndArray();
                }
            }
            g.writeNumberField("queries", r.queries());
            g.writeNumberField("elapsedMs", r.elapsedMillis());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** Each authoritative reply, with its answer records. */
    private static void authoritative(JsonGenerator g, Section s, TraceNode n) throws IOException {
        if (n.status().isAuthoritative() && n.exchange() != null && n.exchange().answered()) {
            g.writeStartObject();
            server(g, s, n);
            g.writeArrayFieldStart("answer");
            Message reply = n.exchange().reply();
            for (Record rec : reply.getSection(org.xbill.DNS.Section.ANSWER)) {
                if (rec.getType() != Type.OPT) {
                    g.writeString(rec.getName() + " " + rec.getTTL() + " " + Type.string(rec.getType()) + " "
                            + RecordText.data(rec));
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        for (TraceNode c : n.children()) {
            authoritative(g, s, c);
        }
    }

    /**
     * What every server visited for this name did, in tree order, repeats shown as cached left out. A referral
     * reused from the shared caches, or a silent server not asked again, is listed as a trace that asked would
     * list it, with {@code "reused":true}: no query went to it for this name, its entry is the earlier exchange's.
     */
    private static void servers(JsonGenerator g, Section s, TraceNode n) throws IOException {
        String detail = n.verdict().detail();
        boolean reused = SharedState.LEARNED_REFERRAL.equals(detail) || SharedState.SILENT_EARLIER.equals(detail);
        if (n.status() != Status.CACHED) {
            g.writeStartObject();
            server(g, s, n);
            if (reused) {
                g.writeBooleanField("reused", true);
            }
            if (n.verdict().lameReason() != null) {
                g.writeStringField("lameReason", n.verdict().lameReason().name().toLowerCase(Locale.ROOT)
                        .replace('_', '-'));
            }
            if (n.verdict().referralZone() != null) {
                g.writeStringField("referralZone", n.verdict().referralZone().toString());
            }
            if (n.verdict().detail() != null) {
                g.writeStringField("detail", n.verdict().detail());
            }
            Attempt carrier = n.exchange() == null ? null : n.exchange().replyAttempt();
            if (carrier != null && carrier.elapsed() != null) {
                g.writeNumberField("rttMs", Math.round(carrier.elapsed().toNanos() / 10_000.0) / 100.0);
            }
            g.writeEndObject();
        }
        for (TraceNode c : n.children()) {
            servers(g, s, c);
        }
    }

    private static void server(JsonGenerator g, Section s, TraceNode n) throws IOException {
        g.writeStringField("server", n.server());
        g.writeStringField("address", n.address() == null ? null : IpAddresses.format(n.address()));
        g.writeStringField("zone", n.zone() == null ? null : n.zone().toString());
        if (s.cnameOf() != null) {
            g.writeStringField("qname", s.question().name().toString());
        }
        g.writeStringField("outcome", n.status().jsonName());
    }
}
