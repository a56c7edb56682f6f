package org.dnstracer.trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.dnstracer.model.Names;
import org.dnstracer.model.Section;
import org.dnstracer.model.Status;
import org.dnstracer.model.TraceNode;
import org.dnstracer.net.IpAddresses;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * Finds authoritative servers of one section that gave different answers to the same question: a finding the
 * tree cannot show, since each line only says that a server answered. TTLs, record order and RRSIGs are ignored.
 */
final class Disagreement {
    private Disagreement() {}

    static List<String> find(Section section) {
        Map<String, List<String>> serversByAnswer = new LinkedHashMap<>();
        collect(section.root(), serversByAnswer);
        if (serversByAnswer.size() < 2) {
            return List.of();
        }
        List<String> parts = new ArrayList<>();
        serversByAnswer.forEach((answer, servers) -> parts.add(answer + " from " + String.join(", ", servers)));
        return List.of("authoritative servers disagree on " + section.question().displayName() + " "
                + section.question().typeName() + ": " + String.join("; ", parts));
    }

    private static void collect(TraceNode node, Map<String, List<String>> serversByAnswer) {
        if (node.status().isAuthoritative() && node.exchange() != null && node.exchange().answered()) {
            String server = node.server() + " (" + IpAddresses.format(node.address()) + ")";
            serversByAnswer.computeIfAbsent(answerText(node), k -> new ArrayList<>()).add(server);
        }
        for (TraceNode child : node.children()) {
            collect(child, serversByAnswer);
        }
    }

    private static String answerText(TraceNode node) {
        if (node.status() == Status.AUTHORITATIVE_NXDOMAIN) {
            return Rcode.string(Rcode.NXDOMAIN);
        }
        if (node.status() == Status.AUTHORITATIVE_NODATA) {
            return "NODATA";
        }
        TreeSet<String> records = new TreeSet<>();
        for (Record r : node.exchange().reply().getSection(org.xbill.DNS.Section.ANSWER)) {
            if (r.getType() == Type.RRSIG) {
                continue; // each copy may be signed at another time: signatures are -D's business, not the data's
            }
            // names compare without regard to case (RFC 4343): the canonical form lowers them, in rdata too
            Record canonical = canonical(r);
            records.add(Names.display(canonical.getName()) + " " + Type.string(r.getType()) + " "
                    + canonical.rdataToString());
        }
        return String.join(", ", records);
    }

    private static Record canonical(Record r) {
        try {
            return Record.fromWire(r.toWireCanonical(), org.xbill.DNS.Section.ANSWER);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a record dnsjava wrote does not parse back: " + r, e);
        }
    }
}
