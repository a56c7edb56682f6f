package org.dnstracer.interop;

import java.util.List;

/**
 * A parsed run of a tracer: the header of each section (section 0 is the trace of the question,
 * later ones are our CNAME-target traces), every server line, and the overview.
 */
record TraceOutput(List<String> headers, List<TraceLine> lines, List<OverviewRecord> overview) {

    /** The server lines of the first section only: the trace of the name that was asked. */
    List<TraceLine> mainTree() {
        return lines.stream().filter(l -> l.section() == 0).toList();
    }
}
