package org.dnstracer.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.dnstracer.model.Question;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Builds replies from zone-file lines, for tests that script servers by hand. */
public final class Replies {
    private Replies() {}

    public static Record rr(String line) {
        try {
            return parse(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Record parse(String line) throws IOException {
        try (org.xbill.DNS.Master m = new org.xbill.DNS.Master(
                new java.io.ByteArrayInputStream(line.getBytes(java.nio.charset.StandardCharsets.UTF_8)), Name.root, 300)) {
            return m.nextRecord();
        }
    }

    private static Message base(Question q, boolean aa, int rcode) {
        Message m = new Message();
        m.getHeader().setFlag(Flags.QR);
        if (aa) {
            m.getHeader().setFlag(Flags.AA);
        }
        m.getHeader().setRcode(rcode);
        m.addRecord(Record.newRecord(q.name(), q.type(), DClass.IN), Section.QUESTION);
        return m;
    }

    /** AA answer: every line goes to the answer section. */
    public static Message answer(Question q, String... lines) {
        Message m = base(q, true, Rcode.NOERROR);
        for (String l : lines) {
            m.addRecord(rr(l), Section.ANSWER);
        }
        return m;
    }

    /** Non-AA answer (a resolver's cache). */
    public static Message nonAuthoritativeAnswer(Question q, String... lines) {
        Message m = answer(q, lines);
        m.getHeader().unsetFlag(Flags.AA);
        return m;
    }

    /** Non-AA referral: NS lines to authority, A/AAAA lines to additional. */
    public static Message referral(Question q, String... lines) {
        Message m = base(q, false, Rcode.NOERROR);
        for (String l : lines) {
            Record r = rr(l);
            m.addRecord(r, r.getType() == Type.NS ? Section.AUTHORITY : Section.ADDITIONAL);
        }
        return m;
    }

    public static Message nxdomain(Question q, String soaLine) {
        Message m = base(q, true, Rcode.NXDOMAIN);
        m.addRecord(rr(soaLine), Section.AUTHORITY);
        return m;
    }

    public static Message nodata(Question q, String soaLine) {
        Message m = base(q, true, Rcode.NOERROR);
        m.addRecord(rr(soaLine), Section.AUTHORITY);
        return m;
    }

    public static Message rcode(Question q, int rcode) {
        return base(q, false, rcode);
    }

    public static Message withoutAa(Message m) {
        m.getHeader().unsetFlag(Flags.AA);
        return m;
    }
}
