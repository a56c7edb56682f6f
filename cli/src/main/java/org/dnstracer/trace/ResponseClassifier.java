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
        boolean authoritative = reply.getHeader().getFlag(Flags.AA);
        if (rcode == Rcode.REFUSED || rcode == Rcode.SERVFAIL || rcode == Rcode.NOTAUTH) {
            if (zone == null) {
                return Verdict.of(Status.SERVER_ERROR, Rcode.string(rcode));
            }
            if (authoritative && rcode == Rcode.SERVFAIL) {
                // the server claims the zone and fails on it (BIND does so on a CNAME loop): its error, not lameness
                return Verdict.of(Status.SERVER_ERROR, Rcode.string(rcode));
            }
            return Verdict.lame(rcode == Rcode.REFUSED ? LameReason.REFUSED
                    : rcode == Rcode.SERVFAIL ? LameReason.SERVFAIL : LameReason.NOTAUTH);
        }
        if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
            return Verdict.of(Status.SERVER_ERROR, Rcode.string(rcode));
        }
        boolean hasAnswers = !reply.getSection(Section.ANSWER).isEmpty();
        Name delegated = delegatedZone(reply, question.name());

        if (authoritative) {
            if (rcode == Rcode.NXDOMAIN) {
                return Verdict.of(Status.AUTHORITATIVE_NXDOMAIN);
            }
            if (answersQuestion(reply, question, zone)) {
                return Verdict.of(Status.AUTHORITATIVE_ANSWER);
            }
            // Some servers set AA on a referral from a parent zone they serve: a delegation below still wins.
            if (delegated != null && !hasSoa(reply) && isBelow(delegated, zone) && question.name().subdomain(delegated)) {
                return Verdict.referral(Status.REFERRAL, delegated);
            }
            if (hasAnswers) {
                return Verdict.of(Status.SERVER_ERROR, "answer holds no " + question.typeName() + " record for "
                        + question.displayName());
            }
            if (reply.getHeader().getFlag(Flags.TC)) {
                // what did not fit is missing: an empty truncated reply proves nothing (and TCP gave no more)
                return Verdict.of(Status.SERVER_ERROR, "truncated reply without an answer");
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
        if (rcode == Rcode.NXDOMAIN) {
            // a name that does not exist is not delegated: NS records beside a non-authoritative NXDOMAIN are not
            // a referral to follow
            return zone != null ? Verdict.lame(LameReason.NOT_AUTHORITATIVE) : Verdict.of(Status.NXDOMAIN);
        }
        if (delegated != null) {
            return classifyReferral(delegated, question, zone);
        }
        if (zone != null) {
            return Verdict.lame(LameReason.NOT_AUTHORITATIVE);
        }
        return Verdict.of(Status.NODATA);
    }

    /**
     * True when the answer section holds, from inside the zone, records of the type asked for at the name asked
     * (any type for ANY), or a CNAME chain starting there.
     */
    static boolean answersQuestion(Message reply, Question question, Name zone) {
        if (!CnameChain.inZone(question.name(), zone)) {
            return false;
        }
        for (Record r : reply.getSection(Section.ANSWER)) {
            if (r.getName().equals(question.name()) && (r.getType() == question.type()
                    || r.getType() == Type.CNAME || question.type() == Type.ANY)) {
                return true;
            }
        }
        return false;
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

    /**
     * The zone a referral points to: of the owners of NS records in the authority section, the deepest one that
     * encloses the name asked for; when none does, the first owner (a referral elsewhere, reported as such).
     */
    static Name delegatedZone(Message reply, Name qname) {
        Name first = null;
        Name best = null;
        for (Record r : reply.getSection(Section.AUTHORITY)) {
            if (r.getType() != Type.NS) {
                continue;
            }
            Name owner = r.getName();
            if (first == null) {
                first = owner;
            }
            if (qname.subdomain(owner) && (best == null || owner.labels() > best.labels())) {
                best = owner;
            }
        }
        return best != null ? best : first;
    }

    private static boolean hasSoa(Message reply) {
        return reply.getSection(Section.AUTHORITY).stream().anyMatch(r -> r.getType() == Type.SOA);
    }

    /** True when {@code child} is strictly below {@code parent} (any zone is below "no zone"). */
    private static boolean isBelow(Name child, Name parent) {
        return parent == null ? !child.equals(Name.root) : child.subdomain(parent) && !child.equals(parent);
    }
}
