package org.dnstracer.dnssec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.dnstracer.net.Exchange;
import org.dnstracer.net.ServerAddress;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Address;
import org.xbill.DNS.Master;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSEC3Record;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * DNSSEC policy findings on zones signed by BIND's dnssec-signzone (signed/policy/, commands in signed/README.md):
 * a root whose DS set for example. has SHA-1, GOST and RSAMD5 entries and DS for a key that does not sign and one
 * that does not exist, and an example. signed with RSASHA1-NSEC3-SHA1 (4096-bit KSK, so a large DNSKEY reply),
 * NSEC3 with 5 iterations and a salt, and a CDS/CDNSKEY for a key it does not publish. Each finding names the
 * server that served the data; the BIND ECDSA zone of the other tests has none of them.
 */
class PolicyTest {
    private static final InetAddress ROOT_IP = address("127.0.0.1");
    private static final InetAddress EXAMPLE_IP = address("127.0.0.53");
    private static final Name EXAMPLE = Name.fromConstantString("example.");
    private static final Map<String, RRset> ROOT = load("policy/root.signed", Name.root);
    private static final Map<String, RRset> ZONE = load("policy/example.signed", EXAMPLE);

    private static Map<String, RRset> load(String file, Name origin) {
        Map<String, RRset> sets = new LinkedHashMap<>();
        try (InputStream in = PolicyTest.class.getResourceAsStream("signed/" + file);
                Master master = new Master(in, origin, 3600)) {
            Record r;
            while ((r = master.nextRecord()) != null) {
                int type = r instanceof RRSIGRecord sig ? sig.getTypeCovered() : r.getType();
                sets.computeIfAbsent(key(r.getName().toString(), type), k -> new RRset()).addRR(r);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return sets;
    }

    private static String key(String name, int type) {
        return name.toLowerCase(java.util.Locale.ROOT) + "/" + Type.string(type);
    }

    private static RRset get(Map<String, RRset> zone, String name, int type) {
        RRset set = zone.get(key(name, type));
        assertThat(set).as(name + " " + Type.string(type)).isNotNull();
        return set;
    }

    private static List<RRset> all(Map<String, RRset> zone, int type) {
        return zone.values().stream().filter(s -> s.getType() == type).toList();
    }

    private static Exchange exchange(InetAddress ip, Name qname, int qtype, Message reply) {
        return new Exchange(new ServerAddress(ip, 53), qname, qtype, reply, List.of(), false);
    }

    /** The root's referral to example. (with its DS set), then example.'s reply to the question. */
    private static DnssecReport trace(Question question, Status status, Message answer, Instant at) throws Exception {
        Message referral = SignedZoneFile.reply(question, Rcode.NOERROR, List.of(),
                List.of(get(ROOT, "example.", Type.NS), get(ROOT, "example.", Type.DS)));
        referral.getHeader().unsetFlag(org.xbill.DNS.Flags.AA);
        TraceNode child = new TraceNode("ns1.example", EXAMPLE_IP, EXAMPLE, Verdict.of(status),
                exchange(EXAMPLE_IP, question.name(), question.type(), answer), List.of());
        TraceNode root = new TraceNode("a.root", ROOT_IP, Name.root, Verdict.referral(Status.REFERRAL, EXAMPLE),
                exchange(ROOT_IP, question.name(), question.type(), referral), List.of(child));
        Trace trace = new Trace(new StartServer("a.root", ROOT_IP, Name.root), 3, 53,
                List.of(new Section(question, null, root)), List.of(), new TraceStats(2, 0));
        FetchedKeys keys = new FetchedKeys(Map.of(
                new ServerZone(ROOT_IP, Name.root), exchange(ROOT_IP, Name.root, Type.DNSKEY, SignedZoneFile.reply(
                        new Question(Name.root, Type.DNSKEY), Rcode.NOERROR, List.of(get(ROOT, ".", Type.DNSKEY)),
                        List.of())),
                new ServerZone(EXAMPLE_IP, EXAMPLE), exchange(EXAMPLE_IP, EXAMPLE, Type.DNSKEY, SignedZoneFile.reply(
                        new Question(EXAMPLE, Type.DNSKEY), Rcode.NOERROR, List.of(get(ZONE, "example.", Type.DNSKEY)),
                        List.of()))));
        TrustAnchors anchor = TrustAnchors.of(new ArrayList<>(get(load("policy/dsset-.", Name.root), ".", Type.DS)
                .rrs(false)), "dsset-.");
        DnssecReport report = ChainValidator.validate(trace, keys, anchor, at);
        // the policy faults change no verdict: the chain validates through the KSK's SHA-256 DS
        assertThat(report.of(child).status()).as(report.problems().toString()).isEqualTo(DnssecStatus.SECURE);
        return report;
    }

    private static DnssecReport www(Instant at) throws Exception {
        Question q = new Question(Name.fromConstantString("www.example."), Type.A);
        return trace(q, Status.AUTHORITATIVE_ANSWER, SignedZoneFile.reply(q, Rcode.NOERROR,
                List.of(get(ZONE, "www.example.", Type.A)), List.of()), at);
    }

    private static List<String> texts(DnssecReport report, DnssecProblemCode code) {
        return report.problems().stream().filter(p -> p.code() == code).map(DnssecProblem::text).toList();
    }

    @Test
    void dsDigestsSha1AndGostAreNamedAtTheParentServerThatServedThem() throws Exception {
        assertThat(texts(www(SignedZoneFile.AT), DnssecProblemCode.DNSSEC_DS_DIGEST_DEPRECATED)).containsExactly(
                "DNSSEC_DS_DIGEST_DEPRECATED (warning) example at a.root (127.0.0.1): DS of example with digest type "
                        + "GOST R 34.11-94 (key tag 53721): RFC 8624 forbids publishing it; SHA-256 is the one to use",
                "DNSSEC_DS_DIGEST_DEPRECATED (warning) example at a.root (127.0.0.1): DS of example with digest type "
                        + "SHA-1 (key tag 53721): RFC 8624 forbids publishing it; SHA-256 is the one to use");
    }

    @Test
    void prohibitedAndDeprecatedAlgorithmsInTheDsSetAndTheDnskeySet() throws Exception {
        DnssecReport report = www(SignedZoneFile.AT);
        assertThat(texts(report, DnssecProblemCode.DNSSEC_ALGORITHM_PROHIBITED)).containsExactly(
                "DNSSEC_ALGORITHM_PROHIBITED (error) example at a.root (127.0.0.1): DS of example with algorithm "
                        + "RSAMD5 (key tag 4242): RFC 8624 forbids signing with it and validators ignore it, so it "
                        + "protects nothing");
        assertThat(texts(report, DnssecProblemCode.DNSSEC_ALGORITHM_DEPRECATED)).containsExactly(
                "DNSSEC_ALGORITHM_DEPRECATED (warning) example at a.root (127.0.0.1): DS of example with algorithm "
                        + "RSASHA1-NSEC3-SHA1 (key tag 16902, 53721): RFC 9905 forbids signing with SHA-1 algorithms "
                        + "and some validators treat them as insecure",
                "DNSSEC_ALGORITHM_DEPRECATED (warning) example at ns1.example (127.0.0.53): DNSKEY of example with "
                        + "algorithm RSASHA1-NSEC3-SHA1 (key tag 16902, 53721): RFC 9905 forbids signing with SHA-1 "
                        + "algorithms and some validators treat them as insecure");
    }

    @Test
    void dsWhoseKeyDoesNotSignTheDnskeySetIsNamedByKeyTag() throws Exception {
        // 16902 is the ZSK (dnssec-signzone -x: only the KSK signs the DNSKEY RRset); 30338 is not published
        assertThat(texts(www(SignedZoneFile.AT), DnssecProblemCode.DNSSEC_DS_KEY_NOT_SIGNING)).containsExactly(
                "DNSSEC_DS_KEY_NOT_SIGNING (notice) example at ns1.example (127.0.0.53): the DS with key tag 16902 "
                        + "(RSASHA1-NSEC3-SHA1) names DNSKEY 16902, which does not sign the DNSKEY RRset; the zone validates "
                        + "only through another DS",
                "DNSSEC_DS_KEY_NOT_SIGNING (notice) example at ns1.example (127.0.0.53): the DS with key tag 30338 "
                        + "(ECDSAP256SHA256) matches no DNSKEY of example, so no key of it signs the DNSKEY RRset; the "
                        + "zone validates only through another DS");
    }

    @Test
    void dnskeyReplyOver1232OctetsIsNamed() throws Exception {
        List<String> large = texts(www(SignedZoneFile.AT), DnssecProblemCode.DNSSEC_DNSKEY_REPLY_LARGE);
        assertThat(large).hasSize(1);
        assertThat(large.get(0)).startsWith("DNSSEC_DNSKEY_REPLY_LARGE (notice) example at ns1.example (127.0.0.53): "
                + "the DNSKEY reply for example is ").contains("octets, over the 1232 of DNS Flag Day 2020");
    }

    @Test
    void nsec3IterationsAndSaltOfADenialAreNamed() throws Exception {
        Question q = new Question(Name.fromConstantString("nope.example."), Type.A);
        List<RRset> authority = new ArrayList<>(List.of(get(ZONE, "example.", Type.SOA)));
        authority.addAll(all(ZONE, Type.NSEC3));
        DnssecReport report = trace(q, Status.AUTHORITATIVE_NXDOMAIN, SignedZoneFile.reply(q, Rcode.NXDOMAIN,
                List.of(), authority), SignedZoneFile.AT);
        assertThat(texts(report, DnssecProblemCode.DNSSEC_NSEC3_ITERATIONS_NONZERO)).containsExactly(
                "DNSSEC_NSEC3_ITERATIONS_NONZERO (warning) example at ns1.example (127.0.0.53): NSEC3 of example with "
                        + "5 extra iterations: RFC 9276 says 0 (they cost every resolver work and protect nothing; "
                        + "validators may treat the zone as insecure)");
        assertThat(texts(report, DnssecProblemCode.DNSSEC_NSEC3_SALT)).containsExactly(
                "DNSSEC_NSEC3_SALT (notice) example at ns1.example (127.0.0.53): NSEC3 of example with salt AABBCCDD: "
                        + "RFC 9276 says no salt (it protects nothing)");
    }

    @Test
    void cdsAndCdnskeyForAKeyTheZoneDoesNotPublishAreNamed() throws Exception {
        Question cds = new Question(EXAMPLE, Type.CDS);
        DnssecReport report = trace(cds, Status.AUTHORITATIVE_ANSWER, SignedZoneFile.reply(cds, Rcode.NOERROR,
                List.of(get(ZONE, "example.", Type.CDS)), List.of()), SignedZoneFile.AT);
        // of the two CDS, the one for the published KSK 53721 matches
        assertThat(texts(report, DnssecProblemCode.DNSSEC_CDS_NO_MATCHING_DNSKEY)).containsExactly(
                "DNSSEC_CDS_NO_MATCHING_DNSKEY (warning) example at ns1.example (127.0.0.53): CDS with key tag 30338 "
                        + "of example matches no DNSKEY of the zone: a parent acting on it (RFC 7344, 8078) would "
                        + "break the chain");
        Question cdnskey = new Question(EXAMPLE, Type.CDNSKEY);
        report = trace(cdnskey, Status.AUTHORITATIVE_ANSWER, SignedZoneFile.reply(cdnskey, Rcode.NOERROR,
                List.of(get(ZONE, "example.", Type.CDNSKEY)), List.of()), SignedZoneFile.AT);
        assertThat(texts(report, DnssecProblemCode.DNSSEC_CDS_NO_MATCHING_DNSKEY)).containsExactly(
                "DNSSEC_CDS_NO_MATCHING_DNSKEY (warning) example at ns1.example (127.0.0.53): CDNSKEY with key tag "
                        + "30338 of example matches no DNSKEY of the zone: a parent acting on it (RFC 7344, 8078) would "
                        + "break the chain");
    }

    @Test
    void signaturesExpiringWithinTwelveHoursAreNamedAtEachServer() throws Exception {
        // the signer's validity ends 2040-12-31 00:00 UTC; 3 days before (a healthy Knot or online signer's margin),
        // nothing, nor at 12 hours and a minute; 11 hours before, each server's earliest expiring signature
        assertThat(texts(www(Instant.parse("2040-12-27T23:00:00Z")), DnssecProblemCode.DNSSEC_RRSIG_EXPIRES_SOON))
                .isEmpty();
        assertThat(texts(www(Instant.parse("2040-12-30T11:59:00Z")), DnssecProblemCode.DNSSEC_RRSIG_EXPIRES_SOON))
                .isEmpty();
        assertThat(texts(www(Instant.parse("2040-12-30T13:00:00Z")), DnssecProblemCode.DNSSEC_RRSIG_EXPIRES_SOON))
                .containsExactly(
                        "DNSSEC_RRSIG_EXPIRES_SOON (warning) . at a.root (127.0.0.1): RRSIG . DNSKEY by key 37601 "
                                + "expires 2040-12-31, in 11 hours (under 12 hours: the signer seems to have stopped "
                                + "re-signing)",
                        "DNSSEC_RRSIG_EXPIRES_SOON (warning) example at ns1.example (127.0.0.53): RRSIG example "
                                + "DNSKEY by key 53721 expires 2040-12-31, in 11 hours (under 12 hours: the signer "
                                + "seems to have stopped re-signing)");
    }

    @Test
    void aZoneSignedToTodaysAdviceHasNoPolicyFinding() throws Exception {
        SignedZoneFile nsec3 = SignedZoneFile.load("example.nsec3.signed");
        Question q = new Question(Name.fromConstantString("nope.example."), Type.A);
        List<RRset> authority = new ArrayList<>(List.of(nsec3.get("example.", Type.SOA)));
        authority.addAll(nsec3.all(Type.NSEC3));
        Trace trace = SignedZoneFile.trace(q, Status.AUTHORITATIVE_NXDOMAIN,
                SignedZoneFile.reply(q, Rcode.NXDOMAIN, List.of(), authority));
        DnssecReport report = ChainValidator.validate(trace, nsec3.keys(), SignedZoneFile.anchor(), SignedZoneFile.AT);
        assertThat(report.of(trace.sections().get(0).root()).text()).isEqualTo("secure");
        assertThat(report.problems()).isEmpty();
    }

    @Test
    void saltWithIterationsAboveTheLimitIsNamedButTheIterationsOnlyOnce() throws Exception {
        SignedZoneFile ldns = SignedZoneFile.load("example.nsec3-2500.signed");
        Question q = new Question(Name.fromConstantString("nope.example."), Type.A);
        List<RRset> authority = new ArrayList<>(List.of(ldns.get("example.", Type.SOA)));
        authority.addAll(ldns.all(Type.NSEC3));
        Trace trace = SignedZoneFile.trace(q, Status.AUTHORITATIVE_NXDOMAIN,
                SignedZoneFile.reply(q, Rcode.NXDOMAIN, List.of(), authority));
        DnssecReport report = ChainValidator.validate(trace, ldns.keys(), SignedZoneFile.anchor(), SignedZoneFile.AT);
        assertThat(report.problems()).extracting(DnssecProblem::code).containsExactlyInAnyOrder(
                DnssecProblemCode.DNSSEC_NSEC3_ITERATIONS, DnssecProblemCode.DNSSEC_NSEC3_SALT);
    }

    @Test
    void aProblemNamesItsServerAndAddressWhenItHasThem() {
        DnssecProblem both = new DnssecProblem(DnssecProblemCode.DNSSEC_NSEC3_SALT, DnssecSeverity.NOTICE, EXAMPLE,
                "ns1.example", EXAMPLE_IP, "m");
        assertThat(both.text()).isEqualTo("DNSSEC_NSEC3_SALT (notice) example at ns1.example (127.0.0.53): m");
        assertThat(new DnssecProblem(both.code(), both.severity(), EXAMPLE, "ns1.example", null, "m").text())
                .isEqualTo("DNSSEC_NSEC3_SALT (notice) example at ns1.example: m");
        assertThat(new DnssecProblem(both.code(), DnssecSeverity.WARNING, EXAMPLE, null, null, "m").text())
                .isEqualTo("DNSSEC_NSEC3_SALT (warning) example: m");
    }

    @Test
    void aReplyOfExactly1232OctetsIsNotLarge() {
        assertThat(Policy.size(EXAMPLE, new byte[1232])).isEmpty();
        assertThat(Policy.size(EXAMPLE, null)).isEmpty();
        assertThat(Policy.size(EXAMPLE, new byte[1233])).singleElement()
                .satisfies(n -> assertThat(n.message()).contains("is 1233 octets"));
    }

    @Test
    void onlyTheZonesOwnSignaturesStillValidAndEndingWithinSevenDaysCount() {
        RRset keys = get(ZONE, "example.", Type.DNSKEY);
        Instant end = Instant.parse("2040-12-31T00:00:00Z");
        assertThat(Policy.expiry(EXAMPLE, List.of(keys), end.minus(Policy.EXPIRY_WARNING))).isEmpty();
        assertThat(Policy.expiry(EXAMPLE, List.of(keys), end.minus(Policy.EXPIRY_WARNING).plusSeconds(1))).hasSize(1);
        assertThat(Policy.expiry(EXAMPLE, List.of(keys), end)).isEmpty(); // expired: the validator's business
        assertThat(Policy.expiry(Name.root, List.of(keys), end.minusSeconds(3600))).isEmpty(); // another signer
        assertThat(Policy.expiry(EXAMPLE, List.of(keys), end.minusSeconds(3600))).singleElement()
                .satisfies(n -> assertThat(n.message()).contains("in 1 hour ("));
    }

    @Test
    void nsec3paramAtTheApexIsCheckedAsTheNsec3RecordsAre() throws Exception {
        Question q = new Question(EXAMPLE, Type.NSEC3PARAM);
        DnssecReport report = trace(q, Status.AUTHORITATIVE_ANSWER, SignedZoneFile.reply(q, Rcode.NOERROR,
                List.of(get(ZONE, "example.", Type.NSEC3PARAM)), List.of()), SignedZoneFile.AT);
        assertThat(report.problems()).extracting(DnssecProblem::code).contains(
                DnssecProblemCode.DNSSEC_NSEC3_ITERATIONS_NONZERO, DnssecProblemCode.DNSSEC_NSEC3_SALT);
        // records of another zone in the reply are not this zone's
        Message other = SignedZoneFile.reply(q, Rcode.NOERROR, List.of(get(ZONE, "example.", Type.NSEC3PARAM)),
                List.of());
        assertThat(Policy.nsec3(Name.fromConstantString("other."), other)).isEmpty();
    }

    @Test
    void theCdsDeleteRequestIsNoKeyToMatch() throws Exception {
        Question q = new Question(EXAMPLE, Type.CDS);
        Message reply = SignedZoneFile.reply(q, Rcode.NOERROR, List.of(new RRset(Record.fromString(EXAMPLE, Type.CDS,
                org.xbill.DNS.DClass.IN, 3600, "0 0 0 00", EXAMPLE))), List.of());
        assertThat(Policy.cds(EXAMPLE, reply, get(ZONE, "example.", Type.DNSKEY))).isEmpty();
        Message delete = SignedZoneFile.reply(q, Rcode.NOERROR, List.of(new RRset(Record.fromString(EXAMPLE,
                Type.CDNSKEY, org.xbill.DNS.DClass.IN, 3600, "0 3 0 AA==", EXAMPLE))), List.of());
        assertThat(Policy.cds(EXAMPLE, delete, get(ZONE, "example.", Type.DNSKEY))).isEmpty();
        // a CDNSKEY of the published KSK matches
        RRset ksk = new RRset();
        for (Record r : get(ZONE, "example.", Type.DNSKEY).rrs(false)) {
            if (((org.xbill.DNS.DNSKEYRecord) r).getFootprint() == 53721) {
                ksk.addRR(Record.fromString(EXAMPLE, Type.CDNSKEY, org.xbill.DNS.DClass.IN, 3600, r.rdataToString(),
                        EXAMPLE));
            }
        }
        assertThat(ksk.size()).isEqualTo(1);
        assertThat(Policy.cds(EXAMPLE, SignedZoneFile.reply(q, Rcode.NOERROR, List.of(ksk), List.of()),
                get(ZONE, "example.", Type.DNSKEY))).isEmpty();
    }

    @Test
    void algorithmsGoodTodayAreNoFinding() throws Exception {
        assertThat(Policy.algorithms("DS", EXAMPLE, List.of(SignedZoneFile.ds()))).isEmpty();
        assertThat(Policy.digests(EXAMPLE, List.of(SignedZoneFile.ds()))).isEmpty();
        org.xbill.DNS.DSRecord dsa = (org.xbill.DNS.DSRecord) Record.fromString(EXAMPLE, Type.DS,
                org.xbill.DNS.DClass.IN, 3600, "1 3 2 " + "00".repeat(32), EXAMPLE);
        assertThat(Policy.algorithms("DS", EXAMPLE, List.of(dsa))).singleElement()
                .satisfies(n -> assertThat(n.message()).contains("algorithm DSA (key tag 1)"));
    }

    @Test
    void extraIterationsFromOneUpToTheValidatorsLimitAreNamedAboveItTheValidatorSpeaks() {
        for (int iterations : new int[] {0, 1, Nsec3Hashes.MAX_ITERATIONS, Nsec3Hashes.MAX_ITERATIONS + 1}) {
            Message reply = new Message();
            reply.addRecord(new NSEC3Record(Name.fromConstantString("00.example."), org.xbill.DNS.DClass.IN, 300, 1, 0,
                    iterations, null, new byte[20], new int[0]), org.xbill.DNS.Section.AUTHORITY);
            boolean named = iterations > 0 && iterations <= Nsec3Hashes.MAX_ITERATIONS;
            assertThat(Policy.nsec3(EXAMPLE, reply)).as(iterations + " iterations").hasSize(named ? 1 : 0);
        }
    }

    @Test
    void aCdsOrCdnskeyWithTheKeysTagButAnotherDigestDigestTypeOrAlgorithmMatchesNoKey() throws Exception {
        RRset dnskeys = get(ZONE, "example.", Type.DNSKEY);
        org.xbill.DNS.DNSKEYRecord ksk = dnskeys.rrs(false).stream().map(org.xbill.DNS.DNSKEYRecord.class::cast)
                .filter(k -> k.getFootprint() == 53721).findFirst().orElseThrow();
        org.xbill.DNS.DSRecord ds = new org.xbill.DNS.DSRecord(EXAMPLE, org.xbill.DNS.DClass.IN, 3600,
                org.xbill.DNS.DSRecord.SHA256_DIGEST_ID, ksk);
        byte[] other = ds.getDigest().clone();
        other[0] ^= 1;
        String tagAndAlgorithm = "53721 " + ksk.getAlgorithm() + " ";
        Map<String, String> cds = new LinkedHashMap<>();
        cds.put(ds.rdataToString(), null);
        cds.put(tagAndAlgorithm + "2 " + org.xbill.DNS.utils.base16.toString(other), "CDS with key tag 53721");
        // GOST (3): dnsjava knows the type but cannot compute it, so the CDS cannot be shown to match
        cds.put(tagAndAlgorithm + "3 " + "00".repeat(32), "CDS with key tag 53721");
        Question q = new Question(EXAMPLE, Type.CDS);
        cds.forEach((rdata, named) -> {
            Message reply = SignedZoneFile.reply(q, Rcode.NOERROR, List.of(new RRset(cdsRecord(Type.CDS, rdata))),
                    List.of());
            List<Policy.Note> notes = Policy.cds(EXAMPLE, reply, dnskeys);
            if (named == null) {
                assertThat(notes).as(rdata).isEmpty();
            } else {
                assertThat(notes).as(rdata).singleElement().satisfies(n -> assertThat(n.message()).startsWith(named));
            }
        });
        // the KSK's key under another algorithm number is another key
        Record otherAlgorithm = cdsRecord(Type.CDNSKEY, ksk.getFlags() + " 3 13 "
                + java.util.Base64.getEncoder().encodeToString(ksk.getKey()));
        Message reply = SignedZoneFile.reply(new Question(EXAMPLE, Type.CDNSKEY), Rcode.NOERROR,
                List.of(new RRset(otherAlgorithm)), List.of());
        assertThat(Policy.cds(EXAMPLE, reply, dnskeys)).singleElement()
                .satisfies(n -> assertThat(n.message()).startsWith("CDNSKEY with key tag "));
        // and another key under the KSK's algorithm (the ZSK shares it) is no key of the zone
        byte[] otherKey = ksk.getKey().clone();
        otherKey[10] ^= 1;
        Record unpublished = cdsRecord(Type.CDNSKEY, ksk.getFlags() + " 3 " + ksk.getAlgorithm() + " "
                + java.util.Base64.getEncoder().encodeToString(otherKey));
        Message unpublishedReply = SignedZoneFile.reply(new Question(EXAMPLE, Type.CDNSKEY), Rcode.NOERROR,
                List.of(new RRset(unpublished)), List.of());
        assertThat(Policy.cds(EXAMPLE, unpublishedReply, dnskeys)).singleElement()
                .satisfies(n -> assertThat(n.message()).startsWith("CDNSKEY with key tag "));
    }

    private static Record cdsRecord(int type, String rdata) {
        try {
            return Record.fromString(EXAMPLE, type, org.xbill.DNS.DClass.IN, 3600, rdata, EXAMPLE);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InetAddress address(String literal) {
        try {
            return Address.getByAddress(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
