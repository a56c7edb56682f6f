package org.dnstracer.dnssec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.dnstracer.model.Names;
import org.xbill.DNS.DClass;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;

/**
 * A dnsjava {@link Resolver} that sends nothing: it answers a validator's questions from replies a trace recorded
 * along one path of servers. The first question gets the reply being judged; a DNSKEY question gets the DNSKEY reply
 * of the path's server for that zone; a DS question gets what the path's server of the parent zone said of that DS
 * in its referral. Anything else was not recorded: it gets SERVFAIL and is remembered, so that a verdict which
 * needed it is known not to rest on the trace alone.
 */
final class RecordedReplies implements Resolver {
    private final Message judged;
    private final Map<Name, Message> dnskeys;
    private final Map<Name, Message> ds;
    private final List<String> unrecorded = new ArrayList<>();
    private boolean judgedSent;

    /**
     * @param judged the reply whose data is judged, answered to the first question
     * @param dnskeys by zone, the DNSKEY reply of the path's server of that zone
     * @param ds by zone, a reply to that zone's DS question as the path's server of its parent gave it
     */
    RecordedReplies(Message judged, Map<Name, Message> dnskeys, Map<Name, Message> ds) {
        this.judged = judged;
        this.dnskeys = new HashMap<>(dnskeys);
        this.ds = new HashMap<>(ds);
    }

    /** The questions the validator asked that the trace holds no reply to, as "name TYPE". */
    synchronized List<String> unrecorded() {
        return List.copyOf(unrecorded);
    }

    @Override
    public CompletionStage<Message> sendAsync(Message query) {
        return CompletableFuture.completedFuture(answer(query));
    }

    @Override
    public CompletionStage<Message> sendAsync(Message query, Executor executor) {
        return sendAsync(query);
    }

    private synchronized Message answer(Message query) {
        Record q = query.getQuestion();
        Message recorded;
        if (!judgedSent) {
            judgedSent = true;
            recorded = judged;
        } else if (q.getType() == Type.DNSKEY) {
            recorded = dnskeys.get(q.getName());
        } else if (q.getType() == Type.DS) {
            recorded = ds.get(q.getName());
        } else {
            recorded = null;
        }
        if (recorded == null) {
            unrecorded.add(Names.display(q.getName()) + " " + Type.string(q.getType()));
            Message fail = new Message(query.getHeader().getID());
            fail.getHeader().setFlag(Flags.QR);
            fail.getHeader().setRcode(Rcode.SERVFAIL);
            fail.addRecord(q, Section.QUESTION);
            return fail;
        }
        Message copy = recorded.clone();
        copy.getHeader().setID(query.getHeader().getID());
        return copy;
    }

    /**
     * A reply to the DS question for {@code child} made of what a referral to it carried: the signed DS RRset as the
     * answer, or the NSEC/NSEC3 records (with their RRSIGs) saying there is none, as a NODATA. The parent's server
     * gave exactly these records for exactly this question's purpose (RFC 4035 3.1.4), so the validator judges the
     * same data either way.
     */
    static Message dsReply(Message referral, Name child) {
        Message m = new Message();
        m.getHeader().setFlag(Flags.QR);
        m.getHeader().setFlag(Flags.AA);
        m.addRecord(Record.newRecord(child, Type.DS, DClass.IN), Section.QUESTION);
        List<RRset> authority = referral.getSectionRRsets(Section.AUTHORITY);
        RRset dsSet = authority.stream().filter(s -> s.getType() == Type.DS && s.getName().equals(child))
                .findFirst().orElse(null);
        if (dsSet != null) {
            add(m, Section.ANSWER, dsSet);
            return m;
        }
        authority.stream().filter(s -> s.getType() == Type.NSEC || s.getType() == Type.NSEC3)
                .forEach(s -> add(m, Section.AUTHORITY, s));
        return m;
    }

    /**
     * The reply with only the RRsets of the answer and authority sections that lie inside {@code zone} (data from a
     * server is believed only inside the zone it was asked about; a server serving a child zone too may add the
     * child's data, which the trace checks at the child's own line) and, when {@code questionType} differs from the
     * reply's, asked as that type.
     */
    static Message inZone(Message reply, Name zone, int questionType) {
        Message m = new Message(reply.getHeader().getID());
        for (int flag : new int[] {Flags.QR, Flags.AA, Flags.TC, Flags.RD, Flags.RA}) {
            if (reply.getHeader().getFlag(flag)) {
                m.getHeader().setFlag(flag);
            }
        }
        m.getHeader().setRcode(reply.getRcode());
        Record q = reply.getQuestion();
        m.addRecord(Record.newRecord(q.getName(), questionType, q.getDClass()), Section.QUESTION);
        for (int section : new int[] {Section.ANSWER, Section.AUTHORITY}) {
            reply.getSectionRRsets(section).stream().filter(s -> s.getName().subdomain(zone))
                    .forEach(s -> add(m, section, s));
        }
        return m;
    }

    private static void add(Message m, int section, RRset set) {
        set.rrs(false).forEach(r -> m.addRecord(r, section));
        set.sigs().forEach(r -> m.addRecord(r, section));
    }

    // the rest of the Resolver interface: nothing is sent, so there is nothing to set

    @Override
    public void setPort(int port) {
        // nothing is sent
    }

    @Override
    public void setTCP(boolean flag) {
        // nothing is sent
    }

    @Override
    public void setIgnoreTruncation(boolean flag) {
        // nothing is sent
    }

    @Override
    public void setEDNS(int version, int payloadSize, int flags, List<EDNSOption> options) {
        // the recorded replies came to queries with DO set; the validator checks that the trace's did
    }

    @Override
    public void setTSIGKey(TSIG key) {
        // nothing is sent
    }

    @Override
    public void setTimeout(Duration timeout) {
        // replies are at hand
    }
}
