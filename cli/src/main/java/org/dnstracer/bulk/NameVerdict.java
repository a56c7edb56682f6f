package org.dnstracer.bulk;

import java.util.Locale;
import org.dnstracer.model.Section;
import org.dnstracer.model.Status;
import org.dnstracer.model.Trace;
import org.dnstracer.model.TraceNode;

/** What a bulk run says of one name, from its trace (the user's question's section) or from its input line. */
public enum NameVerdict {
    /** At least one server of the name's zone answered it authoritatively. */
    ANSWER,
    /** No authoritative answer, and at least one authoritative NXDOMAIN. */
    NXDOMAIN,
    /** No authoritative answer or NXDOMAIN, and at least one authoritative NODATA. */
    NODATA,
    /** No server answered authoritatively. */
    NO_AUTHORITATIVE_ANSWER,
    /** The input line could not be read as a name, or the trace failed inside this program. */
    ERROR;

    /** True for the verdicts that count as an authoritative answer for the exit status. */
    public boolean isAuthoritative() {
        return this == ANSWER || this == NXDOMAIN || this == NODATA;
    }

    /** Lower-case, hyphenated, as in the NDJSON output. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The verdict of the first section, the question as the user asked it. */
    public static NameVerdict of(Trace trace) {
        Section first = trace.sections().get(0);
        boolean[] seen = new boolean[3];
        visit(first.root(), seen);
        return seen[0] ? ANSWER : seen[1] ? NXDOMAIN : seen[2] ? NODATA : NO_AUTHORITATIVE_ANSWER;
    }

    private static void visit(TraceNode node, boolean[] seen) {
        if (node.status() == Status.AUTHORITATIVE_ANSWER) {
            seen[0] = true;
        } else if (node.status() == Status.AUTHORITATIVE_NXDOMAIN) {
            seen[1] = true;
        } else if (node.status() == Status.AUTHORITATIVE_NODATA) {
            seen[2] = true;
        }
        node.children().forEach(c -> visit(c, seen));
    }
}
