package org.dnstracer.lab;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSOutput;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Bytes in, bytes out: decoding queries, and fitting replies into what the transport and the client accept. */
final class ReplyEncoder {
    /** Classic DNS over UDP without EDNS (RFC 1035 §4.2.1). */
    static final int PLAIN_UDP_LIMIT = 512;

    /** The largest UDP payload IPv4 can carry. */
    static final int MAX_UDP = 65_507;

    static final int TCP_LIMIT = 65_535;

    private static final int HEADER_BYTES = 12;

    private ReplyEncoder() {}

    /** What a client may receive over UDP: its EDNS payload size (at least 512), or 512 without OPT. */
    static int udpLimit(Message query) {
        OPTRecord opt = query.getOPT();
        if (opt == null) {
            return PLAIN_UDP_LIMIT;
        }
        return Math.min(MAX_UDP, Math.max(PLAIN_UDP_LIMIT, opt.getPayloadSize()));
    }

    /**
     * Encodes a reply; when it does not fit (or {@code forceTruncate}), sends instead header and question only with
     * TC=1, keeping the OPT record so the client still learns that EDNS was understood, as NSD and Knot do.
     */
    static byte[] encode(Message reply, int limit, boolean forceTruncate) {
        return encode(reply, limit, forceTruncate, true);
    }

    /** As {@link #encode(Message, int, boolean)}; {@code keepOpt} false leaves the OPT out of a truncated reply. */
    static byte[] encode(Message reply, int limit, boolean forceTruncate, boolean keepOpt) {
        byte[] wire = reply.toWire();
        if (wire.length <= limit && !forceTruncate) {
            return wire;
        }
        return truncated(reply, keepOpt).toWire();
    }

    static Message truncated(Message reply) {
        return truncated(reply, true);
    }

    private static Message truncated(Message reply, boolean keepOpt) {
        Header h = reply.getHeader();
        Message t = new Message(h.getID());
        Header th = t.getHeader();
        for (int flag : new int[] {Flags.QR, Flags.AA, Flags.RD}) {
            if (h.getFlag(flag)) {
                th.setFlag(flag);
            }
        }
        th.setFlag(Flags.TC);
        th.setOpcode(h.getOpcode());
        th.setRcode(h.getRcode());
        if (reply.getQuestion() != null) {
            t.addRecord(reply.getQuestion(), Section.QUESTION);
        }
        if (reply.getOPT() != null && keepOpt) {
            t.addRecord(reply.getOPT(), Section.ADDITIONAL);
        }
        return t;
    }

    /**
     * Answers a datagram dnsjava cannot parse: FORMERR carrying its ID when it at least has a query header,
     * nothing at all when it is shorter than a header or is itself a response (never answer answers: loops).
     */
    static List<byte[]> formErr(byte[] data, int length) {
        List<byte[]> out = new ArrayList<>(1);
        if (length < HEADER_BYTES || (data[2] & 0x80) != 0) {
            return out;
        }
        Message m = new Message(((data[0] & 0xff) << 8) | (data[1] & 0xff));
        m.getHeader().setFlag(Flags.QR);
        m.getHeader().setOpcode((data[2] >>> 3) & 0xF);
        m.getHeader().setRcode(Rcode.FORMERR);
        out.add(m.toWire());
        return out;
    }

    /** Parses a query, or returns null when it is not a parseable query message. */
    static Message decode(byte[] data, int length) {
        if (length < HEADER_BYTES || (data[2] & 0x80) != 0) {
            return null;
        }
        try {
            byte[] exact = length == data.length ? data : java.util.Arrays.copyOf(data, length);
            return new Message(exact);
        } catch (IOException e) {
            return null;
        }
    }

    /** A copy of an encoded message with a different ID: the "wrong ID first" reply. */
    static byte[] withOtherId(byte[] wire) {
        byte[] copy = wire.clone();
        int id = ((copy[0] & 0xff) << 8) | (copy[1] & 0xff);
        int other = (id + 0x5a5a) & 0xffff;
        copy[0] = (byte) (other >>> 8);
        copy[1] = (byte) other;
        return copy;
    }

    /**
     * A datagram carrying the query's ID and a reply header that promises a question, then breaks off inside
     * its first label: not a DNS message, but enough like a reply to be read as one.
     */
    static byte[] garbage(int id) {
        return new byte[] {(byte) (id >>> 8), (byte) id, (byte) 0x84, 0, 0, 1, 0, 0, 0, 0, 0, 0, 63, 'b', 'a', 'd'};
    }

    /** The reply with its question swapped for another name (same type and class), as a confused server sends. */
    static Message withOtherQuestion(Message reply) {
        Message other = reply.clone();
        Record q = reply.getQuestion();
        other.removeAllRecords(Section.QUESTION);
        if (q != null) {
            other.addRecord(Record.newRecord(WRONG_QUESTION, q.getType(), q.getDClass()),
                    Section.QUESTION);
        }
        return other;
    }

    /** The name the {@code wrong-question} quirk asks about instead. */
    static final Name WRONG_QUESTION = Name.fromConstantString("wrong-question.invalid.");

    /**
     * An authoritative reply to {@code query} whose one answer record's owner name is a compression pointer to
     * itself: a parser that follows pointers without a limit never returns.
     */
    static byte[] compressionLoop(Message query) {
        DNSOutput out = new DNSOutput();
        out.writeU16(query.getHeader().getID());
        out.writeU16(0x8400); // QR, AA
        out.writeU16(1);
        out.writeU16(1);
        out.writeU16(0);
        out.writeU16(0);
        Record q = query.getQuestion();
        q.getName().toWire(out, null);
        out.writeU16(q.getType());
        out.writeU16(q.getDClass());
        int here = out.current();
        out.writeU16(0xC000 | here);
        out.writeU16(Type.A);
        out.writeU16(DClass.IN);
        out.writeU32(300);
        out.writeU16(4);
        out.writeByteArray(new byte[] {(byte) 192, 0, 2, 1});
        return out.toByteArray();
    }
}
