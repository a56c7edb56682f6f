package org.dnstracer.net;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The acceptance rule for replies: it parses, QR=1, the ID of this try, and exactly the question asked.
 *
 * <p>Anything else is dropped rather than treated as an answer, because off-path spoofing and late replies to an
 * earlier try look exactly like that. The reasons are written for humans reading the verbose dump.
 */
public final class ReplyMatcher {
    private ReplyMatcher() {}

    /**
     * What to make of received octets.
     *
     * @param reply the parsed, acceptable reply, or null
     * @param reason why it was dropped, or null when accepted
     * @param unparseable true when the octets are not a DNS message at all
     */
    public record Verdict(Message reply, String reason, boolean unparseable) {
        public boolean accepted() {
            return reply != null;
        }

        static Verdict accept(Message reply) {
            return new Verdict(reply, null, false);
        }

        static Verdict reject(String reason) {
            return new Verdict(null, reason, false);
        }

        static Verdict garbage(String reason) {
            return new Verdict(null, reason, true);
        }
    }

    public static Verdict judge(Message query, byte[] wire) {
        Message reply;
        try {
            reply = new Message(wire);
        } catch (IOException | RuntimeException e) {
            // input is hostile by assumption: any failure of the parser means "not a DNS message"
            return Verdict.garbage("ignored unparseable reply of " + wire.length + " octets: " + e.getMessage());
        }
        return mismatch(query, reply).map(Verdict::reject).orElseGet(() -> Verdict.accept(reply));
    }

    /** Why {@code reply} is not an answer to {@code query}, or empty when it is. */
    public static Optional<String> mismatch(Message query, Message reply) {
        if (!reply.getHeader().getFlag(Flags.QR)) {
            return Optional.of("ignored message with QR=0 (a query, not a reply), ID " + hex(reply));
        }
        int expectedId = query.getHeader().getID();
        if (reply.getHeader().getID() != expectedId) {
            return Optional.of(String.format(
                    "ignored reply with ID 0x%04x, expected 0x%04x", reply.getHeader().getID(), expectedId));
        }
        Record asked = query.getQuestion();
        List<Record> questions = reply.getSection(Section.QUESTION);
        if (questions.isEmpty() && (reply.getRcode() == Rcode.FORMERR || reply.getRcode() == Rcode.NOTIMP)) {
            // RFC 1035 lets a server that could not parse the query omit the question; BIND and Unbound accept
            // such a FORMERR too, and the EDNS fallback depends on seeing it. BIND, NSD and Knot answer a query of
            // an opcode they do not implement with NOTIMP and no question, and the --check opcode probe needs it.
            return Optional.empty();
        }
        if (questions.size() != 1) {
            return Optional.of("ignored reply with " + questions.size() + " questions, expected 1 (" + describe(asked)
                    + ")");
        }
        Record got = questions.get(0);
        // Name.equals ignores case, so a server echoing 0x20-mixed case (or normalising it) still matches
        if (!got.getName().equals(asked.getName()) || got.getType() != asked.getType()
                || got.getDClass() != asked.getDClass()) {
            return Optional.of("ignored reply for question " + describe(got) + ", expected " + describe(asked));
        }
        return Optional.empty();
    }

    private static String hex(Message m) {
        return String.format("0x%04x", m.getHeader().getID());
    }

    private static String describe(Record question) {
        return question.getName() + " " + Type.string(question.getType()) + " " + DClass.string(question.getDClass());
    }
}
