package org.dnstracer.findings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The documentation of each finding code, as {@code --explain CODE} prints it and docs/findings.md lists it: the
 * code's own columns ({@link FindingCode}: severity, source, meaning, Zonemaster, DNSViz) with why that severity,
 * the RFC and how to fix it (the resource {@code explain.txt}). One source for both, so they cannot drift.
 */
public final class FindingDoc {
    /** Why the severity, the RFC, how to fix. */
    record Text(String why, String rfc, String fix) {}

    private static final Map<FindingCode, Text> TEXTS = load();

    private FindingDoc() {}

    /** The text for one code, several lines, ending in a newline. */
    public static String explain(FindingCode code) {
        Text t = TEXTS.get(code);
        return code.name() + " (" + code.severity().label() + ", from " + code.source().text() + ")\n"
                + "  " + code.meaning() + "\n"
                + "Severity:   " + t.why() + "\n"
                + "RFC:        " + t.rfc() + "\n"
                + "Zonemaster: " + code.zonemaster() + "\n"
                + "DNSViz:     " + code.dnsviz() + "\n"
                + "Fix:        " + t.fix() + "\n";
    }

    /** The code a user typed (any case), or null. */
    public static FindingCode code(String text) {
        try {
            return FindingCode.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The explanations of docs/findings.md: every code's text under its own heading, in the enum's order. */
    public static String markdown() {
        StringBuilder out = new StringBuilder();
        for (FindingCode code : FindingCode.values()) {
            out.append(out.length() == 0 ? "" : "\n").append("### `").append(code.name()).append("`\n\n```\n")
                    .append(explain(code)).append("```\n");
        }
        return out.toString();
    }

    /** Why the code has its severity (the {@code why:} line of explain.txt, which starts with the severity). */
    static String why(FindingCode code) {
        Text t = TEXTS.get(code);
        return t == null ? "(not documented)" : t.why();
    }

    /** Codes with a block in the resource, in its order (for the test that keeps the two in step). */
    static List<String> documented() {
        return parse().keySet().stream().toList();
    }

    private static Map<FindingCode, Text> load() {
        Map<FindingCode, Text> out = new EnumMap<>(FindingCode.class);
        parse().forEach((name, text) -> {
            FindingCode code = code(name);
            if (code != null) {
                out.put(code, text);
            }
        });
        for (FindingCode code : FindingCode.values()) {
            out.putIfAbsent(code, new Text("(not documented)", "-", "-"));
        }
        return out;
    }

    private static Map<String, Text> parse() {
        String text;
        try (InputStream in = FindingDoc.class.getResourceAsStream("explain.txt")) {
            if (in == null) {
                throw new IllegalStateException("explain.txt is missing from the jar");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Text> out = new java.util.LinkedHashMap<>();
        String name = null;
        List<String> fields = new ArrayList<>();
        for (String line : (text + "\n").lines().toList()) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            if (!line.contains(":") || line.matches("[A-Z0-9_]+")) {
                if (name != null) {
                    out.put(name, text(name, fields));
                }
                name = line.trim();
                fields = new ArrayList<>();
            } else {
                fields.add(line);
            }
        }
        if (name != null) {
            out.put(name, text(name, fields));
        }
        return out;
    }

    private static Text text(String name, List<String> fields) {
        String why = null;
        String rfc = null;
        String fix = null;
        for (String f : fields) {
            String value = f.substring(f.indexOf(':') + 1).trim();
            if (f.startsWith("why:")) {
                why = value;
            } else if (f.startsWith("rfc:")) {
                rfc = value;
            } else if (f.startsWith("fix:")) {
                fix = value;
            }
        }
        if (why == null || rfc == null || fix == null) {
            throw new IllegalStateException("explain.txt: " + name + " needs why:, rfc: and fix: lines");
        }
        return new Text(why, rfc, fix);
    }
}
