package org.dnstracer.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSEC3Record;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** The lab file's sign lines: what they accept, what they refuse, and the zones they make. */
class SignLineTest {
    private static Message dnssec(LabClient client, String server, String name, int type) throws IOException {
        Message q = LabClient.query(name, type);
        q.addRecord(new OPTRecord(1232, 0, 0, ExtendedFlags.DO), Section.ADDITIONAL);
        return client.tcp(server, q);
    }

    @Test
    void signLinesAreReadWithTheirOptions() {
        LabDefinition def = TestLabs.twoServers().sign(".", "algorithm=8")
                .sign("test", "algorithm=15", "nsec3", "expired-on=ns1.test").build();
        SigningSpec test = def.signing().get(Name.fromConstantString("test."));
        assertThat(test.algorithm()).isEqualTo(DNSSEC.Algorithm.ED25519);
        assertThat(test.nsec3()).isTrue();
        assertThat(test.expiredOn(Name.fromConstantString("ns1.test."))).isTrue();
        assertThat(def.signing().get(Name.root).expiredOn(Name.fromConstantString("a.root.test."))).isFalse();
    }

    @Test
    void badSignLinesAreRefusedWithTheirReason() {
        assertThatThrownBy(() -> TestLabs.twoServers().sign("test", "nsec4").build())
                .hasMessageContaining("unknown signing option 'nsec4'");
        assertThatThrownBy(() -> TestLabs.twoServers().sign("test", "algorithm=x").build())
                .hasMessageContaining("algorithm= needs a number");
        assertThatThrownBy(() -> TestLabs.twoServers().sign("other").build())
                .hasMessageContaining("sign other: no server serves that zone");
        assertThatThrownBy(() -> TestLabs.twoServers().sign("test", "expired-on=a.root.test").build())
                .hasMessageContaining("expired-on=a.root.test is not a server of that zone");
        assertThatThrownBy(() -> TestLabs.twoServers().sign("test", "expired", "not-yet-valid").build())
                .hasMessageContaining("expired and not-yet-valid exclude each other");
        assertThatThrownBy(() -> TestLabs.twoServers().sign("test").sign("test").build())
                .hasMessageContaining("zone test is signed twice");
    }

    @Test
    void signedParentPublishesTheChildsDsAndTheChildIsTheOnlyAnchorWithoutASignedParent() throws Exception {
        try (Lab lab = Lab.start(TestLabs.twoServers().sign("test", "nsec3").build(), 0, true)) {
            assertThat(lab.trustAnchors()).singleElement()
                    .satisfies(r -> assertThat(r.getName()).isEqualTo(Name.fromConstantString("test.")));
            LabClient client = new LabClient(lab.port());
            // the root is not signed: its referral carries no DS even for DO=1
            assertThat(dnssec(client, TestLabs.ROOT_ADDR, "www.test", Type.A).getSection(Section.AUTHORITY))
                    .extracting(org.xbill.DNS.Record::getType).containsOnly(Type.NS);
            // test is: its unsigned child sub gets an NSEC3 proof
            Message referral = dnssec(client, TestLabs.NS1_ADDR, "www.sub.test", Type.A);
            assertThat(referral.getSectionRRsets(Section.AUTHORITY)).extracting(RRset::getType)
                    .contains(Type.NS, Type.NSEC3).doesNotContain(Type.DS);
            NSEC3Record proof = (NSEC3Record) referral.getSectionRRsets(Section.AUTHORITY).stream()
                    .filter(s -> s.getType() == Type.NSEC3).findFirst().orElseThrow().first();
            assertThat(proof.hasType(Type.NS)).isTrue();
            assertThat(proof.hasType(Type.DS)).isFalse();
        }
    }

    @Test
    void dsQueryAtADelegationIsAnsweredByTheParent() throws Exception {
        LabDefinition def = TestLabs.twoServers().sign(".", "algorithm=13").sign("test").build();
        try (Lab lab = Lab.start(def, 0, true)) {
            Message ds = dnssec(new LabClient(lab.port()), TestLabs.ROOT_ADDR, "test", Type.DS);
            RRset set = ds.getSectionRRsets(Section.ANSWER).get(0);
            assertThat(set.getType()).isEqualTo(Type.DS);
            assertThat(((DSRecord) set.first()).getAlgorithm()).isEqualTo(DNSSEC.Algorithm.ECDSAP256SHA256);
            assertThat(set.sigs()).hasSize(1);
            assertThat(set.sigs().get(0).getExpire()).isAfter(Instant.now());
        }
    }
}
