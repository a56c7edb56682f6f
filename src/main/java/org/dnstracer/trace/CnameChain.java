package org.dnstracer.trace;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.dnstracer.model.Question;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Reads CNAME chains out of answer sections. */
public final class CnameChain {
    private CnameChain() {}

    /** The last name of the CNAME chain that starts at {@code name} in the answer section (name itself if none). */
    public static Name end(Message reply, Name name) {
        Name current = name;
        Set<Name> seen = new HashSet<>();
        while (seen.add(current)) {
            Name next = null;
            for (Record r : reply.getSection(Section.ANSWER)) {
                if (r instanceof CNAMERecord c && r.getName().equals(current)) {
                    next = c.getTarget();
                    break;
                }
            }
            if (next == null) {
                break;
            }
            current = next;
        }
        return current;
    }

    /**
     * The name still to trace after an answer: the end of its CNAME chain when the answer does not already hold
     * records of the type asked for there.
     */
    public static Optional<Name> unresolvedTarget(Message reply, Question question) {
        if (question.type() == Type.CNAME || question.type() == Type.ANY) {
            return Optional.empty();
        }
        Name end = end(reply, question.name());
        if (end.equals(question.name())) {
            return Optional.empty();
        }
        boolean answered = reply.getSection(Section.ANSWER).stream()
                .anyMatch(r -> r.getName().equals(end) && r.getType() == question.type());
        return answered ? Optional.empty() : Optional.of(end);
    }
}
