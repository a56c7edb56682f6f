package org.dnstracer.net;

import java.util.List;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/** Ready-made replies (and mangled ones) for scripted servers. */
final class Replies {
    static final String ANSWER_ADDRESS = "192.0.2.53";

    private Replies() {}

    /** An authoritative answer with one A record, echoing ID and question. */
    static Message answer(Message query) {
        Message reply = header(query);
        reply.getHeader().setFlag(Flags.AA);
        Record q = query.getQuestion();
        if (q.getType() == Type.A) {
            reply.addRecord(new ARecord(q.getName(), DClass.IN, 300,
                    IpAddresses.parseLiteral(ANSWER_ADDRESS).orElseThrow()), Section.ANSWER);
        }
        return reply;
    }

    /** QR=1, same ID and question, nothing else. */
    static Message header(Message query) {
        Message reply = new Message(query.getHeader().getID());
        reply.getHeader().setFlag(Flags.QR);
        reply.addRecord(query.getQuestion(), Section.QUESTION);
        return reply;
    }

    static Message withId(Message reply, int id) {
        Message copy = reply.clone();
        copy.getHeader().setID(id);
        return copy;
    }

    static Message truncated(Message query) {
        Message reply = header(query);
        reply.getHeader().setFlag(Flags.TC);
        return reply;
    }

    static Message rcode(Message query, int rcode) {
        Message reply = header(query);
        reply.getHeader().setRcode(rcode);
        return reply;
    }

    static Message formerrNoQuestion(Message query) {
        Message reply = new Message(query.getHeader().getID());
        reply.getHeader().setFlag(Flags.QR);
        reply.getHeader().setRcode(Rcode.FORMERR);
        return reply;
    }

    static Message forQuestion(Message query, String name, int type) {
        Message reply = new Message(query.getHeader().getID());
        reply.getHeader().setFlag(Flags.QR);
        reply.addRecord(Record.newRecord(name(name), type, DClass.IN), Section.QUESTION);
        return reply;
    }

    static Name name(String text) {
        try {
            return Name.fromString(text);
        } catch (TextParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static List<ScriptedServer.Reply> one(Message reply) {
        return List.of(ScriptedServer.Reply.of(reply));
    }
}
