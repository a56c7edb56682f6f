package org.dnstracer.render;

import java.util.LinkedHashSet;
import java.util.Set;
import org.dnstracer.model.LameReason;
import org.dnstracer.model.Names;
import org.dnstracer.model.Question;
import org.dnstracer.model.TraceNode;
import org.dnstracer.model.Verdict;
import org.dnstracer.net.Attempt;
import org.dnstracer.net.AttemptResult;
import org.dnstracer.net.Exchange;
import org.dnstracer.net.Protocol;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The words after a node's address. Classic texts are kept where the classic tool had them (each followed by a
 * space, as there); what it could not say is added in brackets.
 */
final class NodeStatus {
    private NodeStatus() {}

    static String text(TraceNode node, Question question) {
        Verdict v = node.verdict();
        Exchange exchange = node.exchange();
        StringBuilder out = new StringBuilder(failedTries(exchange));
        switch (v.status()) {
            case NO_ADDRESS -> {
                return "(No IP address)";
            }
            case NOT_QUERIED -> {
                return " Not queried";
            }
            case CACHED -> out.append("(cached)");
            case LOOP -> out.append("Loop ");
            case AUTHORITATIVE_ANSWER -> out.append("Got authoritative answer ").append(receivedTypes(exchange, question));
            case AUTHORITATIVE_NXDOMAIN -> out.append("Got authoritative answer [NXDOMAIN] ");
            case AUTHORITATIVE_NODATA -> out.append("Got authoritative answer [NODATA] ");
            case ANSWER -> out.append("Got answer ").append(receivedTypes(exchange, question));
            case NXDOMAIN -> out.append("Got answer [NXDOMAIN] ");
            case NODATA -> out.append("Got answer [NODATA] ");
            case REFERRAL -> { }
            case LAME -> out.append("Lame server [").append(v.lameReason().text())
                    .append(v.lameReason() == LameReason.UNRELATED_REFERRAL ? " " + Names.display(v.referralZone()) : "")
                    .append("] ");
            case UPWARD_REFERRAL -> out.append("Refers backwards [to ").append(Names.display(v.referralZone())).append("] ");
            case SERVER_ERROR -> out.append("Error [").append(v.detail()).append("] ");
            case TIMEOUT -> out.append(exchange != null && exchange.skipped() ? "(cached) [timeout] " : "[timeout] ");
            case UNREACHABLE -> out.append("[unreachable] ");
            case MALFORMED -> out.append("[malformed reply] ");
            case SEND_ERROR -> out.append("[cannot send: ").append(v.detail()).append("] ");
            case LIMIT, UNFINISHED -> out.append('[').append(v.detail()).append("] ");
            case INTERNAL_ERROR -> out.append("[internal error: ").append(v.detail()).append("] ");
        }
        if (v.viaResolver()) {
            out.append("[no referral; servers of ").append(Names.display(v.referralZone())).append(" found through it] ");
        }
        if (org.dnstracer.trace.ZoneDelegation.isGiven(v)) {
            out.append("[").append(Referrals.parentSaid(exchange, v.referralZone())).append("; servers of ")
                    .append(Names.display(v.referralZone())).append(" given by --ns] ");
        } else if (org.dnstracer.trace.ZoneDelegation.CHILD_ADDED.equals(v.detail())) {
            out.append("[followed with the child's NS set of ").append(Names.display(v.referralZone())).append("] ");
        }
        if (exchange != null) {
            transportNotes(exchange, out);
        }
        return out.toString();
    }

    /** What the transport had to do to get this reply, which the classic tool could not say. */
    private static void transportNotes(Exchange exchange, StringBuilder out) {
        if (exchange.tcpFailure() != null) {
            out.append("[truncated, TCP failed: ").append(exchange.tcpFailure()).append("] ");
        } else if (exchange.fellBackToTcp()) {
            out.append("[truncated, retried over TCP] ");
        }
        switch (exchange.ednsFallback()) {
            case DROPPED -> out.append("[no reply to EDNS, answered without] ");
            case REJECTED -> out.append("[EDNS rejected, answered without] ");
            case NONE -> { }
        }
        if (exchange.answered() && exchange.replyProtocol() == Protocol.TCP
                && exchange.reply().getHeader().getFlag(Flags.TC)) {
            out.append("[TC=1 over TCP] ");
        }
    }

    /**
     * One {@code * } per query sent that got nothing usable, as the classic tool printed one per try: a hedged try
     * sent two queries, so it has two when neither was answered and one when the hedge answered for a first query
     * that did not. When the first query's reply came, the hedge was overtaken rather than lost: no star, or a slow
     * first reply from a healthy server would read as a lost packet.
     */
    private static String failedTries(Exchange exchange) {
        if (exchange == null) {
            return "";
        }
        StringBuilder stars = new StringBuilder();
        for (Attempt a : exchange.attempts()) {
            boolean answered = a.result() == AttemptResult.REPLY || a.result() == AttemptResult.TRUNCATED;
            boolean overtaken = answered && a.hedge() != null && !a.hedge().answered();
            int unanswered = a.queries() - (answered ? 1 : 0) - (overtaken ? 1 : 0);
            stars.append("* ".repeat(unanswered));
        }
        return stars.toString();
    }

    private static String receivedTypes(Exchange exchange, Question question) {
        Set<Integer> types = new LinkedHashSet<>();
        for (Record r : exchange.reply().getSection(Section.ANSWER)) {
            if (r.getType() != question.type() && r.getType() != Type.RRSIG) {
                types.add(r.getType());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int t : types) {
            out.append("[received type is ").append(Type.string(t)).append("] ");
        }
        return out.toString();
    }
}
