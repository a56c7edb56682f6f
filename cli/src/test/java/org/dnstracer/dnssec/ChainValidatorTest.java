package org.dnstracer.dnssec;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dnstracer.model.Question;
import org.dnstracer.model.Section;
import org.dnstracer.model.StartServer;
import org.dnstracer.model.Status;
import org.dnstracer.model.Trace;
import org.dnstracer.model.TraceNode;
import org.dnstracer.model.TraceStats;
import org.dnstracer.model.Verdict;
import org.dnstracer.net.Attempt;
import org.dnstracer.net.AttemptResult;
import org.dnstracer.net.Exchange;
import org.dnstracer.net.Protocol;
import org.dnstracer.net.ServerAddress;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Address;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSEC3Record;
import org.xbill.DNS.NSECRecord;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/** The validator on hand-made traces: a signed root refers to example., whose server answers. */
class ChainValidatorTest {
    private static final TestZone ROOT = new TestZone(".");
    private static final TestZone EXAMPLE = new TestZone("example.");
    private static final Name WWW = Name.fromConstantString("www.example.");
    private static final Name NS1 = Name.fromConstantString("ns1.example.");
    private static final InetAddress ROOT_IP = ip("127.0.0.1");
    private static final InetAddress EXAMPLE_IP = ip("127.0.0.2");
    private static final Question QUESTION = new Question(WWW, Type.A);

    private final Map<ServerZone, Exchange> keys = new HashMap<>();

    private static InetAddress ip(String literal) {
        try {
            return Address.getByAddress(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Message reply(boolean aa) {
        Message m = new Message();
        m.getHeader().setFlag(Flags.QR);
        if (aa) {
            m.getHeader().setFlag(Flags.AA);
        }
        m.addRecord(Record.newRecord(WWW, Type.A, DClass.IN), org.xbill.DNS.Section.QUESTION);
        return m;
    }

    private static void add(Message m, int section, RRset... sets) {
        for (RRset s : sets) {
            s.rrs(false).forEach(r -> m.addRecord(r, section));
            s.sigs().forEach(r -> m.addRecord(r, section));
        }
    }

    private static Exchange exchange(InetAddress address, Name qname, int qtype, Message reply) {
        return new Exchange(new ServerAddress(address, 53), qname, qtype, reply, List.of(), false);
    }

    private void keysOf(InetAddress address, TestZone zone, RRset dnskeys) {
        Message m = reply(true);
        add(m, org.xbill.DNS.Section.ANSWER, dnskeys);
        keys.put(new ServerZone(address, zone.name), exchange(address, zone.name, Type.DNSKEY, m));
    }

    private static RRset delegation() {
        return new RRset(new NSRecord(EXAMPLE.name, DClass.IN, 3600, NS1));
    }

    private static Message referral(RRset... authority) {
        Message m = reply(false);
        add(m, org.xbill.DNS.Section.AUTHORITY, delegation());
        add(m, org.xbill.DNS.Section.AUTHORITY, authority);
        return m;
    }

    private static RRset www() {
        return new RRset(new ARecord(WWW, DClass.IN, 3600, ip("192.0.2.1")));
    }

    private static Message answer(RRset a) {
        Message m = reply(true);
        add(m, org.xbill.DNS.Section.ANSWER, a);
        return m;
    }

    private static TraceNode child(Message reply, Status status) {
        return new TraceNode("ns1.example", EXAMPLE_IP, EXAMPLE.name, Verdict.of(status),
                exchange(EXAMPLE_IP, WWW, Type.A, reply), List.of());
    }

    private static Trace trace(Message rootReply, TraceNode child) {
        TraceNode root = new TraceNode("a.root", ROOT_IP, Name.root, Verdict.referral(Status.REFERRAL, EXAMPLE.name),
                exchange(ROOT_IP, WWW, Type.A, rootReply), List.of(child));
        return new Trace(new StartServer("a.root", ROOT_IP, Name.root), 3, 53,
                List.of(new Section(QUESTION, null, root)), List.of(), new TraceStats(2, 0));
    }

    private DnssecReport validate(Trace trace, Instant at) throws Exception {
        return ChainValidator.validate(trace, new FetchedKeys(keys),
                TrustAnchors.of(List.of(ROOT.ds()), "test"), at);
    }

    /** Both zones' keys published and signed, the DS signed by the root, the answer signed by example. */
    private Trace healthy(RRset answer) {
        keysOf(ROOT_IP, ROOT, ROOT.dnskeys());
        keysOf(EXAMPLE_IP, EXAMPLE, EXAMPLE.dnskeys());
        return trace(referral(ROOT.sign(EXAMPLE.ds())), child(answer(answer), Status.AUTHORITATIVE_ANSWER));
    }

    private static NodeDnssec childVerdict(DnssecReport report, Trace trace) {
        return report.of(trace.sections().get(0).root().children().get(0));
    }

    @Test
    void signedChainFromTheAnchorIsSecureAtEveryServer() throws Exception {
        Trace trace = healthy(EXAMPLE.sign(www().rrs(false).toArray(Record[]::new)));
        DnssecReport report = validate(trace, TestZone.NOW);
        assertThat(report.of(trace.sections().get(0).root()).status()).isEqualTo(DnssecStatus.SECURE);
        assertThat(childVerdict(report, trace).status()).isEqualTo(DnssecStatus.SECURE);
        assertThat(DnssecReport.chainText(report.chains().get(0))).isEqualTo(". (" + ROOT.key.getFootprint()
                + " ECDSAP256SHA256) secure -> example (" + EXAMPLE.key.getFootprint() + " ECDSAP256SHA256) secure");
        assertThat(report.problems()).isEmpty();
    }

    @Test
    void expiredAnswerSignatureIsBogusWithItsDate() throws Exception {
        Instant end = Instant.parse("2026-06-01T00:00:00Z");
        Trace trace = healthy(EXAMPLE.signBetween(end.minus(Duration.ofDays(30)), end,
                www().rrs(false).toArray(Record[]::new)));
        DnssecReport report = validate(trace, TestZone.NOW);
        assertThat(childVerdict(report, trace).text()).isEqualTo("bogus: RRSIG www.example A expired 2026-06-01");
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(DnssecProblemCode.DNSSEC_RRSIG_EXPIRED);
            assertThat(p.severity()).isEqualTo(DnssecSeverity.ERROR);
            assertThat(p.address()).isEqualTo(EXAMPLE_IP);
            assertThat(p.server()).isEqualTo("ns1.example");
        });
    }

    @Test
    void validationTimeDecidesWhetherASignatureHasExpired() throws Exception {
        Instant end = Instant.parse("2026-06-01T00:00:00Z");
        Trace trace = healthy(EXAMPLE.signBetween(end.minus(Duration.ofDays(10)), end,
                www().rrs(false).toArray(Record[]::new)));
        // the keys' own signatures run a month around NOW, so only the answer's window matters here
        assertThat(childVerdict(validate(trace, end.minus(Duration.ofDays(1))), trace).status())
                .isEqualTo(DnssecStatus.SECURE);
        assertThat(childVerdict(validate(trace, end.minus(Duration.ofDays(12))), trace).text())
                .isEqualTo("bogus: RRSIG www.example A not valid before 2026-05-22");
        assertThat(childVerdict(validate(trace, end.plus(Duration.ofHours(1))), trace).text())
                .isEqualTo("bogus: RRSIG www.example A expired 2026-06-01");
    }

    @Test
    void falseSignatureDoesNotVerify() throws Exception {
        RRset signed = EXAMPLE.sign(www().rrs(false).toArray(Record[]::new));
        RRSIGRecord sig = signed.sigs().get(0);
        byte[] bad = sig.getSignature().clone();
        bad[5] ^= 1;
        RRset tampered = www();
        tampered.addRR(new RRSIGRecord(sig.getName(), sig.getDClass(), sig.getTTL(), sig.getTypeCovered(),
                sig.getAlgorithm(), sig.getOrigTTL(), sig.getExpire(), sig.getTimeSigned(), sig.getFootprint(),
                sig.getSigner(), bad));
        Trace trace = healthy(tampered);
        DnssecReport report = validate(trace, TestZone.NOW);
        assertThat(report.problems()).extracting(DnssecProblem::code)
                .containsExactly(DnssecProblemCode.DNSSEC_SIGNATURE_INVALID);
    }

    @Test
    void unsignedAnswerFromASignedZoneIsMissingItsRrsig() throws Exception {
        Trace trace = healthy(www());
        DnssecReport report = validate(trace, TestZone.NOW);
        assertThat(childVerdict(report, trace).text()).isEqualTo("bogus: no RRSIG for www.example A");
        assertThat(report.problems()).extracting(DnssecProblem::code)
                .containsExactly(DnssecProblemCode.DNSSEC_MISSING_RRSIG);
    }

    @Test
    void dsThatMatchesNoKeyOfTheChildIsBogus() throws Exception {
        TestZone impostor = new TestZone("example.");
        keysOf(ROOT_IP, ROOT, ROOT.dnskeys());
        keysOf(EXAMPLE_IP, EXAMPLE, EXAMPLE.dnskeys());
        Trace trace = trace(referral(ROOT.sign(impostor.ds())),
                child(answer(EXAMPLE.sign(www().rrs(false).toArray(Record[]::new))), Status.AUTHORITATIVE_ANSWER));
        DnssecReport report = validate(trace, TestZone.NOW);
        assertThat(childVerdict(report, trace).text())
                .isEqualTo("bogus: no DNSKEY matches the DS (key tag " + impostor.key.getFootprint() + ")");
        assertThat(report.chains().get(0).get(1).status()).isEqualTo(DnssecStatus.BOGUS);
    }

    @Test
    void delegationWithoutDsIsInsecureWhenNsecProvesIt() throws Exception {
        keysOf(ROOT_IP, ROOT, ROOT.dnskeys());
        RRset nsec = ROOT.sign(new NSECRecord(EXAMPLE.name, DClass.IN, 3600, Name.fromConstantString("zz."),
                new int[] {Type.NS, Type.RRSIG, Type.NSEC}));
        Trace trace = trace(referral(nsec), child(answer(www()), Status.AUTHORITATIVE_ANSWER));
        DnssecReport report = validate(trace, TestZone.NOW);
        assertThat(report.of(trace.sections().get(0).root()).status()).isEqualTo(DnssecStatus.SECURE);
        assertThat(childVerdict(report, trace).text()).isEqualTo("insecure: no DS for example (NSEC proof from .)");
        assertThat(report.problems()).isEmpty();
    }

    @Test
    void delegationWithoutDsOrProofIsBogusAtTheParentServer() throws Exception {
        keysOf(ROOT_IP, ROOT, ROOT.dnskeys());
        Trace trace = trace(referral(), child(answer(www()), Status.AUTHORITATIVE_ANSWER));
        DnssecReport report = validate(trace, TestZone.NOW);
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(DnssecProblemCode.DNSSEC_MISSING_DENIAL);
            assertThat(p.address()).isEqualTo(ROOT_IP);
        });
        assertThat(childVerdict(report, trace).text()).isEqualTo("bogus: chain of trust broken at .");
    }

    @Test
    void nxdomainNeedsACoveringNsecAndTheWildcardDenial() throws Exception {
        keysOf(ROOT_IP, ROOT, ROOT.dnskeys());
        keysOf(EXAMPLE_IP, EXAMPLE, EXAMPLE.dnskeys());
        Message nx = reply(true);
        nx.getHeader().setRcode(Rcode.NXDOMAIN);
        RRset soa = EXAMPLE.sign(new SOARecord(EXAMPLE.name, DClass.IN, 300, NS1, NS1, 1, 2, 3, 4, 300));
        // example. -> ns1.example.: covers www.example. (after ns1) only through the wrap-around... use the apex one
        RRset apexNsec = EXAMPLE.sign(new NSECRecord(EXAMPLE.name, DClass.IN, 300, NS1,
                new int[] {Type.NS, Type.SOA, Type.RRSIG, Type.NSEC, Type.DNSKEY}));
        RRset ns1Nsec = EXAMPLE.sign(new NSECRecord(NS1, DClass.IN, 300, EXAMPLE.name,
                new int[] {Type.A, Type.RRSIG, Type.NSEC}));
        add(nx, org.xbill.DNS.Section.AUTHORITY, soa, apexNsec, ns1Nsec);
        Trace proven = trace(referral(ROOT.sign(EXAMPLE.ds())), child(nx, Status.AUTHORITATIVE_NXDOMAIN));
        assertThat(childVerdict(validate(proven, TestZone.NOW), proven).status()).isEqualTo(DnssecStatus.SECURE);

        Message bare = reply(true);
        bare.getHeader().setRcode(Rcode.NXDOMAIN);
        add(bare, org.xbill.DNS.Section.AUTHORITY, soa);
        Trace unproven = trace(referral(ROOT.sign(EXAMPLE.ds())), child(bare, Status.AUTHORITATIVE_NXDOMAIN));
        assertThat(childVerdict(validate(unproven, TestZone.NOW), unproven).text())
                .isEqualTo("bogus: no NSEC/NSEC3 proof that www.example does not exist");
    }

    @Test
    void algorithmTheValidatorCannotCheckMakesTheZoneInsecure() throws Exception {
        keysOf(ROOT_IP, ROOT, ROOT.dnskeys());
        DSRecord unknown = new DSRecord(EXAMPLE.name, DClass.IN, 3600, 4711, 253, DSRecord.SHA256_DIGEST_ID,
                new byte[32]);
        keysOf(EXAMPLE_IP, EXAMPLE, new RRset(new DNSKEYRecord(EXAMPLE.name, DClass.IN, 3600, 257, 3, 253,
                new byte[64])));
        Trace trace = trace(referral(ROOT.sign(unknown)), child(answer(www()), Status.AUTHORITATIVE_ANSWER));
        DnssecReport report = validate(trace, TestZone.NOW);
        assertThat(childVerdict(report, trace).text()).isEqualTo("insecure: unsupported algorithm PRIVATEDNS");
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(DnssecProblemCode.DNSSEC_UNSUPPORTED_ALGORITHM);
            assertThat(p.severity()).isEqualTo(DnssecSeverity.WARNING);
        });
    }

    @Test
    void answerSignedByAZoneBelowTheDelegatedOneIsUndecidedNotBogus() throws Exception {
        TestZone below = new TestZone("www.example.");
        Trace trace = healthy(below.sign(www().rrs(false).toArray(Record[]::new)));
        DnssecReport report = validate(trace, TestZone.NOW);
        assertThat(childVerdict(report, trace).text()).isEqualTo("indeterminate: RRSIG www.example A is by "
                + "www.example, a zone below example whose chain was not traced");
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(DnssecProblemCode.DNSSEC_SIGNER_BELOW_ZONE);
            assertThat(p.severity()).isEqualTo(DnssecSeverity.WARNING);
        });
    }

    @Test
    void dsWithADigestTypeTheValidatorCannotComputeMakesTheZoneInsecure() throws Exception {
        keysOf(ROOT_IP, ROOT, ROOT.dnskeys());
        keysOf(EXAMPLE_IP, EXAMPLE, EXAMPLE.dnskeys());
        DSRecord gost = new DSRecord(EXAMPLE.name, DClass.IN, 3600, EXAMPLE.key.getFootprint(),
                DNSSEC.Algorithm.ECDSAP256SHA256, 3, new byte[32]);
        Trace trace = trace(referral(ROOT.sign(gost)), child(answer(www()), Status.AUTHORITATIVE_ANSWER));
        DnssecReport report = validate(trace, TestZone.NOW);
        assertThat(childVerdict(report, trace).text()).isEqualTo("insecure: unsupported DS digest type 3");
        assertThat(report.problems()).extracting(DnssecProblem::message).contains("the DS of example names "
                + "only digest types this validator does not support (3): treated as insecure (RFC 4035 5.2)");
    }

    @Test
    void serverWhoseDnskeyQueryFailedIsIndeterminate() throws Exception {
        keysOf(ROOT_IP, ROOT, ROOT.dnskeys());
        Trace trace = trace(referral(ROOT.sign(EXAMPLE.ds())),
                child(answer(EXAMPLE.sign(www().rrs(false).toArray(Record[]::new))), Status.AUTHORITATIVE_ANSWER));
        DnssecReport report = validate(trace, TestZone.NOW);
        assertThat(childVerdict(report, trace).status()).isEqualTo(DnssecStatus.INDETERMINATE);
        assertThat(report.problems()).extracting(DnssecProblem::code)
                .containsExactly(DnssecProblemCode.DNSSEC_DNSKEY_UNAVAILABLE);
    }

    @Test
    void dnskeyReplyToAQueryWithoutDoIsIndeterminateNotMissingItsRrsig() throws Exception {
        Trace trace = healthy(EXAMPLE.sign(www().rrs(false).toArray(Record[]::new)));
        // as after an EDNS fallback: the EDNS tries timed out, the plain query got the keys without their RRSIG
        Message plain = Message.newQuery(Record.newRecord(EXAMPLE.name, Type.DNSKEY, DClass.IN));
        Message unsignedKeys = reply(true);
        EXAMPLE.dnskeys().rrs(false).forEach(r -> unsignedKeys.addRecord(r, org.xbill.DNS.Section.ANSWER));
        Attempt attempt = new Attempt(Protocol.UDP, plain, Duration.ofMillis(200), Duration.ofMillis(1),
                AttemptResult.REPLY, unsignedKeys, 0, List.of(), null);
        keys.put(new ServerZone(EXAMPLE_IP, EXAMPLE.name), new Exchange(new ServerAddress(EXAMPLE_IP, 53),
                EXAMPLE.name, Type.DNSKEY, unsignedKeys, List.of(attempt), false));

        DnssecReport report = validate(trace, TestZone.NOW);

        assertThat(childVerdict(report, trace).status()).isEqualTo(DnssecStatus.INDETERMINATE);
        assertThat(report.problems()).extracting(DnssecProblem::code)
                .containsExactly(DnssecProblemCode.DNSSEC_DNSKEY_UNAVAILABLE);
    }

    @Test
    void dnskeyQueryAnsweredWithAnErrorOrTruncatedIsIndeterminateNotBogus() throws Exception {
        Trace trace = healthy(EXAMPLE.sign(www().rrs(false).toArray(Record[]::new)));
        Message refused = reply(false);
        refused.getHeader().setRcode(Rcode.REFUSED);
        keys.put(new ServerZone(EXAMPLE_IP, EXAMPLE.name), exchange(EXAMPLE_IP, EXAMPLE.name, Type.DNSKEY, refused));
        DnssecReport report = validate(trace, TestZone.NOW);
        assertThat(childVerdict(report, trace).text()).isEqualTo("indeterminate: DNSKEY query got REFUSED");
        assertThat(report.problems()).extracting(DnssecProblem::code)
                .containsExactly(DnssecProblemCode.DNSSEC_DNSKEY_UNAVAILABLE);

        Message truncated = reply(true);
        truncated.getHeader().setFlag(Flags.TC);
        keys.put(new ServerZone(EXAMPLE_IP, EXAMPLE.name), exchange(EXAMPLE_IP, EXAMPLE.name, Type.DNSKEY, truncated));
        assertThat(childVerdict(validate(trace, TestZone.NOW), trace).text())
                .isEqualTo("indeterminate: DNSKEY query got a truncated reply (TC=1)");
    }

    @Test
    void dsThatMatchesOnlyARevokedKeyIsBogus() throws Exception {
        TestZone revoked = new TestZone("example.", 257 | DNSKEYRecord.Flags.REVOKE);
        keysOf(ROOT_IP, ROOT, ROOT.dnskeys());
        keysOf(EXAMPLE_IP, revoked, revoked.dnskeys());
        Trace trace = trace(referral(ROOT.sign(revoked.ds())),
                child(answer(revoked.sign(www().rrs(false).toArray(Record[]::new))), Status.AUTHORITATIVE_ANSWER));
        assertThat(childVerdict(validate(trace, TestZone.NOW), trace).text()).isEqualTo("bogus: the DNSKEY matching "
                + "the DS (key tag " + revoked.key.getFootprint() + ") is revoked (REVOKE bit)");
    }

    @Test
    void dsThatMatchesOnlyAKeyWithoutTheZoneFlagIsBogus() throws Exception {
        TestZone notZone = new TestZone("example.", 1);
        keysOf(ROOT_IP, ROOT, ROOT.dnskeys());
        keysOf(EXAMPLE_IP, notZone, notZone.dnskeys());
        Trace trace = trace(referral(ROOT.sign(notZone.ds())),
                child(answer(notZone.sign(www().rrs(false).toArray(Record[]::new))), Status.AUTHORITATIVE_ANSWER));
        assertThat(childVerdict(validate(trace, TestZone.NOW), trace).text()).isEqualTo("bogus: the DNSKEY matching "
                + "the DS (key tag " + notZone.key.getFootprint() + ") lacks the ZONE flag");
    }

    @Test
    void sha1DsIsIgnoredWhenTheDsSetHasASha256One() throws Exception {
        keysOf(ROOT_IP, ROOT, ROOT.dnskeys());
        keysOf(EXAMPLE_IP, EXAMPLE, EXAMPLE.dnskeys());
        DSRecord sha1 = new DSRecord(EXAMPLE.name, DClass.IN, 3600, DSRecord.SHA1_DIGEST_ID, EXAMPLE.key);
        DSRecord wrongSha256 = new DSRecord(EXAMPLE.name, DClass.IN, 3600, EXAMPLE.key.getFootprint(),
                DNSSEC.Algorithm.ECDSAP256SHA256, DSRecord.SHA256_DIGEST_ID, new byte[32]);
        Trace trace = trace(referral(ROOT.sign(sha1, wrongSha256)),
                child(answer(EXAMPLE.sign(www().rrs(false).toArray(Record[]::new))), Status.AUTHORITATIVE_ANSWER));
        // RFC 4509 3: the SHA-1 digest (which matches) must not stand in for the SHA-256 one (which does not)
        assertThat(childVerdict(validate(trace, TestZone.NOW), trace).text())
                .isEqualTo("bogus: no DNSKEY matches the DS (key tag " + EXAMPLE.key.getFootprint() + ")");
        // alone, a SHA-1 DS is still used
        Trace alone = trace(referral(ROOT.sign(sha1)),
                child(answer(EXAMPLE.sign(www().rrs(false).toArray(Record[]::new))), Status.AUTHORITATIVE_ANSWER));
        assertThat(childVerdict(validate(alone, TestZone.NOW), alone).text()).isEqualTo("secure");
    }

    /**
     * A DNSKEY with random key bytes whose key tag is {@code tag}: the last two octets are chosen so that the RFC 4034
     * Appendix B sum comes out right (checked against dnsjava's own key tag).
     */
    private static DNSKEYRecord keyWithTag(int tag, java.util.Random random) {
        byte[] key = new byte[64];
        random.nextBytes(key);
        long base = 256 + ((3 << 8) | DNSSEC.Algorithm.ECDSAP256SHA256); // flags, protocol and algorithm
        for (int i = 0; i < 62; i += 2) {
            base += ((key[i] & 0xff) << 8) | (key[i + 1] & 0xff);
        }
        for (int last = 0; last < 0x10000; last++) {
            long sum = base + last;
            if (((sum + (sum >> 16)) & 0xffff) == tag) {
                key[62] = (byte) (last >> 8);
                key[63] = (byte) last;
                DNSKEYRecord k = new DNSKEYRecord(EXAMPLE.name, DClass.IN, 3600, 256, 3,
                        DNSSEC.Algorithm.ECDSAP256SHA256, key);
                assertThat(k.getFootprint()).isEqualTo(tag);
                return k;
            }
        }
        throw new IllegalStateException("no key with tag " + tag);
    }

    @Test
    void twentyKeysSharingOneTagWithTwentySignaturesEndAfterTheBoundWithAVerdict() throws Exception {
        int tag = EXAMPLE.key.getFootprint();
        java.util.Random random = new java.util.Random(20231);
        List<Record> keySet = new java.util.ArrayList<>();
        for (int i = 0; i < 19; i++) {
            keySet.add(keyWithTag(tag, random));
        }
        keySet.add(EXAMPLE.key);
        keysOf(ROOT_IP, ROOT, ROOT.dnskeys());
        keysOf(EXAMPLE_IP, EXAMPLE, EXAMPLE.sign(keySet.toArray(Record[]::new)));
        RRset signed = EXAMPLE.sign(www().rrs(false).toArray(Record[]::new));
        RRSIGRecord real = signed.sigs().get(0);
        RRset hostile = www();
        for (int i = 0; i < 19; i++) {
            byte[] junk = new byte[64];
            random.nextBytes(junk);
            hostile.addRR(new RRSIGRecord(real.getName(), real.getDClass(), real.getTTL(), real.getTypeCovered(),
                    real.getAlgorithm(), real.getOrigTTL(), real.getExpire(), real.getTimeSigned(), tag,
                    real.getSigner(), junk));
        }
        hostile.addRR(real);
        Trace trace = trace(referral(ROOT.sign(EXAMPLE.ds())), child(answer(hostile), Status.AUTHORITATIVE_ANSWER));
        DnssecReport report = validate(trace, TestZone.NOW);
        // 400 key and signature pairs share the tag; the validator stops after 8 failed checks (Unbound's bound)
        assertThat(childVerdict(report, trace).text()).isEqualTo("bogus: gave up on www.example A after 8 signature "
                + "checks that failed (KeyTrap bound)");
        // (21 keys in one DNSKEY reply are also well over the 1232 octets of DNS Flag Day 2020)
        assertThat(report.problems()).extracting(p -> p.code().name()).containsExactly("DNSSEC_DNSKEY_REPLY_LARGE",
                "DNSSEC_VALIDATION_LIMIT");
    }

    @Test
    void signatureChecksBeyondTheTracesBudgetAreNotMadeAndLeaveTheDataUndecided() throws Exception {
        Trace trace = healthy(EXAMPLE.sign(www().rrs(false).toArray(Record[]::new)));
        // four checks make this trace secure (root DNSKEY, DS, example DNSKEY, answer): allow three
        DnssecReport report = ChainValidator.validate(trace, new FetchedKeys(keys),
                TrustAnchors.of(List.of(ROOT.ds()), "test"), TestZone.NOW, 3);
        assertThat(report.of(trace.sections().get(0).root()).text()).isEqualTo("secure");
        assertThat(childVerdict(report, trace).text())
                .isEqualTo("indeterminate: www.example A not checked: the trace's 3 signature checks are used up");
        assertThat(report.problems()).extracting(p -> p.code().name()).containsExactly("DNSSEC_VALIDATION_BUDGET");
        assertThat(childVerdict(validate(trace, TestZone.NOW), trace).text()).isEqualTo("secure");
    }

    @Test
    void replyThatCameThroughTheEdnsFallbackIsIndeterminateNotBogus() throws Exception {
        keysOf(ROOT_IP, ROOT, ROOT.dnskeys());
        keysOf(EXAMPLE_IP, EXAMPLE, EXAMPLE.dnskeys());
        // the EDNS tries went unanswered, the plain query got the answer: no DO, so no RRSIG could come
        Message plain = Message.newQuery(Record.newRecord(WWW, Type.A, DClass.IN));
        Message unsigned = answer(www());
        Attempt attempt = new Attempt(Protocol.UDP, plain, Duration.ofMillis(200), Duration.ofMillis(1),
                AttemptResult.REPLY, unsigned, 0, List.of(), null);
        TraceNode child = new TraceNode("ns1.example", EXAMPLE_IP, EXAMPLE.name, Verdict.of(Status.AUTHORITATIVE_ANSWER),
                new Exchange(new ServerAddress(EXAMPLE_IP, 53), WWW, Type.A, unsigned, List.of(attempt), false),
                List.of());
        Trace trace = trace(referral(ROOT.sign(EXAMPLE.ds())), child);
        DnssecReport report = validate(trace, TestZone.NOW);
        assertThat(childVerdict(report, trace).text()).isEqualTo("indeterminate: reply only without EDNS (no DO bit)");
        assertThat(report.problems()).extracting(p -> p.code().name()).containsExactly("DNSSEC_INCOMPLETE_REPLY");
    }

    @Test
    void truncatedReferralWithoutItsDsIsIndeterminateNotBogus() throws Exception {
        keysOf(ROOT_IP, ROOT, ROOT.dnskeys());
        keysOf(EXAMPLE_IP, EXAMPLE, EXAMPLE.dnskeys());
        Message truncated = referral();
        truncated.getHeader().setFlag(Flags.TC);
        Trace trace = trace(truncated,
                child(answer(EXAMPLE.sign(www().rrs(false).toArray(Record[]::new))), Status.AUTHORITATIVE_ANSWER));
        DnssecReport report = validate(trace, TestZone.NOW);
        assertThat(report.of(trace.sections().get(0).root()).text()).isEqualTo("indeterminate: truncated reply (TC=1)");
        assertThat(childVerdict(report, trace).status()).isEqualTo(DnssecStatus.INDETERMINATE);
        assertThat(report.problems()).extracting(p -> p.code().name()).containsExactly("DNSSEC_INCOMPLETE_REPLY");
    }

    @Test
    void startServerGivenByAddressIsCheckedInTheZoneThatSignedItsReferral() throws Exception {
        Trace byName = healthy(EXAMPLE.sign(www().rrs(false).toArray(Record[]::new)));
        TraceNode child = byName.sections().get(0).root().children().get(0);
        // as -s with a root server's address makes it: the start line has no zone, its referral is not yet known
        // to come from "." (the address is a label here: nothing is sent)
        TraceNode start = new TraceNode("127.0.0.1", ROOT_IP, null, Verdict.referral(Status.REFERRAL, EXAMPLE.name),
                exchange(ROOT_IP, WWW, Type.A, referral(ROOT.sign(EXAMPLE.ds()))), List.of(child));
        Trace byAddress = new Trace(new StartServer("127.0.0.1", ROOT_IP, null), 3, 53,
                List.of(new Section(QUESTION, null, start)), List.of(), new TraceStats(2, 0));
        DnssecReport report = validate(byAddress, TestZone.NOW);
        assertThat(report.of(start).text()).isEqualTo("secure");
        assertThat(childVerdict(report, byAddress).text()).isEqualTo("secure");
        assertThat(DnssecReport.chainText(report.chains().get(0)))
                .isEqualTo(DnssecReport.chainText(validate(byName, TestZone.NOW).chains().get(0)));
        assertThat(report.problems()).isEmpty();
    }

    @Test
    void withoutAnAnchorForTheStartNothingIsSecure() throws Exception {
        Trace trace = healthy(EXAMPLE.sign(www().rrs(false).toArray(Record[]::new)));
        DnssecReport report = ChainValidator.validate(trace, new FetchedKeys(keys),
                TrustAnchors.of(List.of(new TestZone("org.").ds()), "elsewhere"), TestZone.NOW);
        assertThat(report.chains().get(0)).extracting(ZoneSummary::status)
                .containsOnly(DnssecStatus.INDETERMINATE);
        assertThat(report.problems()).extracting(DnssecProblem::code)
                .containsExactly(DnssecProblemCode.DNSSEC_NO_TRUST_ANCHOR);
    }

    @Test
    void builtInAnchorsAreTheTwoIanaRootKeys() {
        TrustAnchors anchors = TrustAnchors.builtIn();
        assertThat(anchors.forZone(Name.root)).extracting(DSRecord::getFootprint).containsExactly(20326, 38696);
        assertThat(anchors.forZone(Name.root)).allSatisfy(ds -> {
            assertThat(ds.getAlgorithm()).isEqualTo(DNSSEC.Algorithm.RSASHA256);
            assertThat(ds.getDigestID()).isEqualTo(DSRecord.SHA256_DIGEST_ID);
        });
    }

    @Test
    void anchorFileTakesDnskeyRecordsAsTheirDs() throws Exception {
        TrustAnchors anchors = TrustAnchors.parse(ROOT.key.toString() + "\n", "root.key");
        assertThat(anchors.forZone(Name.root)).singleElement()
                .satisfies(ds -> assertThat(ds.getDigest()).isEqualTo(ROOT.ds().getDigest()));
    }

    @Test
    void anchorFileWithoutKeysIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TrustAnchors.parse(". 3600 IN NS a.root.\n", "f"))
                .isInstanceOf(TrustAnchors.AnchorException.class).hasMessage("f: no DS or DNSKEY record found");
    }

    /** The root line's verdict and what its child line (example., healthy itself) says below it. */
    private String[] rootAndChild(Trace trace, int checks) throws Exception {
        return rootAndChild(trace, checks, ROOT.ds());
    }

    private String[] rootAndChild(Trace trace, int checks, DSRecord anchor) throws Exception {
        DnssecReport report = ChainValidator.validate(trace, new FetchedKeys(keys),
                TrustAnchors.of(List.of(anchor), "test"), TestZone.NOW, checks);
        return new String[] {report.of(trace.sections().get(0).root()).text(), childVerdict(report, trace).text()};
    }

    private Trace belowRoot(Message rootReply) {
        keysOf(EXAMPLE_IP, EXAMPLE, EXAMPLE.dnskeys());
        return trace(rootReply, child(answer(EXAMPLE.sign(www().rrs(false).toArray(Record[]::new))),
                Status.AUTHORITATIVE_ANSWER));
    }

    @Test
    void eachWayTheRootLineFailsIsHandedDownToTheLineBelowWithItsReason() throws Exception {
        // no DNSKEY reply at the root
        assertThat(rootAndChild(belowRoot(referral(ROOT.sign(EXAMPLE.ds()))), CheckBudget.PER_VALIDATION))
                .containsExactly("indeterminate: no DNSKEY reply", "indeterminate: DNSKEY of . unavailable");
        // the root's referral truncated (TC=1), so its DS may be missing
        keysOf(ROOT_IP, ROOT, ROOT.dnskeys());
        Message truncated = referral(ROOT.sign(EXAMPLE.ds()));
        truncated.getHeader().setFlag(Flags.TC);
        assertThat(rootAndChild(belowRoot(truncated), CheckBudget.PER_VALIDATION))
                .containsExactly("indeterminate: truncated reply (TC=1)", "indeterminate: truncated reply at .");
        // a referral without DS or proof: bogus, and the chain is broken below
        assertThat(rootAndChild(belowRoot(referral()), CheckBudget.PER_VALIDATION)).containsExactly(
                "bogus: referral to example has neither a DS nor a proof that there is none",
                "bogus: chain of trust broken at .");
        // the trace's signature checks used up at the root's DS: undecided there and below
        assertThat(rootAndChild(belowRoot(referral(ROOT.sign(EXAMPLE.ds()))), 1)).containsExactly(
                "indeterminate: example DS not checked: the trace's 1 signature checks are used up",
                "indeterminate: example DS not checked: the trace's 1 signature checks are used up");
        // an authoritative DNSKEY reply without keys: the root has no DNSKEY
        keysOf(ROOT_IP, ROOT, new RRset());
        assertThat(rootAndChild(belowRoot(referral(ROOT.sign(EXAMPLE.ds()))), CheckBudget.PER_VALIDATION))
                .containsExactly("bogus: no DNSKEY for .", "bogus: chain of trust broken at .");
    }

    @Test
    void anUnsignedDelegationProvenByNsec3WithTooManyIterationsIsInsecureBelow() throws Exception {
        keysOf(ROOT_IP, ROOT, ROOT.dnskeys());
        NSEC3Record nsec3 = new NSEC3Record(Name.fromConstantString("00000000000000000000000000000000."), DClass.IN,
                300, 1, 0, 500, null, new byte[20], new int[] {Type.NS});
        assertThat(rootAndChild(belowRoot(referral(ROOT.sign(nsec3))), CheckBudget.PER_VALIDATION)).containsExactly(
                "insecure: NSEC3 with 500 iterations, above 150 (RFC 9276)",
                "insecure: NSEC3 with 500 iterations, above 150 (RFC 9276)");
    }

    @Test
    void aZoneSummaryCountsTheServersThatShareItsWorstStatus() throws Exception {
        keysOf(ROOT_IP, ROOT, ROOT.dnskeys());
        keysOf(EXAMPLE_IP, EXAMPLE, EXAMPLE.dnskeys());
        InetAddress second = ip("127.0.0.3");
        keysOf(second, EXAMPLE, EXAMPLE.dnskeys());
        TraceNode good = child(answer(EXAMPLE.sign(www().rrs(false).toArray(Record[]::new))),
                Status.AUTHORITATIVE_ANSWER);
        TraceNode unsigned = new TraceNode("ns2.example", second, EXAMPLE.name, Verdict.of(Status.AUTHORITATIVE_ANSWER),
                exchange(second, WWW, Type.A, answer(www())), List.of());
        TraceNode alsoUnsigned = new TraceNode("ns3.example", second, EXAMPLE.name,
                Verdict.of(Status.AUTHORITATIVE_ANSWER), exchange(second, WWW, Type.A, answer(www())), List.of());
        for (List<TraceNode> children : List.of(List.of(good, unsigned), List.of(unsigned, alsoUnsigned))) {
            TraceNode root = new TraceNode("a.root", ROOT_IP, Name.root,
                    Verdict.referral(Status.REFERRAL, EXAMPLE.name),
                    exchange(ROOT_IP, WWW, Type.A, referral(ROOT.sign(EXAMPLE.ds()))), children);
            Trace trace = new Trace(new StartServer("a.root", ROOT_IP, Name.root), 3, 53,
                    List.of(new Section(QUESTION, null, root)), List.of(), new TraceStats(3, 0));
            ZoneSummary example = validate(trace, TestZone.NOW).chains().get(0).get(1);
            assertThat(example.status()).isEqualTo(DnssecStatus.BOGUS);
            assertThat(example.servers()).isEqualTo(2);
            assertThat(example.reason()).isEqualTo(children.contains(good)
                    ? "no RRSIG for www.example A (1 of 2 servers)" : "no RRSIG for www.example A");
        }
    }

    @Test
    void aProofOrDsWithoutItsSignatureIsBogusWhereverItIsUsed() throws Exception {
        keysOf(ROOT_IP, ROOT, ROOT.dnskeys());
        // the DS of a referral, unsigned
        assertThat(rootAndChild(belowRoot(referral(new RRset(EXAMPLE.ds()))), CheckBudget.PER_VALIDATION))
                .containsExactly("bogus: no RRSIG for example DS", "bogus: chain of trust broken at .");
        // the NSEC that would prove an unsigned delegation, unsigned
        RRset nsec = new RRset(new NSECRecord(EXAMPLE.name, DClass.IN, 3600, Name.fromConstantString("zz."),
                new int[] {Type.NS, Type.RRSIG, Type.NSEC}));
        assertThat(rootAndChild(belowRoot(referral(nsec)), CheckBudget.PER_VALIDATION))
                .containsExactly("bogus: no RRSIG for example NSEC", "bogus: chain of trust broken at .");
        // the NSEC of an NXDOMAIN, unsigned
        Message nx = reply(true);
        nx.getHeader().setRcode(Rcode.NXDOMAIN);
        add(nx, org.xbill.DNS.Section.AUTHORITY,
                EXAMPLE.sign(new SOARecord(EXAMPLE.name, DClass.IN, 300, NS1, NS1, 1, 2, 3, 4, 300)),
                new RRset(new NSECRecord(EXAMPLE.name, DClass.IN, 300, NS1, new int[] {Type.NS, Type.SOA})));
        Trace trace = trace(referral(ROOT.sign(EXAMPLE.ds())), child(nx, Status.AUTHORITATIVE_NXDOMAIN));
        assertThat(childVerdict(validate(trace, TestZone.NOW), trace).text())
                .isEqualTo("bogus: no RRSIG for example NSEC");
    }

    @Test
    void theDoBitOfTheQueryThatGotTheReplyDecidesWhetherItCouldCarrySignatures() {
        Message reply = answer(www());
        Message noOpt = Message.newQuery(Record.newRecord(WWW, Type.A, DClass.IN));
        Message ednsWithoutDo = Message.newQuery(Record.newRecord(WWW, Type.A, DClass.IN));
        ednsWithoutDo.addRecord(new org.xbill.DNS.OPTRecord(1232, 0, 0, 0), org.xbill.DNS.Section.ADDITIONAL);
        Message ednsWithDo = Message.newQuery(Record.newRecord(WWW, Type.A, DClass.IN));
        ednsWithDo.addRecord(new org.xbill.DNS.OPTRecord(1232, 0, 0, org.xbill.DNS.ExtendedFlags.DO),
                org.xbill.DNS.Section.ADDITIONAL);
        for (Message sent : List.of(noOpt, ednsWithoutDo, ednsWithDo)) {
            Attempt attempt = new Attempt(Protocol.UDP, sent, Duration.ofMillis(200), Duration.ofMillis(1),
                    AttemptResult.REPLY, reply, 0, List.of(), null);
            Exchange exchange = new Exchange(new ServerAddress(EXAMPLE_IP, 53), WWW, Type.A, reply, List.of(attempt),
                    false);
            assertThat(ChainValidator.askedWithDo(exchange)).as(sent.toString()).isEqualTo(sent == ednsWithDo);
        }
    }

    @Test
    void aDnskeyReplyIsTheServersWordOnlyWhenAuthoritativeOrHoldingTheKeys() {
        Message refused = reply(true);
        refused.getHeader().setRcode(Rcode.SERVFAIL);
        assertThat(ChainValidator.unusableKeyReply(refused, EXAMPLE.name)).isEqualTo("SERVFAIL");
        Message truncated = reply(true);
        truncated.getHeader().setFlag(Flags.TC);
        assertThat(ChainValidator.unusableKeyReply(truncated, EXAMPLE.name)).isEqualTo("a truncated reply (TC=1)");
        assertThat(ChainValidator.unusableKeyReply(reply(false), EXAMPLE.name))
                .isEqualTo("a reply without the keys that is not authoritative");
        assertThat(ChainValidator.unusableKeyReply(reply(true), EXAMPLE.name)).isNull(); // the zone has no keys
        Message keysWithoutAa = reply(false);
        add(keysWithoutAa, org.xbill.DNS.Section.ANSWER, EXAMPLE.dnskeys());
        assertThat(ChainValidator.unusableKeyReply(keysWithoutAa, EXAMPLE.name)).isNull();
    }

    @Test
    void whatTheRootLinesKeysAndTheirAnchorSayIsHandedDownToo() throws Exception {
        Message signedReferral = referral(ROOT.sign(EXAMPLE.ds()));
        // the root's DNSKEY query answered REFUSED, or only without DO (EDNS fallback)
        Message refused = reply(false);
        refused.getHeader().setRcode(Rcode.REFUSED);
        keys.put(new ServerZone(ROOT_IP, Name.root), exchange(ROOT_IP, Name.root, Type.DNSKEY, refused));
        assertThat(rootAndChild(belowRoot(signedReferral), CheckBudget.PER_VALIDATION)).containsExactly(
                "indeterminate: DNSKEY query got REFUSED", "indeterminate: DNSKEY of . unavailable");
        Message plain = Message.newQuery(Record.newRecord(Name.root, Type.DNSKEY, DClass.IN));
        Message unsignedKeys = reply(true);
        ROOT.dnskeys().rrs(false).forEach(r -> unsignedKeys.addRecord(r, org.xbill.DNS.Section.ANSWER));
        Attempt attempt = new Attempt(Protocol.UDP, plain, Duration.ofMillis(200), Duration.ofMillis(1),
                AttemptResult.REPLY, unsignedKeys, 0, List.of(), null);
        keys.put(new ServerZone(ROOT_IP, Name.root), new Exchange(new ServerAddress(ROOT_IP, 53), Name.root,
                Type.DNSKEY, unsignedKeys, List.of(attempt), false));
        assertThat(rootAndChild(belowRoot(signedReferral), CheckBudget.PER_VALIDATION)).containsExactly(
                "indeterminate: DNSKEY reply only without DO", "indeterminate: DNSKEY of . unavailable");
        // the root's referral itself came only without DO
        keysOf(ROOT_IP, ROOT, ROOT.dnskeys());
        Message plainQuestion = Message.newQuery(Record.newRecord(WWW, Type.A, DClass.IN));
        Attempt fallback = new Attempt(Protocol.UDP, plainQuestion, Duration.ofMillis(200), Duration.ofMillis(1),
                AttemptResult.REPLY, signedReferral, 0, List.of(), null);
        keysOf(EXAMPLE_IP, EXAMPLE, EXAMPLE.dnskeys());
        TraceNode child = child(answer(EXAMPLE.sign(www().rrs(false).toArray(Record[]::new))),
                Status.AUTHORITATIVE_ANSWER);
        TraceNode root = new TraceNode("a.root", ROOT_IP, Name.root, Verdict.referral(Status.REFERRAL, EXAMPLE.name),
                new Exchange(new ServerAddress(ROOT_IP, 53), WWW, Type.A, signedReferral, List.of(fallback), false),
                List.of(child));
        Trace viaFallback = new Trace(new StartServer("a.root", ROOT_IP, Name.root), 3, 53,
                List.of(new Section(QUESTION, null, root)), List.of(), new TraceStats(2, 0));
        assertThat(rootAndChild(viaFallback, CheckBudget.PER_VALIDATION)).containsExactly(
                "indeterminate: reply only without EDNS (no DO bit)", "indeterminate: reply without DO at .");
        // an anchor with an algorithm the validator cannot check: insecure from the root down
        DSRecord unknown = new DSRecord(Name.root, DClass.IN, 3600, 4711, 253, DSRecord.SHA256_DIGEST_ID, new byte[32]);
        assertThat(rootAndChild(belowRoot(signedReferral), CheckBudget.PER_VALIDATION, unknown)).containsExactly(
                "insecure: unsupported algorithm PRIVATEDNS", "insecure: unsupported algorithm PRIVATEDNS at .");
        // an anchor matching no root key, or only a revoked one: bogus, broken below
        assertThat(rootAndChild(belowRoot(signedReferral), CheckBudget.PER_VALIDATION, (DSRecord) EXAMPLE.ds()
                .withName(Name.root))[1]).isEqualTo("bogus: chain of trust broken at .");
        TestZone revoked = new TestZone(".", 385);
        keysOf(ROOT_IP, ROOT, revoked.dnskeys());
        String[] verdicts = rootAndChild(belowRoot(signedReferral), CheckBudget.PER_VALIDATION, revoked.ds());
        assertThat(verdicts[0]).endsWith("is revoked (REVOKE bit)");
        assertThat(verdicts[1]).isEqualTo("bogus: chain of trust broken at .");
    }

    @Test
    void aLabRootMetWithTheBuiltInIanaAnchorsIsToldToGiveItsOwnAnchor() throws Exception {
        keysOf(ROOT_IP, ROOT, ROOT.dnskeys());
        Trace trace = belowRoot(referral(ROOT.sign(EXAMPLE.ds())));
        String builtIn = ChainValidator.validate(trace, new FetchedKeys(keys), TrustAnchors.builtIn(), TestZone.NOW)
                .of(trace.sections().get(0).root()).text();
        assertThat(builtIn).isEqualTo("bogus: no DNSKEY matches the DS (key tag 20326, 38696): the built-in IANA trust "
                + "anchors do not match this root's keys: give --trust-anchor");
        // the same DS given as a file: the user chose them, so no such advice
        TrustAnchors fromFile = TrustAnchors.of(List.copyOf(TrustAnchors.builtIn().forZone(Name.root)), "root.key");
        assertThat(ChainValidator.validate(trace, new FetchedKeys(keys), fromFile, TestZone.NOW)
                .of(trace.sections().get(0).root()).text())
                .isEqualTo("bogus: no DNSKEY matches the DS (key tag 20326, 38696)");
    }

    @Test
    void aDnskeySetWhoseOnlySignatureExpiredIsBogusThereAndBreaksTheChainBelow() throws Exception {
        Instant end = Instant.parse("2026-06-01T12:30:00Z");
        keysOf(ROOT_IP, ROOT, ROOT.signBetween(end.minus(Duration.ofDays(30)), end, ROOT.key));
        assertThat(rootAndChild(belowRoot(referral(ROOT.sign(EXAMPLE.ds()))), CheckBudget.PER_VALIDATION))
                .containsExactly("bogus: RRSIG . DNSKEY expired 2026-06-01 12:30 UTC",
                        "bogus: chain of trust broken at .");
    }

    @Test
    void anAnswerSignatureAboutToExpireIsNamedThoughTheKeysAreSignedForLonger() throws Exception {
        Instant soon = TestZone.NOW.plus(Duration.ofHours(5));
        Trace trace = healthy(EXAMPLE.signBetween(TestZone.NOW.minus(Duration.ofDays(1)), soon,
                www().rrs(false).toArray(Record[]::new)));
        DnssecReport report = validate(trace, TestZone.NOW);
        assertThat(childVerdict(report, trace).text()).isEqualTo("secure");
        assertThat(report.problems()).extracting(DnssecProblem::message).containsExactly("RRSIG www.example A by key "
                + EXAMPLE.key.getFootprint() + " expires 2026-06-15 17:00 UTC, in 5 hours (under 12 hours: the signer "
                + "seems to have stopped re-signing)");
    }

    @Test
    void aDsKeyWhoseSignatureOfTheDnskeySetFailsIsNamedWhileTheZoneValidatesThroughTheOtherDs() throws Exception {
        TestZone second = new TestZone("example.");
        keysOf(ROOT_IP, ROOT, ROOT.dnskeys());
        RRset both = EXAMPLE.sign(EXAMPLE.key, second.key);
        RRSIGRecord sig = second.sign(EXAMPLE.key, second.key).sigs().get(0);
        byte[] bad = sig.getSignature().clone();
        bad[7] ^= 1;
        both.addRR(new RRSIGRecord(sig.getName(), sig.getDClass(), sig.getTTL(), sig.getTypeCovered(),
                sig.getAlgorithm(), sig.getOrigTTL(), sig.getExpire(), sig.getTimeSigned(), sig.getFootprint(),
                sig.getSigner(), bad));
        keysOf(EXAMPLE_IP, EXAMPLE, both);
        Trace trace = trace(referral(ROOT.sign(EXAMPLE.ds(), second.ds())),
                child(answer(EXAMPLE.sign(www().rrs(false).toArray(Record[]::new))), Status.AUTHORITATIVE_ANSWER));
        DnssecReport report = validate(trace, TestZone.NOW);
        assertThat(childVerdict(report, trace).text()).isEqualTo("secure");
        int tag = second.key.getFootprint();
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(DnssecProblemCode.DNSSEC_DS_KEY_NOT_SIGNING);
            assertThat(p.severity()).isEqualTo(DnssecSeverity.WARNING);
            assertThat(p.message()).isEqualTo("the DS with key tag " + tag + " (ECDSAP256SHA256) names DNSKEY " + tag
                    + ", whose signature of the DNSKEY RRset fails (RRSIG example DNSKEY by key " + tag
                    + " does not verify); the zone validates only through another DS");
        });
    }

    /** The server answers the CNAME and refers the target to the child: the target's section checks the rest. */
    @Test
    void aCnameIntoADelegatedChildEndsInTheReferralNotInADenial() throws Exception {
        Name sub = Name.fromConstantString("sub.example.");
        Message m = answer(EXAMPLE.sign(new org.xbill.DNS.CNAMERecord(WWW, DClass.IN, 3600,
                Name.fromConstantString("x.sub.example."))));
        add(m, org.xbill.DNS.Section.AUTHORITY,
                new RRset(new NSRecord(sub, DClass.IN, 3600, Name.fromConstantString("ns.sub.example."))));
        keysOf(ROOT_IP, ROOT, ROOT.dnskeys());
        keysOf(EXAMPLE_IP, EXAMPLE, EXAMPLE.dnskeys());
        Trace trace = trace(referral(ROOT.sign(EXAMPLE.ds())), child(m, Status.AUTHORITATIVE_ANSWER));
        DnssecReport report = validate(trace, TestZone.NOW);
        assertThat(childVerdict(report, trace).text()).isEqualTo("secure");
        assertThat(report.problems()).isEmpty();
    }
}

