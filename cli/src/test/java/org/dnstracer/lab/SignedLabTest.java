package org.dnstracer.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSEC3Record;
import org.xbill.DNS.NSECRecord;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** The built-in lab started with DNSSEC: what servers add for DO=1, and that queries without DO see no change. */
class SignedLabTest {
    private static Lab lab;
    private static LabClient client;

    @BeforeAll
    static void start() throws IOException {
        lab = Lab.start(LabDefinition.builtIn(), 0, true);
        client = new LabClient(lab.port());
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    private static Message dnssec(String server, String name, int type) throws IOException {
        Message q = LabClient.query(name, type);
        q.addRecord(new OPTRecord(1232, 0, 0, ExtendedFlags.DO), Section.ADDITIONAL);
        return client.tcp(server, q);
    }

    private static DNSKEYRecord key(String server, String zone) throws IOException {
        return (DNSKEYRecord) dnssec(server, zone, Type.DNSKEY).getSection(Section.ANSWER).stream()
                .filter(r -> r.getType() == Type.DNSKEY).findFirst().orElseThrow();
    }

    private static RRset rrset(Message m, int section, int type) {
        return m.getSectionRRsets(section).stream().filter(s -> s.getType() == type).findFirst().orElseThrow();
    }

    @Test
    void answersCarrySignaturesThatVerifyWithTheZoneKey() throws Exception {
        Message reply = dnssec("127.53.53.10", "www.secure.dnssec.org", Type.A);
        RRset a = rrset(reply, Section.ANSWER, Type.A);
        assertThat(a.sigs()).hasSize(1);
        DNSSEC.verify(a, a.sigs().get(0), key("127.53.53.10", "secure.dnssec.org"), Instant.now());
        assertThat(reply.getOPT().getFlags() & ExtendedFlags.DO).isEqualTo(ExtendedFlags.DO);
    }

    @Test
    void queriesWithoutDoGetNoDnssecRecords() throws IOException {
        Message reply = client.tcp("127.53.53.10", LabClient.edns(LabClient.query("www.secure.dnssec.org", Type.A), 1232));
        assertThat(reply.getSection(Section.ANSWER)).extracting(Record::getType).containsOnly(Type.A);
        Message referral = client.tcp("127.53.0.1", LabClient.query("www.dnssec.org", Type.A));
        assertThat(referral.getSection(Section.AUTHORITY)).extracting(Record::getType).containsOnly(Type.NS);
    }

    @Test
    void referralCarriesTheSignedDsThatMatchesTheChildKey() throws Exception {
        Message referral = dnssec("127.53.53.1", "www.secure.dnssec.org", Type.A);
        RRset ds = rrset(referral, Section.AUTHORITY, Type.DS);
        DNSSEC.verify(ds, ds.sigs().get(0), key("127.53.53.1", "dnssec.org"), Instant.now());
        DNSKEYRecord child = key("127.53.53.10", "secure.dnssec.org");
        assertThat(((DSRecord) ds.first()).getDigest())
                .isEqualTo(new DSRecord(child.getName(), child.getDClass(), 0, DSRecord.SHA256_DIGEST_ID, child).getDigest());
    }

    @Test
    void insecureDelegationCarriesAnNsecWithoutDs() throws IOException {
        Message referral = dnssec("127.53.53.1", "www.insecure.dnssec.org", Type.A);
        NSECRecord nsec = (NSECRecord) rrset(referral, Section.AUTHORITY, Type.NSEC).first();
        assertThat(nsec.getName().toString()).isEqualTo("insecure.dnssec.org.");
        assertThat(nsec.hasType(Type.NS)).isTrue();
        assertThat(nsec.hasType(Type.DS)).isFalse();
    }

    @Test
    void nxdomainIsProvenByNsecAndByNsec3() throws IOException {
        Message nsec = dnssec("127.53.53.10", "nope.secure.dnssec.org", Type.A);
        assertThat(nsec.getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(nsec.getSectionRRsets(Section.AUTHORITY)).extracting(RRset::getType).contains(Type.SOA, Type.NSEC);
        Message nsec3 = dnssec("127.53.53.20", "nope.nsec3.dnssec.org", Type.A);
        assertThat(nsec3.getRcode()).isEqualTo(Rcode.NXDOMAIN);
        List<RRset> proofs = nsec3.getSectionRRsets(Section.AUTHORITY).stream().filter(s -> s.getType() == Type.NSEC3).toList();
        assertThat(proofs).isNotEmpty().allSatisfy(s -> assertThat(s.sigs()).hasSize(1));
        assertThat(proofs.get(0).first()).isInstanceOf(NSEC3Record.class);
    }

    @Test
    void oneServerServesExpiredSignatures() throws Exception {
        RRset good = rrset(dnssec("127.53.53.60", "www.one-expired.dnssec.org", Type.A), Section.ANSWER, Type.A);
        RRset old = rrset(dnssec("127.53.53.61", "www.one-expired.dnssec.org", Type.A), Section.ANSWER, Type.A);
        DNSKEYRecord key = key("127.53.53.60", "one-expired.dnssec.org");
        DNSSEC.verify(good, good.sigs().get(0), key, Instant.now());
        RRSIGRecord sig = old.sigs().get(0);
        assertThatThrownBy(() -> DNSSEC.verify(old, sig, key, Instant.now()))
                .isInstanceOf(DNSSEC.SignatureExpiredException.class);
    }

    @Test
    void theLabsTrustAnchorIsTheRootsDs() throws Exception {
        assertThat(lab.trustAnchors()).hasSize(1);
        DSRecord anchor = (DSRecord) lab.trustAnchors().get(0);
        assertThat(anchor.getName().toString()).isEqualTo(".");
        DNSKEYRecord root = key("127.53.0.1", ".");
        assertThat(anchor.getFootprint()).isEqualTo(root.getFootprint());
        assertThat(root.getAlgorithm()).isEqualTo(DNSSEC.Algorithm.RSASHA256);
    }

    @Test
    void unsignedLabHasNoAnchorAndNoSignatures() throws IOException {
        try (Lab plain = Lab.start(LabDefinition.builtIn(), 0)) {
            assertThat(plain.trustAnchors()).isEmpty();
            Message q = LabClient.query("www.secure.dnssec.org", Type.A);
            q.addRecord(new OPTRecord(1232, 0, 0, ExtendedFlags.DO), Section.ADDITIONAL);
            Message reply = new LabClient(plain.port()).tcp("127.53.53.10", q);
            assertThat(reply.getSection(Section.ANSWER)).extracting(Record::getType).containsOnly(Type.A);
        }
    }
}
