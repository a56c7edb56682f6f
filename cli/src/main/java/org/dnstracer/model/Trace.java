package org.dnstracer.model;

import java.util.List;

/**
 * The immutable result of a run: what renderers print.
 *
 * @param start where each section started
 * @param tries tries per server ({@code -r})
 * @param port destination port of every query
 * @param sections the user's question first, then followed CNAME targets
 * @param warnings bounds that were hit and CNAME loops, one sentence each
 * @param stats counters
 */
public record Trace(StartServer start, int tries, int port, List<Section> sections, List<String> warnings,
        TraceStats stats) {
    public Trace {
        sections = List.copyOf(sections);
        warnings = List.copyOf(warnings);
    }

    public Question question() {
        return sections.get(0).question();
    }

    /** Exit status rule: true when at least one server answered authoritatively (NXDOMAIN and NODATA count). */
    public boolean anyAuthoritative() {
        return sections.stream().anyMatch(s -> s.root().anyAuthoritative());
    }
}
