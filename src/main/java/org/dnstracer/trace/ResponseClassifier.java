package org.dnstracer.trace;

import java.util.List;
import org.dnstracer.model.LameReason;
import org.dnstracer.model.Question;
import org.dnstracer.model.Status;
import org.dnstracer.model.Verdict;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Classifies a reply before anything acts on it (Unbound's "classify, then act"). Pure: the same reply, question
 * and zone always give the same verdict.
 */
public final class ResponseClassifier {
    private ResponseClassifier() {}

    /**
     * @param reply an accepted reply (its question already matched the one asked)
     * @param question what was asked
     * @param zone the zone the server was delegated (the referral that led to it), or null for a start server
     *     that is not expected to be authoritative (a resolver)
     */
    public static Verdict classify(Message reply, Question question, Name zone) {
        int rcode = reply.getRcode();
        if (rcode == Rcode.REFUSED || rcode == Rcode.SERVFAIL || rcode == Rcode.NOTAUTH) {
            if (zone == null) {
                return Verdict.of(Status.SERVER_ERROR, Rcode.string(rcode));
            }
            return Verdict.lame(rcode == Rcode.REFUSED ? LameReason.REFUSED
                    : rcode == Rcode.SERVFAIL ? LameReason.SERVFAIL : LameReason.NOTAUTH);
        }
        if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
            return Verdict.of(Status.SERVER_ERROR, Rcode.string(rcode));
        }
        boolean authoritative = reply.getHeader().getFlag(Flags.AA);
        boolean hasAnswers = !reply.getSection(Section.ANSWER).isEmpty();
        Name delegated = delegatedZone(reply);

        if (authoritative) {
            if (rcode == Rcode.NXDOMAIN) {
                return Verdict.of(Status.AUTHORITATIVE_NXDOMAIN);
            }
            if (hasAnswers) {
                return Verdict.of(Status.AUTHORITATIVE_ANSWER);
            }
            // Some servers set AA on a referral from a parent zone they serve: a delegation below still wins.
            if (delegated != null && !hasSoa(reply) && isBelow(delegated, zone) && question.name().subdomain(delegated)) {
                return Verdict.referral(Status.REFERRAL, delegated);
            }
            return Verdict.of(Status.AUTHORITATIVE_NODATA);
        }

        if (hasAnswers) {
            if (zone != null) {
                return Verdict.lame(LameReason.NOT_AUTHORITATIVE);
            }
            boolean follow = delegated != null && !delegated.equals(Name.root) && question.name().subdomain(delegated);
            return follow ? Verdict.referral(Status.ANSWER, delegated) : Verdict.of(Status.ANSWER);
        }
        if (delegated != null) {
            return classifyReferral(delegated, question, zone);
        }
        if (zone != null) {
            return Verdict.lame(LameReason.NOT_AUTHORITATIVE);
        }
        return Verdict.of(rcode == Rcode.NXDOMAIN ? Status.NXDOMAIN : Status.NODATA);
    }

    private static Verdict classifyReferral(Name delegated, Question question, Name zone) {
        if (!question.name().subdomain(delegated)) {
            return new Verdict(Status.LAME, LameReason.UNRELATED_REFERRAL, delegated, null);
        }
        if (zone == null) {
            return delegated.equals(Name.root)
                    ? Verdict.referral(Status.UPWARD_REFERRAL, delegated)
                    : Verdict.referral(Status.REFERRAL, delegated);
        }
        if (delegated.equals(zone)) {
            return new Verdict(Status.LAME, LameReason.SAME_ZONE_REFERRAL, delegated, null);
        }
        if (isBelow(delegated, zone)) {
            return Verdict.referral(Status.REFERRAL, delegated);
        }
        return Verdict.referral(Status.UPWARD_REFERRAL, delegated);
    }

    /** The owner of the first NS record in the authority section: the zone a referral points to. */
    static Name delegatedZone(Message reply) {
        List<Record> authority = reply.getSection(Section.AUTHORITY);
        for (Record r : authority) {
            if (r.getType() == Type.NS) {
                return r.getName();
            }
        }
        return null;
    }

    private static boolean hasSoa(Message reply) {
        return reply.getSection(Section.AUTHORITY).stream().anyMatch(r -> r.getType() == Type.SOA);
    }

    /** True when {@code child} is strictly below {@code parent} (any zone is below "no zone"). */
    private static boolean isBelow(Name child, Name parent) {
        return parent == null ? !child.equals(Name.root) : child.subdomain(parent) && !child.equals(parent);
    }
}
