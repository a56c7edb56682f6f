package org.dnstracer.findings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dnstracer.model.Question;
import org.dnstracer.testkit.Replies;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSIDOption;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Reading the NSID option (RFC 5001) out of a reply: text when printable, hex digits otherwise, as dig shows it. */
class ServerNsidTest {
    private static Message reply(byte[] nsid) {
        Message m = Replies.answer(new Question(Name.fromConstantString("example.com."), Type.SOA));
        m.addRecord(new OPTRecord(1232, 0, 0, 0, nsid == null ? List.of() : List.of(new NSIDOption(nsid))),
                Section.ADDITIONAL);
        return m;
    }

    @Test
    void printableNsidIsTextOtherwiseHex() {
        assertThat(ServerNsid.text(reply("fra1.ns1".getBytes(StandardCharsets.US_ASCII)))).isEqualTo("fra1.ns1");
        assertThat(ServerNsid.text(reply(new byte[] {0x00, (byte) 0xab, 0x41}))).isEqualTo("00ab41");
    }

    @Test
    void noOptionAnEmptyOneOrNoOptRecordIsNoNsid() {
        assertThat(ServerNsid.text(reply(null))).isNull();
        assertThat(ServerNsid.text(reply(new byte[0]))).isNull();
        assertThat(ServerNsid.text(Replies.answer(new Question(Name.fromConstantString("example.com."), Type.SOA))))
                .isNull();
        assertThat(ServerNsid.text(null)).isNull();
    }
}
