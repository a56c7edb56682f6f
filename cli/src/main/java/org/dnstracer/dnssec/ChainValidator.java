package org.dnstracer.dnssec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.dnstracer.model.Names;
import org.dnstracer.model.Question;
import org.dnstracer.model.Section;
import org.dnstracer.model.Status;
import org.dnstracer.model.Trace;
import org.dnstracer.model.TraceNode;
import org.dnstracer.net.Attempt;
import org.dnstracer.net.Exchange;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * Validates a finished trace, server by server: a pure function of the trace (whose replies carry RRSIGs, DS and
 * NSEC/NSEC3 records since every query had DO=1), the DNSKEY sets fetched afterwards, the trust anchors and a
 * moment. Each server line's zone is checked with the DS its parent line handed down (or a trust anchor): a DNSKEY
 * must match the DS, the DNSKEY RRset must be signed by it, and what the server then said must be signed by the
 * zone's keys: the DS of a referral (or the NSEC/NSEC3 proof that there is none), the answer, or the denial.
 */
public final class ChainValidator {
    /** Algorithms dnsjava verifies; a zone whose DS names only others is insecure (RFC 4035 §5.2). */
    private static final Set<Integer> ALGORITHMS = Set.of(DNSSEC.Algorithm.RSASHA1, DNSSEC.Algorithm.RSA_NSEC3_SHA1,
            DNSSEC.Algorithm.RSASHA256, DNSSEC.Algorithm.RSASHA512, DNSSEC.Algorithm.ECDSAP256SHA256,
            DNSSEC.Algorithm.ECDSAP384SHA384, DNSSEC.Algorithm.ED25519, DNSSEC.Algorithm.ED448);
    private static final Set<Integer> DIGESTS = Set.of(DSRecord.SHA1_DIGEST_ID, DSRecord.SHA256_DIGEST_ID,
            DSRecord.SHA384_DIGEST_ID);

    /** What a parent line hands down about the zone it refers to. */
    private record Trust(DnssecStatus status, List<DSRecord> ds, String reason) {
        static Trust secure(List<DSRecord> ds) {
            return new Trust(DnssecStatus.SECURE, ds, null);
        }

        static Trust not(DnssecStatus status, String reason) {
            return new Trust(status, List.of(), reason);
        }
    }

    private final FetchedKeys fetched;
    private final TrustAnchors anchors;
    private final Instant at;
    private final Map<TraceNode, NodeDnssec> verdicts = new IdentityHashMap<>();
    private final Set<DnssecProblem> problems = new LinkedHashSet<>();

    private ChainValidator(FetchedKeys fetched, TrustAnchors anchors, Instant at) {
        this.fetched = fetched;
        this.anchors = anchors;
        this.at = at;
    }

    public static DnssecReport validate(Trace trace, FetchedKeys fetched, TrustAnchors anchors, Instant at) {
        ChainValidator v = new ChainValidator(fetched, anchors, at);
        List<List<ZoneSummary>> chains = new ArrayList<>();
        for (Section s : trace.sections()) {
            List<TraceNode> checked = new ArrayList<>();
            v.visit(s.root(), null, s.question(), checked);
            chains.add(v.summarize(checked));
        }
        return new DnssecReport(at, anchors, v.verdicts, chains, new ArrayList<>(v.problems),
                fetched.exchanges().size());
    }

    /** Lines whose data is checked: a reply from a server delegated a zone that referred or answered for it. */
    static boolean checkable(TraceNode node) {
        if (node.zone() == null || node.address() == null || node.exchange() == null || !node.exchange().answered()) {
            return false;
        }
        return node.status() == Status.REFERRAL || node.status().isAuthoritative();
    }

    private void visit(TraceNode node, Trust fromParent, Question question, List<TraceNode> checked) {
        Trust down = null;
        if (checkable(node)) {
            down = check(node, trustFor(node.zone(), fromParent), question);
            checked.add(node);
        }
        for (TraceNode child : node.children()) {
            visit(child, down, question, checked);
        }
    }

    private Trust trustFor(Name zone, Trust fromParent) {
        List<DSRecord> anchored = anchors.forZone(zone);
        if (!anchored.isEmpty()) {
            return Trust.secure(anchored);
        }
        if (fromParent != null) {
            return fromParent;
        }
        problems.add(new DnssecProblem(DnssecProblemCode.DNSSEC_NO_TRUST_ANCHOR, DnssecSeverity.WARNING, zone, null,
                null, "no trust anchor covers " + Names.display(zone) + " (start at the root, or use --trust-anchor)"));
        return Trust.not(DnssecStatus.INDETERMINATE, "no trust anchor");
    }

    /** Records the line's verdict and returns what it hands down to the lines below it. */
    private Trust check(TraceNode node, Trust trust, Question question) {
        Name zone = node.zone();
        if (trust.status() != DnssecStatus.SECURE) {
            verdict(node, trust.status(), trust.reason(), List.of());
            return trust;
        }
        Trust broken = Trust.not(DnssecStatus.BOGUS, "chain of trust broken at " + Names.display(zone));
        Exchange keyExchange = fetched.of(new ServerZone(node.address(), zone));
        if (keyExchange == null || !keyExchange.answered()) {
            problem(node, DnssecSeverity.WARNING, DnssecProblemCode.DNSSEC_DNSKEY_UNAVAILABLE,
                    "the DNSKEY query for " + Names.display(zone) + " got no reply");
            verdict(node, DnssecStatus.INDETERMINATE, "no DNSKEY reply", List.of());
            return Trust.not(DnssecStatus.INDETERMINATE, "DNSKEY of " + Names.display(zone) + " unavailable");
        }
        if (!askedWithDo(keyExchange)) {
            // the EDNS queries timed out and only the plain one got a reply (EDNS fallback): a server answers
            // without signatures then, so judging it would call a loaded but healthy server bogus
            problem(node, DnssecSeverity.WARNING, DnssecProblemCode.DNSSEC_DNSKEY_UNAVAILABLE,
                    "the DNSKEY query for " + Names.display(zone) + " got a reply only without EDNS (no DO bit)");
            verdict(node, DnssecStatus.INDETERMINATE, "DNSKEY reply only without DO", List.of());
            return Trust.not(DnssecStatus.INDETERMINATE, "DNSKEY of " + Names.display(zone) + " unavailable");
        }
        RRset dnskeys = rrset(keyExchange.reply(), org.xbill.DNS.Section.ANSWER, zone, Type.DNSKEY);
        if (dnskeys == null) {
            return bogus(node, new Failure(DnssecProblemCode.DNSSEC_NO_DNSKEY,
                    "no DNSKEY for " + Names.display(zone)), broken);
        }
        List<DSRecord> usable = trust.ds().stream()
                .filter(ds -> ALGORITHMS.contains(ds.getAlgorithm()) && DIGESTS.contains(ds.getDigestID())).toList();
        if (usable.isEmpty()) {
            boolean knownAlgorithm = trust.ds().stream().anyMatch(ds -> ALGORITHMS.contains(ds.getAlgorithm()));
            String names = trust.ds().stream()
                    .map(ds -> knownAlgorithm ? Integer.toString(ds.getDigestID()) : KeyInfo.algorithmNameOf(ds.getAlgorithm()))
                    .distinct().collect(Collectors.joining(", "));
            String what = knownAlgorithm ? "DS digest type" : "algorithm";
            String reason = "unsupported " + what + " " + names;
            problem(node, DnssecSeverity.WARNING, DnssecProblemCode.DNSSEC_UNSUPPORTED_ALGORITHM,
                    "the DS of " + Names.display(zone) + " names only " + (knownAlgorithm ? "digest types" : "algorithms")
                            + " this validator does not support (" + names + "): treated as insecure (RFC 4035 5.2)");
            verdict(node, DnssecStatus.INSECURE, reason, List.of());
            return Trust.not(DnssecStatus.INSECURE, reason + " at " + Names.display(zone));
        }
        List<DNSKEYRecord> matched = new ArrayList<>();
        List<DNSKEYRecord> zoneKeys = new ArrayList<>();
        for (Record r : dnskeys.rrs(false)) {
            DNSKEYRecord key = (DNSKEYRecord) r;
            if ((key.getFlags() & DNSKEYRecord.Flags.ZONE_KEY) != 0) {
                zoneKeys.add(key);
            }
            if (usable.stream().anyMatch(ds -> matches(ds, key))) {
                matched.add(key);
            }
        }
        if (matched.isEmpty()) {
            String tags = usable.stream().map(ds -> Integer.toString(ds.getFootprint())).distinct()
                    .collect(Collectors.joining(", "));
            return bogus(node, new Failure(DnssecProblemCode.DNSSEC_DS_NO_MATCHING_DNSKEY,
                    "no DNSKEY matches the DS (key tag " + tags + ")"), broken);
        }
        Failure keySet = Signatures.check(dnskeys, matched, zone, at);
        if (keySet != null) {
            return bogus(node, keySet, broken);
        }
        List<KeyInfo> keys = matched.stream().map(KeyInfo::of).toList();
        Message reply = node.exchange().reply();
        if (node.status() == Status.REFERRAL) {
            return referral(node, reply, zoneKeys, keys, broken);
        }
        Failure data = switch (node.status()) {
            case AUTHORITATIVE_ANSWER -> answer(reply, zone, zoneKeys);
            case AUTHORITATIVE_NXDOMAIN -> denial(reply, zone, zoneKeys, question, true);
            case AUTHORITATIVE_NODATA -> denial(reply, zone, zoneKeys, question, false);
            default -> null;
        };
        if (data != null) {
            return bogus(node, data, broken);
        }
        verdict(node, DnssecStatus.SECURE, null, keys);
        return Trust.secure(List.of());
    }

    /** Whether the query that got the exchange's reply set DO (a reply to a plain query carries no RRSIG). */
    static boolean askedWithDo(Exchange exchange) {
        Attempt attempt = exchange.replyAttempt();
        if (attempt == null) {
            return true;
        }
        OPTRecord opt = attempt.sent().getOPT();
        return opt != null && (opt.getFlags() & ExtendedFlags.DO) != 0;
    }

    private Trust referral(TraceNode node, Message reply, List<DNSKEYRecord> zoneKeys, List<KeyInfo> keys,
            Trust broken) {
        Name zone = node.zone();
        Name child = node.verdict().referralZone();
        RRset ds = rrset(reply, org.xbill.DNS.Section.AUTHORITY, child, Type.DS);
        if (ds != null) {
            Failure f = Signatures.check(ds, zoneKeys, zone, at);
            if (f != null) {
                return bogus(node, f, broken);
            }
            verdict(node, DnssecStatus.SECURE, null, keys);
            return Trust.secure(ds.rrs(false).stream().map(DSRecord.class::cast).toList());
        }
        List<RRset> proofs = proofs(reply, zone);
        Failure f = verifyAll(proofs, zone, zoneKeys);
        if (f != null) {
            return bogus(node, f, broken);
        }
        DenialProofs denial = new DenialProofs(proofs, zone);
        if (!denial.noDs(child)) {
            return bogus(node, new Failure(DnssecProblemCode.DNSSEC_MISSING_DENIAL, "referral to "
                    + Names.display(child) + " has neither a DS nor a proof that there is none"), broken);
        }
        verdict(node, DnssecStatus.SECURE, null, keys);
        return Trust.not(DnssecStatus.INSECURE,
                "no DS for " + Names.display(child) + " (" + denial.kind() + " proof from " + Names.display(zone)
                        + ")");
    }

    private Failure answer(Message reply, Name zone, List<DNSKEYRecord> zoneKeys) {
        List<RRset> inZone = reply.getSectionRRsets(org.xbill.DNS.Section.ANSWER).stream()
                .filter(s -> s.getName().subdomain(zone)).toList();
        return verifyAll(inZone, zone, zoneKeys);
    }

    private Failure denial(Message reply, Name zone, List<DNSKEYRecord> zoneKeys, Question question, boolean nx) {
        List<RRset> proofs = proofs(reply, zone);
        Failure f = verifyAll(proofs, zone, zoneKeys);
        if (f != null) {
            return f;
        }
        DenialProofs denial = new DenialProofs(proofs, zone);
        boolean proven = nx ? denial.nxdomain(question.name()) : denial.noData(question.name(), question.type());
        if (proven) {
            return null;
        }
        return new Failure(DnssecProblemCode.DNSSEC_MISSING_DENIAL, "no NSEC/NSEC3 proof that "
                + question.displayName() + (nx ? " does not exist" : " has no " + question.typeName()));
    }

    /** The SOA, NSEC and NSEC3 RRsets of the authority section that belong to the zone. */
    private static List<RRset> proofs(Message reply, Name zone) {
        return reply.getSectionRRsets(org.xbill.DNS.Section.AUTHORITY).stream()
                .filter(s -> s.getName().subdomain(zone))
                .filter(s -> s.getType() == Type.NSEC || s.getType() == Type.NSEC3 || s.getType() == Type.SOA)
                .toList();
    }

    private Failure verifyAll(List<RRset> sets, Name zone, List<DNSKEYRecord> zoneKeys) {
        for (RRset s : sets) {
            Failure f = Signatures.check(s, zoneKeys, zone, at);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    private static boolean matches(DSRecord ds, DNSKEYRecord key) {
        if (ds.getFootprint() != key.getFootprint() || ds.getAlgorithm() != key.getAlgorithm()) {
            return false;
        }
        DSRecord computed = new DSRecord(key.getName(), DClass.IN, 0, ds.getDigestID(), key);
        return Arrays.equals(computed.getDigest(), ds.getDigest());
    }

    private static RRset rrset(Message m, int section, Name name, int type) {
        for (RRset s : m.getSectionRRsets(section)) {
            if (s.getName().equals(name) && s.getType() == type) {
                return s;
            }
        }
        return null;
    }

    private Trust bogus(TraceNode node, Failure failure, Trust broken) {
        if (failure.undecided()) {
            problem(node, DnssecSeverity.WARNING, failure.code(), failure.message());
            verdict(node, DnssecStatus.INDETERMINATE, failure.message(), List.of());
            return Trust.not(DnssecStatus.INDETERMINATE, failure.message());
        }
        problem(node, DnssecSeverity.ERROR, failure.code(), failure.message());
        verdict(node, DnssecStatus.BOGUS, failure.message(), List.of());
        return broken;
    }

    private void verdict(TraceNode node, DnssecStatus status, String reason, List<KeyInfo> keys) {
        verdicts.put(node, new NodeDnssec(node.zone(), status, reason, keys));
    }

    private void problem(TraceNode node, DnssecSeverity severity, DnssecProblemCode code, String message) {
        problems.add(new DnssecProblem(code, severity, node.zone(), node.server(), node.address(), message));
    }

    /** One summary per zone, in the order the zones first appear in the tree (parents before children). */
    private List<ZoneSummary> summarize(List<TraceNode> checked) {
        Map<Name, List<NodeDnssec>> byZone = new LinkedHashMap<>();
        for (TraceNode n : checked) {
            byZone.computeIfAbsent(n.zone(), z -> new ArrayList<>()).add(verdicts.get(n));
        }
        List<ZoneSummary> chain = new ArrayList<>();
        byZone.forEach((zone, list) -> {
            DnssecStatus status = worst(list);
            List<NodeDnssec> same = list.stream().filter(v -> v.status() == status).toList();
            String reason = same.get(0).reason();
            if (reason != null && same.size() < list.size()) {
                reason += " (" + same.size() + " of " + list.size() + " servers)";
            }
            Set<KeyInfo> keys = new LinkedHashSet<>();
            list.forEach(v -> keys.addAll(v.keys()));
            chain.add(new ZoneSummary(zone, status, reason, new ArrayList<>(keys), list.size()));
        });
        return chain;
    }

    private static DnssecStatus worst(List<NodeDnssec> list) {
        for (DnssecStatus s : List.of(DnssecStatus.BOGUS, DnssecStatus.INDETERMINATE, DnssecStatus.INSECURE)) {
            if (list.stream().anyMatch(v -> v.status() == s)) {
                return s;
            }
        }
        return DnssecStatus.SECURE;
    }
}
