package org.dnstracer.render;

import java.util.List;
import org.dnstracer.model.Question;
import org.dnstracer.model.StartServer;
import org.dnstracer.model.TraceNode;
import org.dnstracer.net.IpAddresses;
import org.xbill.DNS.Name;

/** The classic tree's text: header lines, the drawing in front of a node, and the node line itself. */
public final class TreeLines {
    private TreeLines() {}

    /** {@code Tracing to www.example.com[A] via 192.0.2.53, maximum of 3 retries}, plus the CNAME it follows. */
    public static String header(Question question, Name cnameOf, StartServer start, int tries) {
        String line = "Tracing to " + question.displayName() + "[" + question.typeName() + "] via " + start.label()
                + ", maximum of " + tries + " retries";
        return cnameOf == null ? line : line + " (CNAME target of " + cnameOf.toString(true) + ")";
    }

    /**
     * The drawing before a node: nothing at depth 0, then 6 columns a level, {@code |} under every ancestor that
     * has siblings after it, {@code |\___ } or {@code  \___ } (last child) for the node.
     */
    public static String prefix(List<Boolean> last) {
        if (last.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(" ");
        for (int k = 0; k < last.size() - 1; k++) {
            out.append(last.get(k) ? ' ' : '|').append("     ");
        }
        out.append(last.get(last.size() - 1) ? ' ' : '|').append("\\___ ");
        return out.toString();
    }

    /** {@code ns1.example.com [example.com] (192.0.2.1) Got authoritative answer } */
    public static String node(TraceNode node, Question question) {
        StringBuilder out = new StringBuilder(node.server()).append(' ');
        if (node.zone() != null) {
            out.append('[').append(node.zone().toString(true)).append("] ");
        }
        String status = NodeStatus.text(node, question);
        if (node.address() != null) {
            out.append('(').append(IpAddresses.format(node.address())).append(')');
            out.append(status.startsWith(" ") ? "" : " ");
        }
        return out.append(status).toString();
    }

    public static String line(TraceNode node, Question question, List<Boolean> last) {
        return prefix(last) + node(node, question);
    }
}
