package org.dnstracer.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** One answer from a zone for every query; DO=1 to a signed zone only adds the DNSSEC records. */
class ZoneAnswerTest {
    private static final String ZONE = TestLabs.TEST_ZONE + String.join("\n",
            "old DNAME new",
            "www.new A 192.0.2.7",
            "");

    private static LabDefinition lab() {
        return LabDefinition.builder()
                .zone(".", TestLabs.ROOT_ZONE)
                .zone("test", ZONE)
                .server("a.root.test", TestLabs.ROOT_ADDR, ".")
                .server("ns1.test", TestLabs.NS1_ADDR, "test")
                .sign("test")
                .build();
    }

    private static Message ask(LabClient client, String name, boolean dnssecOk) throws IOException {
        Message q = LabClient.query(name, Type.A);
        q.addRecord(new OPTRecord(1232, 0, 0, dnssecOk ? ExtendedFlags.DO : 0), Section.ADDITIONAL);
        return client.tcp(TestLabs.NS1_ADDR, q);
    }

    @Test
    void aDnameInASignedZoneIsFollowedForDoQueriesAsForOthersWithTheDnameSignedAndTheCnameNot() throws Exception {
        try (Lab lab = Lab.start(lab(), 0, true)) {
            LabClient client = new LabClient(lab.port());
            Message plain = ask(client, "www.old.test", false);
            Message signed = ask(client, "www.old.test", true);

            for (Message reply : new Message[] {plain, signed}) {
                assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
                assertThat(reply.getSectionRRsets(Section.ANSWER)).extracting(RRset::getType)
                        .containsExactly(Type.DNAME, Type.CNAME, Type.A);
                CNAMERecord synthesized = (CNAMERecord) reply.getSectionRRsets(Section.ANSWER).get(1).first();
                assertThat(synthesized.getTarget()).isEqualTo(Name.fromConstantString("www.new.test."));
            }
            assertThat(plain.getSectionRRsets(Section.ANSWER)).allSatisfy(set -> assertThat(set.sigs()).isEmpty());
            // RFC 4035 §3.1.1 signs the zone's own RRsets; RFC 6672 §5.3.1: the synthesized CNAME carries none
            assertThat(signed.getSectionRRsets(Section.ANSWER)).extracting(set -> set.sigs().size())
                    .containsExactly(1, 0, 1);
        }
    }
}
