package org.dnstracer.render;

import java.io.PrintWriter;
import org.dnstracer.model.Trace;

/** What follows the trees: the bounds that were hit, then (with -o) the overview after an empty line. */
public final class Trailer {
    private Trailer() {}

    public static void render(Trace trace, boolean overview, PrintWriter out) {
        for (String warning : trace.warnings()) {
            out.println("Warning: " + warning);
        }
        if (overview) {
            out.println();
            Overview.render(trace, out);
        }
        out.flush();
    }
}
