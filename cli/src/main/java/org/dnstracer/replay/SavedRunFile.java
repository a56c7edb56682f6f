package org.dnstracer.replay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.dnstracer.dnssec.TrustAnchors;
import org.dnstracer.model.Question;
import org.dnstracer.model.StartServer;
import org.dnstracer.model.TraceStats;
import org.dnstracer.net.Attempt;
import org.dnstracer.net.AttemptResult;
import org.dnstracer.net.EdnsFallback;
import org.dnstracer.net.Exchange;
import org.dnstracer.net.Hedge;
import org.dnstracer.net.IpAddresses;
import org.dnstracer.net.Protocol;
import org.dnstracer.net.ServerAddress;
import org.dnstracer.trace.Delegation;
import org.dnstracer.trace.IpFamily;
import org.dnstracer.trace.Limits;
import org.dnstracer.trace.RootHints;
import org.dnstracer.trace.TraceRequest;
import org.dnstracer.trace.ZoneDelegation;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Master;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * The saved-trace document ({@code --save}, {@code --replay}): JSON written with jackson-core's generator and
 * read as a jackson-databind tree, schemas {@value SavedRun#SCHEMA_WITHOUT_ZONE} and {@value SavedRun#SCHEMA_VERSION}
 * (the same with zone mode's {@code options.zone}), documented in docs/replay.md. Reading is bounded ({@value #MAX_BYTES} octets) and
 * checks everything it builds: every DNS message parses, every address is an IP literal (so nothing read ever
 * triggers a name look-up), every enum value and index is in range. Any fault is one {@link SavedRunException}
 * naming the file and the field.
 */
public final class SavedRunFile {
    /** The format's name, in its {@code "format"} field: what tells a saved trace from other JSON. */
    public static final String FORMAT = "dnstracer-saved-trace";
    /** Larger files are refused, not read: 256 MiB. */
    public static final long MAX_BYTES = 256L << 20;
    private static final int MAX_DEPTH = 64;

    private SavedRunFile() {}

    // ---------------------------------------------------------------- writing

    public static void write(SavedRun run, Writer out) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("schema", run.schema());
            g.writeStringField("tool", run.tool());
            g.writeStringField("savedAt", run.savedAt().toString());
            g.writeArrayFieldStart("commandLine");
            for (String arg : run.commandLine()) {
                g.writeString(arg);
            }
            g.writeEndArray();
            writeRequest(g, run);
            g.writeObjectFieldStart("stats");
            g.writeNumberField("queries", run.stats().queries());
            g.writeNumberField("elapsedMs", run.stats().elapsedMillis());
            g.writeBooleanField("timeLimitReached", run.timeLimitReached());
            g.writeEndObject();
            g.writeArrayFieldStart("exchanges");
            for (RecordedExchange r : run.exchanges()) {
                writeExchange(g, r);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    private static void writeRequest(JsonGenerator g, SavedRun run) throws IOException {
        TraceRequest r = run.request();
        g.writeObjectFieldStart("options");
        g.writeObjectFieldStart("question");
        g.writeStringField("name", r.question().name().toString());
        g.writeStringField("type", Type.string(r.question().type()));
        g.writeEndObject();
        g.writeObjectFieldStart("start");
        g.writeStringField("server", r.start().label());
        g.writeStringField("address", r.start().address() == null ? null : IpAddresses.format(r.start().address()));
        g.writeStringField("zone", r.start().zone() == null ? null : r.start().zone().toString());
        g.writeEndObject();
        g.writeNumberField("port", r.port());
        g.writeStringField("source", run.source() == null ? null : IpAddresses.format(run.source()));
        g.writeNumberField("tries", r.tries());
        g.writeStringField("family", r.family().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        g.writeBooleanField("cache", r.cache());
        g.writeBooleanField("negativeCache", r.negativeCache());
        g.writeBooleanField("followCname", r.followCname());
        Limits l = r.limits();
        g.writeObjectFieldStart("limits");
        g.writeNumberField("maxDepth", l.maxDepth());
        g.writeNumberField("maxQueries", l.maxQueries());
        g.writeNumberField("maxCnameChain", l.maxCnameChain());
        g.writeNumberField("maxNameServers", l.maxNameServers());
        g.writeNumberField("maxLookupNesting", l.maxLookupNesting());
        g.writeNumberField("maxTimeMs", l.maxTime().toMillis());
        g.writeEndObject();
        g.writeArrayFieldStart("rootHints");
        for (RootHints.Server s : r.rootHints().servers()) {
            g.writeStartObject();
            g.writeStringField("name", s.name().toString());
            g.writeArrayFieldStart("addresses");
            for (InetAddress a : s.addresses()) {
                g.writeString(IpAddresses.format(a));
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeBooleanField("lab", run.lab());
        g.writeBooleanField("check", run.check());
        g.writeBooleanField("axfr", run.axfr());
        if (run.dnssec() == null) {
            g.writeNullField("dnssec");
        } else {
            g.writeObjectFieldStart("dnssec");
            g.writeStringField("time", run.dnssec().time().toString());
            g.writeStringField("anchorSource", run.dnssec().anchors().source());
            g.writeArrayFieldStart("anchors");
            for (List<DSRecord> list : run.dnssec().anchors().all().values()) {
                for (DSRecord ds : list) {
                    g.writeString(ds.toString());
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        if (run.zone() != null) {
            writeZone(g, run.zone());
        }
        g.writeEndObject();
    }

    /** Zone mode as given: the zone, and the {@code --ns} servers (names in order, their addresses) or null. */
    private static void writeZone(JsonGenerator g, ZoneDelegation zone) throws IOException {
        g.writeObjectFieldStart("zone");
        g.writeStringField("name", zone.zone().toString());
        if (zone.given() == null) {
            g.writeNullField("ns");
        } else {
            g.writeArrayFieldStart("ns");
            for (Name ns : zone.given().nameServers()) {
                g.writeStartObject();
                g.writeStringField("name", ns.toString());
                g.writeArrayFieldStart("addresses");
                for (InetAddress a : zone.given().glueFor(ns)) {
                    g.writeString(IpAddresses.format(a));
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void writeExchange(JsonGenerator g, RecordedExchange r) throws IOException {
        Exchange e = r.exchange();
        g.writeStartObject();
        g.writeStringField("phase", label(r.phase()));
        g.writeStringField("kind", label(r.kind()));
        g.writeStringField("server", IpAddresses.format(e.server().address()));
        g.writeNumberField("port", e.server().port());
        g.writeStringField("name", e.qname().toString());
        g.writeStringField("type", Type.string(e.qtype()));
        g.writeArrayFieldStart("via");
        for (InetAddress a : r.via()) {
            g.writeString(IpAddresses.format(a));
        }
        g.writeEndArray();
        if (r.kind() == Kind.PROBE) {
            g.writeObjectFieldStart("probe");
            g.writeStringField("protocol", label(r.probeProtocol()));
            g.writeStringField("query", base64(r.probeQuery()));
            g.writeEndObject();
        }
        g.writeBooleanField("late", r.late());
        g.writeBooleanField("skipped", e.skipped());
        g.writeNumberField("replyIndex", e.replyIndex());
        // a reply that no try carries (one built as a message) is kept on its own
        g.writeStringField("reply", e.replyIndex() < 0 && e.answered() ? base64(e.replyOctets()) : null);
        g.writeStringField("tcpFailure", e.tcpFailure());
        g.writeStringField("ednsFallback", label(e.ednsFallback()));
        g.writeArrayFieldStart("tries");
        for (Attempt a : e.attempts()) {
            g.writeStartObject();
            g.writeStringField("protocol", label(a.protocol()));
            g.writeNumberField("timeoutNs", a.timeout() == null ? 0 : a.timeout().toNanos());
            g.writeNumberField("elapsedNs", a.elapsed() == null ? 0 : a.elapsed().toNanos());
            g.writeStringField("result", label(a.result()));
            g.writeStringField("query", base64(a.sentOctets()));
            g.writeStringField("reply", a.receivedOctets() == null ? null : base64(a.receivedOctets()));
            g.writeArrayFieldStart("ignored");
            for (String reason : a.ignored()) {
                g.writeString(reason);
            }
            g.writeEndArray();
            g.writeNumberField("ignoredCount", a.ignoredCount());
            g.writeStringField("error", a.error());
            if (a.hedge() == null) {
                g.writeNullField("hedge");
            } else {
                g.writeObjectFieldStart("hedge");
                g.writeNumberField("afterNs", a.hedge().after().toNanos());
                g.writeNumberField("id", a.hedge().queryId());
                g.writeBooleanField("answered", a.hedge().answered());
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static String label(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String base64(byte[] octets) {
        return Base64.getEncoder().encodeToString(octets);
    }

    // ---------------------------------------------------------------- reading

    /** Reads and checks a saved trace; every problem is one line naming the file. */
    public static SavedRun read(Path file) throws SavedRunException {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new SavedRunException(file + ": no such saved trace");
        } catch (IOException e) {
            throw new SavedRunException(file + ": cannot read: " + e.getMessage());
        }
        if (size > MAX_BYTES) {
            throw new SavedRunException(file + ": " + size + " octets, more than a saved trace may have ("
                    + MAX_BYTES + ", 256 MiB); not read");
        }
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = reader().readTree(in);
        } catch (NoSuchFileException e) {
            throw new SavedRunException(file + ": no such saved trace");
        } catch (IOException e) {
            throw new SavedRunException(file + ": not a saved trace (not valid JSON: " + firstLine(e.getMessage())
                    + ")");
        }
        if (root == null || root.isMissingNode()) {
            throw new SavedRunException(file + ": not a saved trace (not valid JSON: empty document)");
        }
        if (!root.isObject() || !FORMAT.equals(root.path("format").textValue())) {
            throw new SavedRunException(file + ": not a saved dnstracer trace (no \"format\" : \"" + FORMAT + "\")");
        }
        JsonNode schema = root.get("schema");
        if (schema == null || !schema.isIntegralNumber() || !schema.canConvertToLong()
                || schema.longValue() != SavedRun.SCHEMA_WITHOUT_ZONE
                        && schema.longValue() != SavedRun.SCHEMA_VERSION) {
            String tool = root.path("tool").textValue();
            throw new SavedRunException(file + ": saved-trace schema " + (schema == null ? null
                    : schema.isTextual() ? schema.textValue() : schema.toString()) + " (written by "
                    + (tool != null ? tool : "an unknown version") + "); this dnstracer reads schemas "
                    + SavedRun.SCHEMA_WITHOUT_ZONE + " and " + SavedRun.SCHEMA_VERSION + " only");
        }
        try {
            return fromJson(new Obj(root, ""), schema.intValue());
        } catch (Bad e) {
            throw new SavedRunException(file + ": bad saved trace: " + e.getMessage());
        } catch (RuntimeException e) {
            // a combination the field checks let through and a constructor refuses: still the file's fault
            throw new SavedRunException(file + ": bad saved trace: " + e.getMessage());
        }
    }

    /**
     * jackson-core's own bounds: the document length (a file that grows while it is read still cannot exhaust
     * memory), the nesting depth (a hostile file cannot exhaust the stack), and no field given twice; and one JSON
     * value in the document, nothing after it.
     */
    private static ObjectMapper reader() {
        return JsonMapper.builder(JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(MAX_BYTES)
                        // the file size bounds the strings anyway; base64 of a 64 KiB message is far below this
                        .maxStringLength((int) Math.min(Integer.MAX_VALUE, MAX_BYTES))
                        .maxNestingDepth(MAX_DEPTH)
                        .build())
                .build())
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static SavedRun fromJson(Obj root, int schema) throws Bad {
        Obj o = root.obj("options");
        Obj q = o.obj("question");
        Question question = new Question(name(q, "name"), type(q, "type"));
        Obj s = o.obj("start");
        String startAddress = s.stringOrNull("address");
        String startZone = s.stringOrNull("zone");
        StartServer start = new StartServer(s.string("server"),
                startAddress == null ? null : address(startAddress, s.path("address")),
                startZone == null ? null : name(startZone, s.path("zone")));
        int port = o.intIn("port", 1, 65535);
        String sourceText = o.stringOrNull("source");
        InetAddress source = sourceText == null ? null : address(sourceText, o.path("source"));
        int tries = o.intIn("tries", 1, 20);
        IpFamily family = o.enumOf("family", IpFamily.class);
        Obj l = o.obj("limits");
        Limits limits;
        try {
            limits = new Limits(l.intIn("maxDepth", 0, 1000), l.intIn("maxQueries", 0, 1_000_000),
                    l.intIn("maxCnameChain", 0, 1000), l.intIn("maxNameServers", 1, 1000),
                    l.intIn("maxLookupNesting", 1, 1000),
                    Duration.ofMillis(l.longIn("maxTimeMs", 1, 86_400_000L)));
        } catch (IllegalArgumentException e) {
            throw new Bad(l.path("") + ": " + e.getMessage());
        }
        RootHints hints = rootHints(o.list("rootHints"), o.path("rootHints"));
        TraceRequest request = new TraceRequest(question, start, port, family, o.bool("cache"),
                o.bool("negativeCache"), o.bool("followCname"), limits, hints, tries);
        SavedRun.Dnssec dnssec = null;
        if (o.raw("dnssec") != null) {
            Obj d = o.obj("dnssec");
            dnssec = new SavedRun.Dnssec(instant(d, "time"), anchors(d));
        }
        Obj st = root.obj("stats");
        TraceStats stats = new TraceStats(st.intIn("queries", 0, Integer.MAX_VALUE),
                st.longIn("elapsedMs", 0, Long.MAX_VALUE));
        List<RecordedExchange> exchanges = new ArrayList<>();
        JsonNode list = root.list("exchanges");
        for (int i = 0; i < list.size(); i++) {
            exchanges.add(exchange(root.element(list, i, "exchanges")));
        }
        List<String> commandLine = root.strings("commandLine");
        ZoneDelegation zone = null;
        if (schema == SavedRun.SCHEMA_VERSION) {
            zone = zone(o.obj("zone"));
        } else if (o.raw("zone") != null) {
            throw new Bad(o.path("zone") + ": zone mode is schema " + SavedRun.SCHEMA_VERSION + ", not "
                    + SavedRun.SCHEMA_WITHOUT_ZONE);
        }
        return new SavedRun(root.string("tool"), instant(root, "savedAt"), commandLine, request, source,
                o.bool("lab"), o.bool("check"), o.bool("axfr"), zone, dnssec, stats, st.bool("timeLimitReached"),
                exchanges);
    }

    /** Zone mode as given: checked as {@code --zone} and {@code --ns} are (names, IP literals, each name once). */
    private static ZoneDelegation zone(Obj z) throws Bad {
        Name apex = name(z, "name");
        if (z.raw("ns") == null) {
            z.required("ns"); // null, not missing: a file that says nothing of --ns is not read as without it
            return new ZoneDelegation(apex, null);
        }
        JsonNode servers = z.list("ns");
        if (servers.isEmpty()) {
            throw new Bad(z.path("ns") + ": no servers (null when --ns was not given)");
        }
        List<Name> names = new ArrayList<>();
        Map<Name, List<InetAddress>> glue = new LinkedHashMap<>();
        for (int i = 0; i < servers.size(); i++) {
            Obj s = z.element(servers, i, "ns");
            Name ns = name(s, "name");
            if (names.contains(ns)) {
                throw new Bad(s.path("name") + ": " + ns + " is given twice");
            }
            names.add(ns);
            List<String> texts = s.strings("addresses");
            List<InetAddress> addresses = new ArrayList<>();
            for (int j = 0; j < texts.size(); j++) {
                InetAddress a = address(texts.get(j), s.path("addresses") + "[" + j + "]");
                if (!addresses.contains(a)) {
                    addresses.add(a);
                }
            }
            if (!addresses.isEmpty()) {
                glue.put(ns, addresses);
            }
        }
        return new ZoneDelegation(apex, new Delegation(apex, names, glue));
    }

    private static RootHints rootHints(JsonNode servers, String path) throws Bad {
        List<Record> records = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            Obj s = new Obj(servers.get(i), path + "[" + i + "]");
            Name ns = name(s, "name");
            records.add(new NSRecord(Name.root, DClass.IN, 518400, ns));
            List<String> addresses = s.strings("addresses");
            for (int j = 0; j < addresses.size(); j++) {
                InetAddress a = address(addresses.get(j), s.path("addresses") + "[" + j + "]");
                records.add(a.getAddress().length == 4 ? new ARecord(ns, DClass.IN, 518400, a)
                        : new AAAARecord(ns, DClass.IN, 518400, a));
            }
        }
        try {
            return RootHints.fromRecords(records, "saved root hints");
        } catch (RootHints.HintsException e) {
            throw new Bad(path + ": " + e.getMessage());
        }
    }

    private static TrustAnchors anchors(Obj d) throws Bad {
        String source = d.string("anchorSource");
        JsonNode texts = d.list("anchors");
        if (texts.isEmpty()) {
            return TrustAnchors.none(source);
        }
        StringBuilder zone = new StringBuilder();
        for (int i = 0; i < texts.size(); i++) {
            String t = texts.get(i).textValue();
            if (t == null || t.indexOf('\n') >= 0 || t.indexOf('$') >= 0) {
                throw new Bad(d.path("anchors") + "[" + i + "]: not one DS record");
            }
            zone.append(t).append('\n');
        }
        List<Record> records = new ArrayList<>();
        try (Master master = new Master(new java.io.ByteArrayInputStream(zone.toString().getBytes(
                StandardCharsets.UTF_8)), Name.root, 3600)) {
            master.disableIncludes(true);
            Record r;
            while ((r = master.nextRecord()) != null) {
                if (!(r instanceof DSRecord)) {
                    throw new Bad(d.path("anchors") + ": " + r + " is not a DS record");
                }
                records.add(r);
            }
        } catch (IOException | RuntimeException e) {
            throw new Bad(d.path("anchors") + ": " + e.getMessage());
        }
        try {
            return TrustAnchors.of(records, source);
        } catch (TrustAnchors.AnchorException e) {
            throw new Bad(d.path("anchors") + ": " + e.getMessage());
        }
    }

    private static RecordedExchange exchange(Obj x) throws Bad {
        Phase phase = x.enumOf("phase", Phase.class);
        Kind kind = x.enumOf("kind", Kind.class);
        ServerAddress server = new ServerAddress(address(x.string("server"), x.path("server")),
                x.intIn("port", 1, 65535));
        Name qname = name(x, "name");
        int qtype = type(x, "type");
        List<String> viaText = x.strings("via");
        List<InetAddress> via = new ArrayList<>();
        for (int i = 0; i < viaText.size(); i++) {
            via.add(address(viaText.get(i), x.path("via") + "[" + i + "]"));
        }
        Protocol probeProtocol = null;
        byte[] probeQuery = null;
        if (kind == Kind.PROBE) {
            Obj p = x.obj("probe");
            probeProtocol = p.enumOf("protocol", Protocol.class);
            probeQuery = message(p, "query");
        }
        JsonNode triesJson = x.list("tries");
        List<Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < triesJson.size(); i++) {
            attempts.add(attempt(x.element(triesJson, i, "tries")));
        }
        int replyIndex = x.intIn("replyIndex", -1, attempts.size() - 1);
        if (replyIndex >= 0 && attempts.get(replyIndex).receivedSize() == 0) {
            throw new Bad(x.path("replyIndex") + ": try " + replyIndex + " has no reply");
        }
        byte[] reply = x.raw("reply") == null ? null : message(x, "reply");
        boolean skipped = x.bool("skipped");
        if (attempts.isEmpty() && !skipped && replyIndex < 0 && reply == null) {
            throw new Bad(x.path("tries") + ": no tries, yet not skipped");
        }
        Exchange exchange = Exchange.restored(server, qname, qtype, attempts, replyIndex, reply, skipped,
                x.stringOrNull("tcpFailure"), x.enumOf("ednsFallback", EdnsFallback.class));
        return new RecordedExchange(phase, kind, probeProtocol, probeQuery, via, exchange, x.bool("late"));
    }

    private static Attempt attempt(Obj t) throws Bad {
        List<String> ignored = t.strings("ignored");
        Hedge hedge = null;
        if (t.raw("hedge") != null) {
            Obj h = t.obj("hedge");
            hedge = new Hedge(Duration.ofNanos(h.longIn("afterNs", 0, Long.MAX_VALUE)), h.intIn("id", 0, 0xFFFF),
                    h.bool("answered"));
        }
        return Attempt.restored(t.enumOf("protocol", Protocol.class), message(t, "query"),
                Duration.ofNanos(t.longIn("timeoutNs", 0, Long.MAX_VALUE)),
                Duration.ofNanos(t.longIn("elapsedNs", 0, Long.MAX_VALUE)), t.enumOf("result", AttemptResult.class),
                t.raw("reply") == null ? null : message(t, "reply"), ignored,
                t.intIn("ignoredCount", 0, Integer.MAX_VALUE), t.stringOrNull("error"), hedge);
    }

    /** Base64 octets that must parse as a DNS message: the renderers parse them again and may not fail. */
    private static byte[] message(Obj o, String field) throws Bad {
        byte[] octets;
        try {
            octets = Base64.getDecoder().decode(o.string(field));
        } catch (IllegalArgumentException e) {
            throw new Bad(o.path(field) + ": not base64");
        }
        try {
            new Message(octets);
        } catch (IOException | RuntimeException e) {
            throw new Bad(o.path(field) + ": not a DNS message (" + e.getMessage() + ")");
        }
        return octets;
    }

    private static Name name(Obj o, String field) throws Bad {
        return name(o.string(field), o.path(field));
    }

    private static Name name(String text, String path) throws Bad {
        try {
            return Name.fromString(text, Name.root);
        } catch (TextParseException e) {
            throw new Bad(path + ": not a domain name: " + e.getMessage());
        }
    }

    private static int type(Obj o, String field) throws Bad {
        int type = Type.value(o.string(field), true);
        if (type < 0 || type > 0xFFFF) {
            throw new Bad(o.path(field) + ": unknown type '" + o.string(field) + "'");
        }
        return type;
    }

    /** An IP literal only: never a name, so reading a file never looks anything up. */
    private static InetAddress address(String text, String path) throws Bad {
        return IpAddresses.parseLiteral(text).orElseThrow(() -> new Bad(path + ": not an IP address: '" + text + "'"));
    }

    private static Instant instant(Obj o, String field) throws Bad {
        try {
            return Instant.parse(o.string(field));
        } catch (DateTimeParseException e) {
            throw new Bad(o.path(field) + ": not a moment (2026-12-02T12:00:00Z): '" + o.string(field) + "'");
        }
    }

    /** A problem in the document, with the path of the field. */
    private static final class Bad extends Exception {
        private static final long serialVersionUID = 1L;

        Bad(String message) {
            super(message, null, false, false);
        }
    }

    /** A JSON object with its path in the document, for messages. */
    private static final class Obj {
        private final JsonNode node;
        private final String path;

        Obj(JsonNode value, String path) throws Bad {
            if (value == null || !value.isObject()) {
                throw new Bad((path.isEmpty() ? "document" : path) + ": not an object");
            }
            this.node = value;
            this.path = path;
        }

        String path(String field) {
            return field.isEmpty() ? path : path.isEmpty() ? field : path + "." + field;
        }

        /** The field's value, or null when it is missing or JSON null. */
        JsonNode raw(String field) {
            JsonNode v = node.get(field);
            return v == null || v.isNull() ? null : v;
        }

        JsonNode required(String field) throws Bad {
            JsonNode v = node.get(field);
            if (v == null) {
                throw new Bad(path(field) + ": missing");
            }
            return v;
        }

        Obj obj(String field) throws Bad {
            return new Obj(required(field), path(field));
        }

        Obj element(JsonNode list, int i, String field) throws Bad {
            return new Obj(list.get(i), path(field) + "[" + i + "]");
        }

        JsonNode list(String field) throws Bad {
            JsonNode v = required(field);
            if (!v.isArray()) {
                throw new Bad(path(field) + ": not a list");
            }
            return v;
        }

        /** A list of strings. */
        List<String> strings(String field) throws Bad {
            JsonNode list = list(field);
            List<String> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                if (!list.get(i).isTextual()) {
                    throw new Bad(path(field) + "[" + i + "]: not a string");
                }
                out.add(list.get(i).textValue());
            }
            return out;
        }

        String string(String field) throws Bad {
            JsonNode v = required(field);
            if (!v.isTextual()) {
                throw new Bad(path(field) + ": not a string");
            }
            return v.textValue();
        }

        String stringOrNull(String field) throws Bad {
            JsonNode v = required(field);
            if (!v.isNull() && !v.isTextual()) {
                throw new Bad(path(field) + ": not a string");
            }
            return v.textValue();
        }

        boolean bool(String field) throws Bad {
            JsonNode v = required(field);
            if (!v.isBoolean()) {
                throw new Bad(path(field) + ": not true or false");
            }
            return v.booleanValue();
        }

        long longIn(String field, long min, long max) throws Bad {
            JsonNode v = required(field);
            if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < min || v.longValue() > max) {
                throw new Bad(path(field) + ": not a whole number from " + min + " to " + max);
            }
            return v.longValue();
        }

        int intIn(String field, int min, int max) throws Bad {
            return (int) longIn(field, min, max);
        }

        <E extends Enum<E>> E enumOf(String field, Class<E> type) throws Bad {
            String text = string(field);
            for (E e : type.getEnumConstants()) {
                if (label(e).equals(text)) {
                    return e;
                }
            }
            throw new Bad(path(field) + ": unknown value '" + text + "'");
        }
    }
}
