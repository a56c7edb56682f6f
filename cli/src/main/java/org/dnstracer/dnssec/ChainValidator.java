package org.dnstracer.dnssec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
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
import org.dnstracer.trace.CnameChain;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.DNAMERecord;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
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
    private final Nsec3Hashes hashes = new Nsec3Hashes();
    private final CheckBudget budget;
    /** By start zone no anchor covers: what its parent's servers said of its DS, traced from the root hints. */
    private final Map<Name, Trust> above = new LinkedHashMap<>();
    /** By start zone: the chain of the zones above it, to be shown before the zones of the trace. */
    private final Map<Name, List<ZoneSummary>> aboveChains = new LinkedHashMap<>();

    private ChainValidator(FetchedKeys fetched, TrustAnchors anchors, Instant at, CheckBudget budget) {
        this.fetched = fetched;
        this.anchors = anchors;
        this.at = at;
        this.budget = budget;
    }

    public static DnssecReport validate(Trace trace, FetchedKeys fetched, TrustAnchors anchors, Instant at) {
        return validate(trace, fetched, anchors, at, CheckBudget.PER_VALIDATION);
    }

    /** As {@link #validate(Trace, FetchedKeys, TrustAnchors, Instant)} with another bound on signature checks. */
    static DnssecReport validate(Trace trace, FetchedKeys fetched, TrustAnchors anchors, Instant at, int checks) {
        ChainValidator v = new ChainValidator(fetched, anchors, at, new CheckBudget(checks));
        fetched.above().forEach(v::validateAbove);
        List<List<ZoneSummary>> chains = new ArrayList<>();
        for (Section s : trace.sections()) {
            List<TraceNode> checked = new ArrayList<>();
            v.visit(s.root(), null, s.question(), checked);
            List<ZoneSummary> chain = v.summarize(checked);
            List<ZoneSummary> upper = chain.isEmpty() ? List.of() : v.aboveChains.getOrDefault(chain.get(0).zone(), List.of());
            List<ZoneSummary> whole = new ArrayList<>(upper);
            whole.addAll(chain);
            chains.add(whole);
        }
        return new DnssecReport(at, anchors, v.verdicts, chains, new ArrayList<>(v.problems), fetched.queries());
    }

    /**
     * Validates the trace of a start zone's DS from the root hints exactly as a trace from {@code -s .}, and keeps
     * what its parent's servers hand down: their DS when one of them said it securely (the others' faults are
     * problems of the run all the same), else the worst they said. The lines of that trace are not the run's, so
     * only their problems and their zones' summaries are kept.
     */
    private void validateAbove(Name zone, Trace upper) {
        ChainValidator v = new ChainValidator(fetched, anchors, at, budget);
        List<Trust> said = new ArrayList<>();
        List<TraceNode> all = new ArrayList<>();
        for (Section s : upper.sections()) {
            List<TraceNode> checked = new ArrayList<>();
            v.visit(s.root(), null, s.question(), checked);
            all.addAll(checked);
            for (TraceNode n : checked) {
                NodeDnssec verdict = v.verdicts.get(n);
                if (n.status().isAuthoritative() && verdict != null) {
                    said.add(handedDown(zone, n, verdict));
                }
            }
        }
        // an anchor below the root (--trust-anchor for a TLD): the lines above it have none, and need none
        v.problems.stream().filter(p -> p.code() != DnssecProblemCode.DNSSEC_NO_TRUST_ANCHOR).forEach(problems::add);
        aboveChains.put(zone, v.summarize(all).stream().filter(z -> !z.zone().equals(zone)).toList());
        for (DnssecStatus status : List.of(DnssecStatus.SECURE, DnssecStatus.INSECURE, DnssecStatus.BOGUS,
                DnssecStatus.INDETERMINATE)) {
            said.stream().filter(t -> t.status() == status).findFirst().ifPresent(t -> above.putIfAbsent(zone, t));
        }
    }

    /** What a parent's server that answered the DS question hands down to the start zone. */
    private static Trust handedDown(Name zone, TraceNode node, NodeDnssec verdict) {
        if (verdict.status() == DnssecStatus.SECURE) {
            RRset ds = rrset(node.exchange().reply(), org.xbill.DNS.Section.ANSWER, zone, Type.DS);
            if (ds != null) {
                return Trust.secure(ds.rrs(false).stream().map(DSRecord.class::cast).toList());
            }
            return Trust.not(DnssecStatus.INSECURE, "no DS for " + Names.display(zone) + " (denial from "
                    + Names.display(verdict.zone()) + ")");
        }
        if (verdict.status() == DnssecStatus.BOGUS) {
            String reason = verdict.reason();
            return Trust.not(DnssecStatus.BOGUS, reason != null && reason.startsWith("chain of trust broken at ")
                    ? reason : "chain of trust broken at " + Names.display(verdict.zone()));
        }
        return Trust.not(verdict.status(), verdict.reason());
    }

    /** Lines whose data is checked: a reply from a server delegated a zone that referred or answered for it. */
    static boolean checkable(TraceNode node) {
        if (node.address() == null || node.exchange() == null || !node.exchange().answered()) {
            return false;
        }
        return (node.status() == Status.REFERRAL || node.status().isAuthoritative()) && zoneOf(node) != null;
    }

    /**
     * The zone a line's data is checked in: the zone the server was delegated; for a start server given by address
     * or name (no zone expected), the zone that signed its reply, learned from the signer of its RRSIGs (the DS or
     * NSEC/NSEC3 of a referral, which the parent signs; the records of an answer). Believing the signer name costs
     * nothing: it only picks the anchor or DS the data must then validate against, so validation starts from the
     * anchor as with {@code -s .}.
     */
    static Name zoneOf(TraceNode node) {
        if (node.zone() != null) {
            return node.zone();
        }
        if (node.exchange() == null || !node.exchange().answered()) {
            return null;
        }
        Message reply = node.exchange().reply();
        Name referred = node.status() == Status.REFERRAL ? node.verdict().referralZone() : null;
        Name question = reply.getQuestion() == null ? null : reply.getQuestion().getName();
        for (int section : new int[] {org.xbill.DNS.Section.AUTHORITY, org.xbill.DNS.Section.ANSWER}) {
            for (Record r : reply.getSection(section)) {
                if (!(r instanceof RRSIGRecord sig) || !r.getName().subdomain(sig.getSigner())) {
                    continue;
                }
                Name signer = sig.getSigner();
                boolean fits = referred != null ? referred.subdomain(signer) && !referred.equals(signer)
                        : question != null && question.subdomain(signer);
                if (fits) {
                    return signer;
                }
            }
        }
        return null;
    }

    private void visit(TraceNode node, Trust fromParent, Question question, List<TraceNode> checked) {
        Trust down = null;
        if (checkable(node)) {
            Name zone = zoneOf(node);
            down = check(node, zone, trustFor(zone, fromParent), question);
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
        Trust traced = above.get(zone);
        if (traced != null) {
            return traced;
        }
        problems.add(new DnssecProblem(DnssecProblemCode.DNSSEC_NO_TRUST_ANCHOR, DnssecSeverity.WARNING, zone, null,
                null, "no trust anchor covers " + Names.display(zone) + " (start at the root, or use --trust-anchor)"));
        return Trust.not(DnssecStatus.INDETERMINATE, "no trust anchor");
    }

    /** Records the line's verdict and returns what it hands down to the lines below it. */
    private Trust check(TraceNode node, Name zone, Trust trust, Question question) {
        if (trust.status() != DnssecStatus.SECURE) {
            verdict(node, zone, trust.status(), trust.reason(), List.of());
            return trust;
        }
        Trust broken = Trust.not(DnssecStatus.BOGUS, "chain of trust broken at " + Names.display(zone));
        if (!askedWithDo(node.exchange())) {
            // the EDNS queries went unanswered and only the plain one got a reply (EDNS fallback): without DO the
            // reply cannot hold RRSIGs or proofs, so their absence says nothing about the server
            problem(node, zone, DnssecSeverity.WARNING, DnssecProblemCode.DNSSEC_INCOMPLETE_REPLY,
                    "the reply came only to a query without EDNS (no DO bit), so it could not carry signatures");
            verdict(node, zone, DnssecStatus.INDETERMINATE, "reply only without EDNS (no DO bit)", List.of());
            return Trust.not(DnssecStatus.INDETERMINATE, "reply without DO at " + Names.display(zone));
        }
        if (node.exchange().reply().getHeader().getFlag(Flags.TC)) {
            // what did not fit may be the very RRSIG or NSEC a verdict would miss (TCP gave no more)
            problem(node, zone, DnssecSeverity.WARNING, DnssecProblemCode.DNSSEC_INCOMPLETE_REPLY,
                    "the reply was truncated (TC=1) and TCP gave no more, so signatures or proofs may be missing");
            verdict(node, zone, DnssecStatus.INDETERMINATE, "truncated reply (TC=1)", List.of());
            return Trust.not(DnssecStatus.INDETERMINATE, "truncated reply at " + Names.display(zone));
        }
        Exchange keyExchange = fetched.of(new ServerZone(node.address(), zone));
        if (keyExchange == null || !keyExchange.answered()) {
            return unavailable(node, zone, "the DNSKEY query for " + Names.display(zone) + " got no reply",
                    "no DNSKEY reply");
        }
        if (!askedWithDo(keyExchange)) {
            // the EDNS queries timed out and only the plain one got a reply (EDNS fallback): a server answers
            // without signatures then, so judging it would call a loaded but healthy server bogus
            return unavailable(node, zone, "the DNSKEY query for " + Names.display(zone)
                    + " got a reply only without EDNS (no DO bit)", "DNSKEY reply only without DO");
        }
        Message keyReply = keyExchange.reply();
        String unusable = unusableKeyReply(keyReply, zone);
        if (unusable != null) {
            return unavailable(node, zone, "the DNSKEY query for " + Names.display(zone) + " got " + unusable,
                    "DNSKEY query got " + unusable);
        }
        RRset dnskeys = rrset(keyReply, org.xbill.DNS.Section.ANSWER, zone, Type.DNSKEY);
        if (dnskeys == null) {
            return bogus(node, zone, new Failure(DnssecProblemCode.DNSSEC_NO_DNSKEY,
                    "no DNSKEY for " + Names.display(zone)), broken);
        }
        Message reply = node.exchange().reply();
        policy(node, zone, Policy.algorithms("DNSKEY", zone, dnskeys.rrs(false)));
        policy(node, zone, Policy.size(zone, keyExchange.replyOctets()));
        policy(node, zone, Policy.nsec3(zone, reply));
        policy(node, zone, Policy.cds(zone, reply, dnskeys));
        policy(node, zone, Policy.expiry(zone, signedSets(dnskeys, reply), at));
        List<DSRecord> usable = strongest(trust.ds().stream()
                .filter(ds -> ALGORITHMS.contains(ds.getAlgorithm()) && DIGESTS.contains(ds.getDigestID())).toList());
        if (usable.isEmpty()) {
            boolean knownAlgorithm = trust.ds().stream().anyMatch(ds -> ALGORITHMS.contains(ds.getAlgorithm()));
            String names = trust.ds().stream()
                    .map(ds -> knownAlgorithm ? Integer.toString(ds.getDigestID()) : KeyInfo.algorithmNameOf(ds.getAlgorithm()))
                    .distinct().collect(Collectors.joining(", "));
            String what = knownAlgorithm ? "DS digest type" : "algorithm";
            String reason = "unsupported " + what + " " + names;
            problem(node, zone, DnssecSeverity.WARNING, DnssecProblemCode.DNSSEC_UNSUPPORTED_ALGORITHM,
                    "the DS of " + Names.display(zone) + " names only " + (knownAlgorithm ? "digest types" : "algorithms")
                            + " this validator does not support (" + names + "): treated as insecure (RFC 4035 5.2)");
            verdict(node, zone, DnssecStatus.INSECURE, reason, List.of());
            return Trust.not(DnssecStatus.INSECURE, reason + " at " + Names.display(zone));
        }
        List<DNSKEYRecord> matched = new ArrayList<>();
        List<DNSKEYRecord> unfit = new ArrayList<>();
        List<DNSKEYRecord> zoneKeys = new ArrayList<>();
        for (Record r : dnskeys.rrs(false)) {
            DNSKEYRecord key = (DNSKEYRecord) r;
            if (usableKey(key)) {
                zoneKeys.add(key);
            }
            if (usable.stream().anyMatch(ds -> matches(ds, key))) {
                (usableKey(key) ? matched : unfit).add(key);
            }
        }
        if (matched.isEmpty()) {
            if (!unfit.isEmpty()) {
                DNSKEYRecord key = unfit.get(0);
                String why = (key.getFlags() & DNSKEYRecord.Flags.REVOKE) != 0 ? "is revoked (REVOKE bit)"
                        : "lacks the ZONE flag";
                return bogus(node, zone, new Failure(DnssecProblemCode.DNSSEC_DS_NO_MATCHING_DNSKEY,
                        "the DNSKEY matching the DS (key tag " + key.getFootprint() + ") " + why), broken);
            }
            String tags = usable.stream().map(ds -> Integer.toString(ds.getFootprint())).distinct()
                    .collect(Collectors.joining(", "));
            // the anchors shipped for the Internet's root, met by another root (a lab, a private --root-hints):
            // not a broken root but a missing option, which the user is told
            // (the built-in anchors are the root's only, so this is the root matched against them)
            String hint = anchors.builtInIana() && !anchors.forZone(zone).isEmpty()
                    ? ": the built-in IANA trust anchors do not match this root's keys: give --trust-anchor" : "";
            return bogus(node, zone, new Failure(DnssecProblemCode.DNSSEC_DS_NO_MATCHING_DNSKEY,
                    "no DNSKEY matches the DS (key tag " + tags + ")" + hint), broken);
        }
        Signatures.Verified keySet = Signatures.verify(dnskeys, matched, zone, at, budget);
        if (keySet.failure() != null) {
            return bogus(node, zone, keySet.failure(), broken);
        }
        dsKeysNotSigning(node, zone, usable, dnskeys, keySet.sig());
        List<KeyInfo> keys = matched.stream().map(KeyInfo::of).toList();
        if (node.status() == Status.REFERRAL) {
            return referral(node, zone, reply, zoneKeys, keys, broken);
        }
        Failure data = data(node.status(), reply, zone, zoneKeys, question);
        if (data != null) {
            bogus(node, zone, data, broken);
        } else {
            verdict(node, zone, DnssecStatus.SECURE, null, keys);
        }
        // nothing to hand down: an authoritative line has no lines below it (the tracer descends only from
        // referrals and from a start resolver's non-authoritative replies, which are not checked)
        return null;
    }

    /**
     * Each DS a validator uses whose key does not sign the DNSKEY RRset, once another DS's key has: the zone
     * validates, but only through the other DS (a pre-published DS, or a key that stopped signing). Said per key tag.
     */
    private void dsKeysNotSigning(TraceNode node, Name zone, List<DSRecord> usable, RRset dnskeys, RRSIGRecord signed) {
        Set<KeyInfo> seen = new LinkedHashSet<>();
        // the key whose signature already verified is not checked twice (nor is the trace's budget spent on it)
        seen.add(new KeyInfo(signed.getFootprint(), signed.getAlgorithm()));
        for (DSRecord ds : usable) {
            if (!seen.add(new KeyInfo(ds.getFootprint(), ds.getAlgorithm()))) {
                continue;
            }
            List<DNSKEYRecord> keys = dnskeys.rrs(false).stream().map(DNSKEYRecord.class::cast)
                    .filter(k -> matches(ds, k)).toList();
            String what = "the DS with key tag " + ds.getFootprint() + " (" + KeyInfo.algorithmNameOf(ds.getAlgorithm())
                    + ")";
            String why;
            // a DS ahead of its key, or for a standby key, is how RFC 7583's double-DS rollover and emergency
            // keys work: a notice; a key that signs and fails is a fault
            DnssecSeverity severity = DnssecSeverity.NOTICE;
            if (keys.isEmpty()) {
                why = " matches no DNSKEY of " + Names.display(zone) + ", so no key of it signs the DNSKEY RRset";
            } else if (dnskeys.sigs().stream().noneMatch(sig -> sig.getFootprint() == ds.getFootprint()
                    && sig.getAlgorithm() == ds.getAlgorithm())) {
                why = " names DNSKEY " + ds.getFootprint() + ", which does not sign the DNSKEY RRset";
            } else {
                severity = DnssecSeverity.WARNING;
                Failure f = Signatures.check(dnskeys, keys, zone, at, budget);
                if (f == null || f.undecided()) {
                    continue;
                }
                why = " names DNSKEY " + ds.getFootprint() + ", whose signature of the DNSKEY RRset fails ("
                        + f.message() + ")";
            }
            problem(node, zone, severity, DnssecProblemCode.DNSSEC_DS_KEY_NOT_SIGNING, what + why
                    + "; the zone validates only through another DS");
        }
    }

    /**
     * The signed data this line met: the DNSKEY RRset and the reply's answer and authority RRsets. Not filtered by
     * owner: {@link Policy#expiry} counts only signatures whose signer is the zone.
     */
    private static List<RRset> signedSets(RRset dnskeys, Message reply) {
        List<RRset> sets = new ArrayList<>();
        sets.add(dnskeys);
        sets.addAll(reply.getSectionRRsets(org.xbill.DNS.Section.ANSWER));
        sets.addAll(reply.getSectionRRsets(org.xbill.DNS.Section.AUTHORITY));
        return sets;
    }

    private void policy(TraceNode node, Name zone, List<Policy.Note> notes) {
        notes.forEach(n -> problem(node, zone, n.severity(), n.code(), n.message()));
    }

    /** A DNSKEY query that could not give the key set: the zone is undecided at this server, not bogus. */
    private Trust unavailable(TraceNode node, Name zone, String message, String reason) {
        problem(node, zone, DnssecSeverity.WARNING, DnssecProblemCode.DNSSEC_DNSKEY_UNAVAILABLE, message);
        verdict(node, zone, DnssecStatus.INDETERMINATE, reason, List.of());
        return Trust.not(DnssecStatus.INDETERMINATE, "DNSKEY of " + Names.display(zone) + " unavailable");
    }

    /**
     * Why a DNSKEY reply is no answer at all (an error code, truncated after TCP failed, a non-authoritative reply
     * without the keys), or null when it is the server's word on the key set. Only an authoritative NOERROR without
     * DNSKEY says the zone has none.
     */
    static String unusableKeyReply(Message reply, Name zone) {
        int rcode = reply.getRcode();
        if (rcode != Rcode.NOERROR) {
            return Rcode.string(rcode);
        }
        if (reply.getHeader().getFlag(Flags.TC)) {
            return "a truncated reply (TC=1)";
        }
        if (!reply.getHeader().getFlag(Flags.AA) && rrset(reply, org.xbill.DNS.Section.ANSWER, zone, Type.DNSKEY) == null) {
            return "a reply without the keys that is not authoritative";
        }
        return null;
    }

    /** A key that may vouch for data: the ZONE flag set and not revoked (RFC 4034 §2.1.1, RFC 5011 §7). */
    private static boolean usableKey(DNSKEYRecord key) {
        return (key.getFlags() & DNSKEYRecord.Flags.ZONE_KEY) != 0 && (key.getFlags() & DNSKEYRecord.Flags.REVOKE) == 0;
    }

    /**
     * The DS set without its SHA-1 digests when it also has a stronger one (SHA-256 or SHA-384): RFC 4509 §3 says
     * to ignore SHA-1 DS then, so a SHA-1 DS cannot stand in for the stronger one. Over the whole (supported) DS
     * set, as BIND's and Unbound's validators (and so delv) do, not key by key.
     */
    static List<DSRecord> strongest(List<DSRecord> ds) {
        boolean stronger = ds.stream().anyMatch(d -> d.getDigestID() != DSRecord.SHA1_DIGEST_ID);
        return stronger ? ds.stream().filter(d -> d.getDigestID() != DSRecord.SHA1_DIGEST_ID).toList() : ds;
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

    private Trust referral(TraceNode node, Name zone, Message reply, List<DNSKEYRecord> zoneKeys, List<KeyInfo> keys,
            Trust broken) {
        Name child = node.verdict().referralZone();
        RRset ds = rrset(reply, org.xbill.DNS.Section.AUTHORITY, child, Type.DS);
        if (ds != null) {
            List<DSRecord> dsList = ds.rrs(false).stream().map(DSRecord.class::cast).toList();
            policy(node, child, Policy.algorithms("DS", child, dsList));
            policy(node, child, Policy.digests(child, dsList));
            Failure f = Signatures.check(ds, zoneKeys, zone, at, budget);
            if (f != null) {
                return bogus(node, zone, f, broken);
            }
            verdict(node, zone, DnssecStatus.SECURE, null, keys);
            return Trust.secure(dsList);
        }
        List<RRset> proofs = proofs(reply, zone);
        Failure f = verifiedProofs(proofs, zone, zoneKeys);
        if (f != null) {
            return bogus(node, zone, f, broken);
        }
        DenialProofs denial = new DenialProofs(proofs, zone, hashes);
        String proof = denial.noDsProof(child);
        if (proof == null) {
            return bogus(node, zone, new Failure(DnssecProblemCode.DNSSEC_MISSING_DENIAL, "referral to "
                    + Names.display(child) + " has neither a DS nor a proof that there is none"), broken);
        }
        verdict(node, zone, DnssecStatus.SECURE, null, keys);
        return Trust.not(DnssecStatus.INSECURE,
                "no DS for " + Names.display(child) + " (" + proof + " proof from " + Names.display(zone) + ")");
    }

    /**
     * The data of an authoritative reply: every RRset of the answer from inside the zone signed (a CNAME a DNAME
     * synthesized excepted, RFC 6672 §5.3.1), a wildcard expansion with the proof that the exact name does not
     * exist (RFC 4035 §5.3.4, RFC 5155 §8.8), and a denial for the last name of the CNAME chain (RFC 6604): NXDOMAIN
     * or NODATA for it when it lies in the zone; when it lies outside, the section traced for it checks that.
     */
    private Failure data(Status status, Message reply, Name zone, List<DNSKEYRecord> zoneKeys, Question question) {
        List<RRset> answer = reply.getSectionRRsets(org.xbill.DNS.Section.ANSWER).stream()
                .filter(s -> s.getName().subdomain(zone)).toList();
        List<RRset> proofs = proofs(reply, zone);
        boolean proofsChecked = false;
        DenialProofs denial = new DenialProofs(proofs, zone, hashes);
        Failure optedOut = null;
        for (RRset set : answer) {
            if (set.getType() == Type.CNAME && synthesized(set, answer)) {
                continue;
            }
            Signatures.Verified v = Signatures.verify(set, zoneKeys, zone, at, budget);
            if (v.failure() != null) {
                return v.failure();
            }
            if (!expansion(v.sig(), set.getName())) {
                continue;
            }
            String expansion = "wildcard answer " + Names.display(set.getName()) + " " + Type.string(set.getType());
            if (!proofsChecked) {
                Failure f = verifiedProofs(proofs, zone, zoneKeys);
                if (f != null && f.code() == DnssecProblemCode.DNSSEC_NSEC3_ITERATIONS) {
                    // RFC 9276 §3.2 lets a validator fail what it cannot prove; BIND (delv) does for an expansion
                    return new Failure(DnssecProblemCode.DNSSEC_MISSING_DENIAL, expansion
                            + " whose only proof that the name itself does not exist is " + f.message());
                }
                if (f != null) {
                    return f;
                }
                proofsChecked = true;
            }
            if (!denial.noExactMatch(set.getName(), v.sig().getLabels())) {
                return new Failure(DnssecProblemCode.DNSSEC_MISSING_DENIAL, expansion
                        + " without the NSEC/NSEC3 proof that the name itself does not exist");
            }
            if (optedOut == null && denial.wildcardProofOptedOut(set.getName(), v.sig().getLabels())) {
                optedOut = Failure.insecureByProof(expansion
                        + " proven only by an opt-out NSEC3 (an unsigned delegation may be there, RFC 5155 9.2)");
            }
        }
        Name last = lastName(reply, question, zone);
        boolean nx = status == Status.AUTHORITATIVE_NXDOMAIN;
        boolean denied = nx || status == Status.AUTHORITATIVE_NODATA
                || !last.equals(question.name())
                        && answer.stream().noneMatch(s -> s.getName().equals(last) && s.getType() == question.type())
                        && !delegated(reply, last, zone);
        if (!denied || !CnameChain.inZone(last, zone)) {
            return optedOut;
        }
        if (!proofsChecked) {
            Failure f = verifiedProofs(proofs, zone, zoneKeys);
            if (f != null) {
                return f;
            }
        }
        boolean proven = nx ? denial.nxdomain(last) : denial.noData(last, question.type());
        if (proven) {
            return optedOut;
        }
        Name cut = denial.unsignedDelegationAbove(last);
        if (cut != null) {
            return Failure.insecureByProof(Names.display(last) + " lies below the unsigned delegation "
                    + Names.display(cut) + ": the parent's denial proves nothing there (RFC 6840 4.1)");
        }
        return new Failure(DnssecProblemCode.DNSSEC_MISSING_DENIAL, "no NSEC/NSEC3 proof that "
                + Names.display(last) + (nx ? " does not exist" : " has no " + question.typeName()));
    }

    /** The proofs' signatures, then their NSEC3 iterations (above the limit: an insecure-making failure). */
    private Failure verifiedProofs(List<RRset> proofs, Name zone, List<DNSKEYRecord> zoneKeys) {
        Failure f = verifyAll(proofs, zone, zoneKeys);
        if (f != null) {
            return f;
        }
        OptionalInt excessive = new DenialProofs(proofs, zone, hashes).excessiveIterations();
        if (excessive.isEmpty()) {
            return null;
        }
        return new Failure(DnssecProblemCode.DNSSEC_NSEC3_ITERATIONS, "NSEC3 with " + excessive.getAsInt()
                + " iterations, above " + Nsec3Hashes.MAX_ITERATIONS + " (RFC 9276)");
    }

    /** The last name of the question's CNAME chain as the server's zone gives it (the question's name without one). */
    private static Name lastName(Message reply, Question question, Name zone) {
        if (question.type() == Type.CNAME || question.type() == Type.ANY) {
            return question.name();
        }
        CnameChain.Walk walk = CnameChain.walk(reply, question.name(), zone);
        return walk.loop() ? question.name() : walk.end();
    }

    /** The name lies at or below a delegation the reply's authority section names (a referral after the chain). */
    private static boolean delegated(Message reply, Name name, Name zone) {
        return reply.getSection(org.xbill.DNS.Section.AUTHORITY).stream().anyMatch(r -> r.getType() == Type.NS
                && !r.getName().equals(zone) && r.getName().subdomain(zone) && name.subdomain(r.getName()));
    }

    /**
     * The signature was made for a wildcard: its label count (which leaves out a leading "*") is below the
     * owner's (RFC 4034 §3.1.3, RFC 4035 §5.3.4).
     */
    private static boolean expansion(RRSIGRecord sig, Name owner) {
        int labels = owner.labels() - 1 - (owner.isWild() ? 1 : 0);
        return sig.getLabels() < labels;
    }

    /** A CNAME that a signed DNAME of the same answer synthesizes exactly: unsigned by design (RFC 6672 §3.4). */
    private static boolean synthesized(RRset cname, List<RRset> answer) {
        if (!cname.sigs().isEmpty() || cname.size() != 1) {
            return false;
        }
        CNAMERecord c = (CNAMERecord) cname.first();
        for (RRset set : answer) {
            if (set.getType() != Type.DNAME || set.sigs().isEmpty() || !c.getName().subdomain(set.getName())
                    || c.getName().equals(set.getName())) {
                continue;
            }
            for (Record r : set.rrs(false)) {
                try {
                    if (c.getName().fromDNAME((DNAMERecord) r).equals(c.getTarget())) {
                        return true;
                    }
                } catch (NameTooLongException e) {
                    // a DNAME whose substitution is too long synthesizes nothing
                }
            }
        }
        return false;
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
            Failure f = Signatures.check(s, zoneKeys, zone, at, budget);
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

    private Trust bogus(TraceNode node, Name zone, Failure failure, Trust broken) {
        if (failure.undecided()) {
            problem(node, zone, DnssecSeverity.WARNING, failure.code(), failure.message());
            verdict(node, zone, DnssecStatus.INDETERMINATE, failure.message(), List.of());
            return Trust.not(DnssecStatus.INDETERMINATE, failure.message());
        }
        if (failure.insecure()) {
            if (failure.code() != null) {
                problem(node, zone, DnssecSeverity.WARNING, failure.code(), failure.message());
            }
            verdict(node, zone, DnssecStatus.INSECURE, failure.message(), List.of());
            return Trust.not(DnssecStatus.INSECURE, failure.message());
        }
        problem(node, zone, DnssecSeverity.ERROR, failure.code(), failure.message());
        verdict(node, zone, DnssecStatus.BOGUS, failure.message(), List.of());
        return broken;
    }

    private void verdict(TraceNode node, Name zone, DnssecStatus status, String reason, List<KeyInfo> keys) {
        verdicts.put(node, new NodeDnssec(zone, status, reason, keys));
    }

    private void problem(TraceNode node, Name zone, DnssecSeverity severity, DnssecProblemCode code, String message) {
        problems.add(new DnssecProblem(code, severity, zone, node.server(), node.address(), message));
    }

    /** One summary per zone, in the order the zones first appear in the tree (parents before children). */
    private List<ZoneSummary> summarize(List<TraceNode> checked) {
        Map<Name, List<NodeDnssec>> byZone = new LinkedHashMap<>();
        for (TraceNode n : checked) {
            byZone.computeIfAbsent(verdicts.get(n).zone(), z -> new ArrayList<>()).add(verdicts.get(n));
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
