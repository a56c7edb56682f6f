package org.dnstracer.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A zone band's label as drawn: one zone per line, and the "and N more" of a long list on a line of its own, so
 * that every zone name is shown whole however long it is (the layout leaves room for the widest line).
 */
final class BandLabel {
    private BandLabel() {}

    /** {@code "a., b. and 2 more"} gives {@code a.}, {@code b.}, {@code and 2 more}. */
    static List<String> lines(String label) {
        List<String> lines = new ArrayList<>();
        String rest = label;
        int more = rest.lastIndexOf(" and ");
        String tail = null;
        if (more > 0 && rest.endsWith(" more")) {
            tail = rest.substring(more + 1);
            rest = rest.substring(0, more);
        }
        for (String zone : rest.split(", ")) {
            lines.add(zone);
        }
        if (tail != null) {
            lines.add(tail);
        }
        return lines;
    }
}
