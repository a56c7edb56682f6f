package org.dnstracer.interop;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dnstracer.findings.FindingCode;

/**
 * A tool nobody here wrote that names delegation faults, and which of its message tags mean which of our codes: read
 * from {@link FindingCode}'s Zonemaster and DNSViz columns, so docs/findings.md's table and this comparison are one table.
 */
enum Peer {
    /** A Zonemaster column's message tags are those alone in parentheses: "(AXFR_FAILURE, inverted)" is no tag. */
    ZONEMASTER("zonemaster-cli", FindingCode::zonemaster, Pattern.compile("\\(([A-Z0-9_]+)\\)")),
    /** A DNSViz column lists error codes, separated by " / ". */
    DNSVIZ("dnsviz", FindingCode::dnsviz, Pattern.compile("\\b([A-Z][A-Z0-9]*_[A-Z0-9_]+)\\b"));

    private final String tool;
    private final Function<FindingCode, String> column;
    private final Pattern tag;

    Peer(String tool, Function<FindingCode, String> column, Pattern tag) {
        this.tool = tool;
        this.column = column;
        this.tag = tag;
    }

    String tool() {
        return tool;
    }

    /** The tags of this peer that our code corresponds to (none when its column is "-"). */
    Set<String> tags(FindingCode code) {
        Set<String> tags = new LinkedHashSet<>();
        Matcher m = tag.matcher(column.apply(code));
        while (m.find()) {
            tags.add(m.group(1));
        }
        return tags;
    }

    /** Our codes that this peer's message tag corresponds to: empty when the tag names no fault of ours. */
    Set<FindingCode> codes(String messageTag) {
        Set<FindingCode> codes = EnumSet.noneOf(FindingCode.class);
        for (FindingCode code : FindingCode.values()) {
            if (tags(code).contains(messageTag)) {
                codes.add(code);
            }
        }
        return codes;
    }

    boolean maps(FindingCode code) {
        return !tags(code).isEmpty();
    }
}
