package org.dnstracer.render;

import java.io.PrintWriter;
import org.dnstracer.model.Section;
import org.dnstracer.model.Trace;
import org.dnstracer.model.TraceNode;
import org.dnstracer.net.IpAddresses;
import org.xbill.DNS.Record;

/**
 * The {@code -o} table: one line per answer record of every server that answered, in tree order (the classic
 * tool listed servers in reverse order of asking), records in the order the server sent them.
 */
public final class Overview {
    private static final int SERVER_COLUMN = 40;

    private Overview() {}

    public static void render(Trace trace, PrintWriter out) {
        for (Section section : trace.sections()) {
            walk(section.root(), out);
        }
    }

    private static void walk(TraceNode node, PrintWriter out) {
        if (node.exchange() != null && node.exchange().answered()) {
            String server = node.server() + " (" + IpAddresses.format(node.address()) + ")";
            String padded = server.length() < SERVER_COLUMN
                    ? server + " ".repeat(SERVER_COLUMN - server.length())
                    : server + " ";
            for (Record r : node.exchange().reply().getSection(org.xbill.DNS.Section.ANSWER)) {
                if (r.getType() == org.xbill.DNS.Type.RRSIG) {
                    continue; // with -D: the signatures are judged on the tree lines, the overview shows the data
                }
                out.println(padded + r.getName().toString(true) + " -> " + RecordText.data(r));
            }
        }
        for (TraceNode child : node.children()) {
            walk(child, out);
        }
    }
}
