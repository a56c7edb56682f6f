package org.dnstracer.render;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.dnstracer.dnssec.DnssecProblem;
import org.dnstracer.dnssec.DnssecReport;
import org.dnstracer.dnssec.KeyInfo;
import org.dnstracer.dnssec.NodeDnssec;
import org.dnstracer.dnssec.ZoneSummary;
import org.dnstracer.model.Trace;
import org.dnstracer.net.IpAddresses;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Name;

/** The JSON of {@code -D} (documented in docs/output-and-json.md): per node, and one "dnssec" object for the document. */
final class DnssecJson {
    private DnssecJson() {}

    static void node(JsonGenerator g, NodeDnssec v) throws IOException {
        g.writeObjectFieldStart("dnssec");
        g.writeStringField("status", v.status().word());
        if (v.reason() != null) {
            g.writeStringField("reason", v.reason());
        }
        keys(g, v.keys());
        g.writeEndObject();
    }

    static void write(JsonGenerator g, Trace trace, DnssecReport report) throws IOException {
        g.writeObjectFieldStart("dnssec");
        g.writeStringField("time", report.time().toString());
        g.writeStringField("anchorSource", report.anchors().source());
        g.writeArrayFieldStart("anchors");
        for (Map.Entry<Name, List<DSRecord>> e : report.anchors().all().entrySet()) {
            for (DSRecord ds : e.getValue()) {
                g.writeStartObject();
                g.writeStringField("zone", e.getKey().toString());
                g.writeNumberField("keyTag", ds.getFootprint());
                g.writeStringField("algorithm", KeyInfo.algorithmNameOf(ds.getAlgorithm()));
                g.writeNumberField("digestType", ds.getDigestID());
                g.writeEndObject();
            }
        }
        g.writeEndArray();
        g.writeNumberField("dnskeyQueries", report.dnskeyQueries());
        g.writeArrayFieldStart("chains");
        for (int i = 0; i < report.chains().size(); i++) {
            g.writeStartObject();
            g.writeStringField("name", trace.sections().get(i).question().name().toString());
            g.writeStringField("type", trace.sections().get(i).question().typeName());
            g.writeArrayFieldStart("zones");
            for (ZoneSummary z : report.chains().get(i)) {
                g.writeStartObject();
                g.writeStringField("zone", z.zone().toString());
                g.writeStringField("status", z.status().word());
                if (z.reason() != null) {
                    g.writeStringField("reason", z.reason());
                }
                keys(g, z.keys());
                g.writeNumberField("servers", z.servers());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("problems");
        for (DnssecProblem p : report.problems()) {
            g.writeStartObject();
            g.writeStringField("code", p.code().name());
            g.writeStringField("severity", p.severity().word());
            g.writeStringField("zone", p.zone().toString());
            g.writeStringField("server", p.server());
            g.writeStringField("address", p.address() == null ? null : IpAddresses.format(p.address()));
            g.writeStringField("message", p.message());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void keys(JsonGenerator g, List<KeyInfo> keys) throws IOException {
        g.writeArrayFieldStart("keys");
        for (KeyInfo k : keys) {
            g.writeStartObject();
            g.writeNumberField("keyTag", k.keyTag());
            g.writeStringField("algorithm", k.algorithmName());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
