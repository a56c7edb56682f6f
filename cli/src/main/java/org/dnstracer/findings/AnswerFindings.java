package org.dnstracer.findings;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.dnstracer.model.Names;
import org.dnstracer.model.Section;
import org.dnstracer.model.Status;
import org.dnstracer.model.TraceNode;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * Authoritative servers of one zone that answered the same question differently, which no single line of the
 * tree can show. Record order never counts; TTL-only differences are reported apart. Different data is a notice
 * (GeoDNS, CDN pools and weighted records answer per client by design, and neither Zonemaster nor DNSViz calls it
 * a fault); a name that some servers deny (NXDOMAIN) while others answer for it is a warning. The servers blamed
 * are those outside the largest group of equal answers (the first group on a tie).
 */
final class AnswerFindings {
    /** One server's answer, its reply parsed once (a stored reply is parsed again on each read). */
    private record Answer(String server, InetAddress address, TraceNode node, Message reply) {}

    private static final String NXDOMAIN = "NXDOMAIN";

    private AnswerFindings() {}

    static void find(List<TreeWalk> walk, Delegators delegators, FindingCollector out) {
        // sections by identity, in tree order: a section's own hashCode would walk its whole tree
        Map<Section, Map<Name, Map<InetAddress, Answer>>> bySectionAndZone = new IdentityHashMap<>();
        List<Section> sections = new ArrayList<>();
        for (TreeWalk w : walk) {
            TraceNode node = w.node();
            if (!node.status().isAuthoritative() || node.exchange() == null || !node.exchange().answered()
                    || node.address() == null || node.zone() == null) {
                continue;
            }
            Map<InetAddress, Answer> answers = bySectionAndZone.computeIfAbsent(w.section(), s -> {
                sections.add(s);
                return new LinkedHashMap<>();
            }).computeIfAbsent(node.zone(), z -> new LinkedHashMap<>());
            if (!answers.containsKey(node.address())) {
                answers.put(node.address(), new Answer(node.server(), node.address(), node, node.exchange().reply()));
            }
        }
        for (Section section : sections) {
            bySectionAndZone.get(section).forEach((zone, answers) -> {
                List<Answer> list = new ArrayList<>(answers.values());
                if (!compare(section, zone, list, a -> data(a.node(), a.reply()), FindingCode.ANSWER_MISMATCH,
                        delegators, out)) {
                    compare(section, zone, list, a -> withTtls(a.node(), a.reply()), FindingCode.TTL_MISMATCH,
                            delegators, out);
                }
            });
        }
    }

    /** Reports the servers outside the largest group; true when there was more than one group. */
    private static boolean compare(Section section, Name zone, List<Answer> answers, Function<Answer, String> key,
            FindingCode code, Delegators delegators, FindingCollector out) {
        Map<String, List<Answer>> groups = new LinkedHashMap<>();
        for (Answer a : answers) {
            groups.computeIfAbsent(key.apply(a), k -> new ArrayList<>()).add(a);
        }
        if (groups.size() < 2) {
            return false;
        }
        // a name that exists at some servers only is a fault (resolvers cache the denial); other differences
        // in data are how GeoDNS and CDN pools work, and only worth a notice
        if (code == FindingCode.ANSWER_MISMATCH && groups.containsKey(NXDOMAIN)) {
            code = FindingCode.NXDOMAIN_MISMATCH;
        }
        String reference = null;
        for (Map.Entry<String, List<Answer>> e : groups.entrySet()) {
            if (reference == null || e.getValue().size() > groups.get(reference).size()) {
                reference = e.getKey();
            }
        }
        List<String> evidence = new ArrayList<>();
        groups.forEach((text, servers) -> evidence.add(text + " from " + String.join(", ",
                servers.stream().map(s -> ServerText.of(s.server(), s.address())).toList())));
        String question = section.question().displayName() + " " + section.question().typeName();
        String others = String.join(", ", groups.get(reference).stream()
                .map(s -> ServerText.of(s.server(), s.address())).toList());
        for (Map.Entry<String, List<Answer>> e : groups.entrySet()) {
            if (e.getKey().equals(reference)) {
                continue;
            }
            for (Answer a : e.getValue()) {
                out.add(code, zone, a.server(), a.address(), "answered " + question + " differently from " + others,
                        evidence, delegators.of(a.node()));
            }
        }
        return true;
    }

    private static String data(TraceNode node, Message reply) {
        if (node.status() == Status.AUTHORITATIVE_NXDOMAIN) {
            return NXDOMAIN;
        }
        if (node.status() == Status.AUTHORITATIVE_NODATA) {
            return "NODATA";
        }
        TreeSet<String> records = new TreeSet<>();
        for (Record r : reply.getSection(org.xbill.DNS.Section.ANSWER)) {
            if (r.getType() == Type.RRSIG) {
                continue; // each copy may be signed at another time: signatures are -D's business, not the data's
            }
            Record c = canonical(r);
            records.add(Names.display(c.getName()) + " " + Type.string(r.getType()) + " " + c.rdataToString());
        }
        return String.join(", ", records);
    }

    private static String withTtls(TraceNode node, Message reply) {
        TreeSet<String> records = new TreeSet<>();
        for (Record r : reply.getSection(org.xbill.DNS.Section.ANSWER)) {
            if (r.getType() == Type.RRSIG) {
                continue;
            }
            records.add(Names.display(canonical(r).getName()) + " " + Type.string(r.getType()) + " TTL " + r.getTTL());
        }
        return records.isEmpty() ? data(node, reply) : String.join(", ", records);
    }

    /** Names compare without regard to case (RFC 4343): the canonical form lowers them, in rdata too. */
    private static Record canonical(Record r) {
        try {
            return Record.fromWire(r.toWireCanonical(), org.xbill.DNS.Section.ANSWER);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a record dnsjava wrote does not parse back: " + r, e);
        }
    }
}
