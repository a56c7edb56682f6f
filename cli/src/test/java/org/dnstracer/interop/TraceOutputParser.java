package org.dnstracer.interop;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text both tracers print (the classic dnstracer 1.9 layout, which ours keeps): a
 * "Tracing to" header per section, tree lines drawn 6 columns per level, then after a blank
 * line the overview ({@code -o}). Lines that are none of these (stray stderr text) are ignored.
 */
final class TraceOutputParser {
    private static final Pattern GRAPHICS = Pattern.compile("^ ((?:[ |]     )*)[ |]\\\\___ (.*)$");
    private static final Pattern SERVER =
            Pattern.compile("^(\\S+) (?:\\[(\\S+)\\] )?\\((?:No IP address|([0-9A-Fa-f:.]+))\\) ?(.*)$");
    private static final Pattern OVERVIEW = Pattern.compile("^(\\S+) \\(([0-9A-Fa-f:.]+)\\)\\s+(\\S+) -> (.*)$");

    private TraceOutputParser() {}

    static TraceOutput parse(String text) {
        List<String> headers = new ArrayList<>();
        List<TraceLine> lines = new ArrayList<>();
        List<OverviewRecord> overview = new ArrayList<>();
        int section = -1;
        for (String raw : text.split("\\R")) {
            if (raw.startsWith("Tracing to ")) {
                headers.add(raw.trim());
                section++;
                continue;
            }
            Matcher o = OVERVIEW.matcher(raw);
            if (o.matches()) {
                overview.add(new OverviewRecord(Normalize.name(o.group(1)), Normalize.ip(o.group(2)),
                        Normalize.name(o.group(3)), Normalize.data(o.group(4))));
                continue;
            }
            int depth = 0;
            String rest = raw;
            Matcher g = GRAPHICS.matcher(raw);
            if (g.matches()) {
                depth = g.group(1).length() / 6 + 1;
                rest = g.group(2);
            }
            Matcher s = SERVER.matcher(rest);
            if (section >= 0 && s.matches()) {
                lines.add(new TraceLine(section, depth, Normalize.name(s.group(1)), Normalize.name(s.group(2)),
                        Normalize.ip(s.group(3)), s.group(4)));
            }
        }
        return new TraceOutput(headers, lines, overview);
    }
}
