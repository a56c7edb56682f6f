package org.dnstracer.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

class ReplyMatcherTest {
    private final Message query = query(0x1234);

    private static Message query(int id) {
        Message q = Message.newQuery(Record.newRecord(Replies.name("www.example.com."), Type.A, DClass.IN));
        q.getHeader().setID(id);
        return q;
    }

    @Test
    void acceptsAMatchingReply() {
        ReplyMatcher.Verdict v = ReplyMatcher.judge(query, Replies.answer(query).toWire());
        assertThat(v.accepted()).isTrue();
        assertThat(v.reason()).isNull();
        assertThat(v.reply().getHeader().getID()).isEqualTo(0x1234);
    }

    @Test
    void rejectsAWrongIdNamingBothIds() {
        ReplyMatcher.Verdict v = ReplyMatcher.judge(query, Replies.withId(Replies.answer(query), 0xbeef).toWire());
        assertThat(v.accepted()).isFalse();
        assertThat(v.unparseable()).isFalse();
        assertThat(v.reason()).isEqualTo("ignored reply with ID 0xbeef, expected 0x1234");
    }

    @Test
    void rejectsAMessageWithQrClear() {
        assertThat(ReplyMatcher.mismatch(query, query)).hasValueSatisfying(r -> assertThat(r).contains("QR=0"));
    }

    @Test
    void rejectsAnotherName() {
        Message other = Replies.forQuestion(query, "www.example.net.", Type.A);
        assertThat(ReplyMatcher.mismatch(query, other))
                .contains("ignored reply for question www.example.net. A IN, expected www.example.com. A IN");
    }

    @Test
    void rejectsAnotherType() {
        Message other = Replies.forQuestion(query, "www.example.com.", Type.AAAA);
        assertThat(ReplyMatcher.mismatch(query, other)).hasValueSatisfying(r -> assertThat(r).contains("AAAA"));
    }

    @Test
    void rejectsAnotherClass() {
        Message other = new Message(0x1234);
        other.getHeader().setFlag(Flags.QR);
        other.addRecord(Record.newRecord(Replies.name("www.example.com."), Type.A, DClass.CH), Section.QUESTION);
        assertThat(ReplyMatcher.mismatch(query, other)).hasValueSatisfying(r -> assertThat(r).contains("CH"));
    }

    @Test
    void comparesTheNameCaseInsensitively() {
        Message mixed = Replies.forQuestion(query, "WwW.ExAmPlE.CoM.", Type.A);
        assertThat(ReplyMatcher.mismatch(query, mixed)).isEmpty();
    }

    @Test
    void rejectsAReplyWithoutAQuestionUnlessItIsFormerr() {
        Message empty = new Message(0x1234);
        empty.getHeader().setFlag(Flags.QR);
        assertThat(ReplyMatcher.mismatch(query, empty)).hasValueSatisfying(r -> assertThat(r).contains("0 questions"));
        assertThat(ReplyMatcher.mismatch(query, Replies.formerrNoQuestion(query))).isEmpty();
    }

    @Test
    void acceptsNotimpWithoutAQuestionAsBindNsdAndKnotSendToAnUnknownOpcode() {
        Message notimp = Replies.formerrNoQuestion(query);
        notimp.getHeader().setRcode(Rcode.NOTIMP);
        assertThat(notimp.getSection(Section.QUESTION)).isEmpty();
        assertThat(ReplyMatcher.mismatch(query, notimp)).isEmpty();
        notimp.getHeader().setRcode(Rcode.REFUSED);
        assertThat(ReplyMatcher.mismatch(query, notimp)).isPresent();
    }

    @Test
    void rejectsTwoQuestions() {
        Message two = Replies.header(query);
        two.addRecord(Record.newRecord(Replies.name("x.example."), Type.A, DClass.IN), Section.QUESTION);
        assertThat(ReplyMatcher.mismatch(query, two)).hasValueSatisfying(r -> assertThat(r).contains("2 questions"));
    }

    @Test
    void acceptsAnErrorRcodeWithTheRightQuestion() {
        assertThat(ReplyMatcher.mismatch(query, Replies.rcode(query, Rcode.REFUSED))).isEmpty();
    }

    @Test
    void flagsGarbageAsUnparseable() {
        ReplyMatcher.Verdict v = ReplyMatcher.judge(query, new byte[] {1, 2, 3});
        assertThat(v.accepted()).isFalse();
        assertThat(v.unparseable()).isTrue();
        assertThat(v.reason()).startsWith("ignored unparseable reply of 3 octets");
    }
}
