package org.dnstracer.trace;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dnstracer.model.Question;
import org.dnstracer.model.Status;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Reads CNAME chains out of answer sections, believing only the links inside the answering server's zone: a
 * server may add the rest of a chain it learned elsewhere, but its word counts only for its own zone, so the
 * chain's end outside it is traced rather than taken from the reply.
 */
public final class CnameChain {
    private CnameChain() {}

    /**
     * A chain as the reply gives it.
     *
     * @param names the names from the start to the end, each once
     * @param loop true when the chain comes back to a name already on it
     */
    public record Walk(List<Name> names, boolean loop) {
        public Walk {
            names = List.copyOf(names);
        }

        public Name start() {
            return names.get(0);
        }

        public Name end() {
            return names.get(names.size() - 1);
        }

        /** The number of CNAME links followed. */
        public int links() {
            return names.size() - 1;
        }
    }

    /**
     * Follows the chain from {@code name} through CNAME records owned inside {@code zone} (every record when zone is
     * null: a start server with no expected zone).
     */
    public static Walk walk(Message reply, Name name, Name zone) {
        Set<Name> seen = new LinkedHashSet<>();
        Name current = name;
        boolean loop = false;
        while (true) {
            seen.add(current);
            Name next = null;
            for (Record r : reply.getSection(Section.ANSWER)) {
                if (r instanceof CNAMERecord c && r.getName().equals(current) && inZone(r.getName(), zone)) {
                    next = c.getTarget();
                    break;
                }
            }
            if (next == null) {
                break;
            }
            if (seen.contains(next)) {
                loop = true;
                break;
            }
            current = next;
        }
        return new Walk(new ArrayList<>(seen), loop);
    }

    /**
     * The name still to trace after an answer: the end of its CNAME chain when the answer does not hold records of
     * the type asked for there from inside the zone. Empty for a loop (nothing to trace) or no chain.
     */
    public static Optional<Name> unresolvedTarget(Message reply, Question question, Name zone) {
        if (question.type() == Type.CNAME || question.type() == Type.ANY) {
            return Optional.empty();
        }
        Walk walk = walk(reply, question.name(), zone);
        if (walk.links() == 0 || walk.loop()) {
            return Optional.empty();
        }
        Name end = walk.end();
        boolean answered = inZone(end, zone) && reply.getSection(Section.ANSWER).stream()
                .anyMatch(r -> r.getName().equals(end) && r.getType() == question.type());
        return answered ? Optional.empty() : Optional.of(end);
    }

    /**
     * The one rule for which replies' CNAMEs are followed, read alike by the tracer (which traces the name), the
     * findings (which warn when it was not traced) and the validator (which asks the denial of the last name): the
     * name to trace after an authoritative reply. After an answer, the end of its chain when the answer lacks the
     * type asked for there ({@link #unresolvedTarget}). After an NXDOMAIN, the end of the chain only when it lies
     * outside the server's zone: the reply code is about the last name of the chain (RFC 6604 §2.1), and inside
     * the zone that is the server's final word; outside it, the server's word does not count. Nothing else.
     */
    public static Optional<Name> followedTarget(Status status, Message reply, Question question, Name zone) {
        if (status == Status.AUTHORITATIVE_ANSWER) {
            return unresolvedTarget(reply, question, zone);
        }
        if (status == Status.AUTHORITATIVE_NXDOMAIN) {
            return unresolvedTarget(reply, question, zone).filter(end -> !inZone(end, zone));
        }
        return Optional.empty();
    }

    public static boolean inZone(Name name, Name zone) {
        return zone == null || name.subdomain(zone);
    }
}
