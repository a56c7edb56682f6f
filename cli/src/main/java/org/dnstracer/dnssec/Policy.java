package org.dnstracer.dnssec;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.dnstracer.model.Names;
import org.xbill.DNS.CDNSKEYRecord;
import org.xbill.DNS.CDSRecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSEC3PARAMRecord;
import org.xbill.DNS.NSEC3Record;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * DNSSEC policy: what validates today but the RFCs (8624, 9905, 9276, 7344, 8078) or DNS Flag Day 2020 advise
 * against. Each check is a pure function of data one server served; none changes a verdict (the validator decides
 * those), each gives at most one note per kind, with the key tags or values at fault.
 */
final class Policy {
    /**
     * Signatures expiring within 12 hours, Zonemaster DNSSEC04's bound (REMAINING_SHORT): signers re-sign well before
     * (BIND when 7.5 of 30 days are left, Knot about a tenth of the lifetime plus the zone's TTLs before, online
     * signers at every answer), so a healthy zone never gets this close, while a longer bound (a week) would warn on
     * Knot's and online signers' healthy zones.
     */
    static final Duration EXPIRY_WARNING = Duration.ofHours(12);
    /** DNS Flag Day 2020's EDNS buffer size: a larger reply is truncated over UDP to resolvers that follow it. */
    static final int REPLY_OCTETS = 1232;

    /** One policy fault, without the server (the validator adds the server that served the data). */
    record Note(DnssecSeverity severity, DnssecProblemCode code, String message) {}

    private Policy() {}

    /**
     * RFC 8624 §3.1: MUST NOT sign with RSAMD5, DSA, DSA-NSEC3-SHA1, ECC-GOST; validators MUST NOT validate the first
     * three (GOST: MAY), so signing with them protects nothing.
     */
    private static final Map<Integer, String> PROHIBITED = Map.of(DNSSEC.Algorithm.RSAMD5, "RSAMD5",
            DNSSEC.Algorithm.DSA, "DSA", DNSSEC.Algorithm.DSA_NSEC3_SHA1, "DSA-NSEC3-SHA1",
            DNSSEC.Algorithm.ECC_GOST, "ECC-GOST");
    /**
     * RFC 9905 (updating RFC 8624's NOT RECOMMENDED): MUST NOT sign with RSASHA1 or RSASHA1-NSEC3-SHA1; validators
     * may still accept them, but some (RHEL 9's default crypto policy) already treat them as insecure.
     */
    private static final Map<Integer, String> DEPRECATED = Map.of(DNSSEC.Algorithm.RSASHA1, "RSASHA1",
            DNSSEC.Algorithm.RSA_NSEC3_SHA1, "RSASHA1-NSEC3-SHA1");

    /** The algorithms of a DS set (as a parent serves it) or a DNSKEY set (as the zone's server does). */
    static List<Note> algorithms(String what, Name zone, List<? extends Record> records) {
        Map<Integer, List<Integer>> tags = new TreeMap<>();
        for (Record r : records) {
            int algorithm = r instanceof DSRecord ds ? ds.getAlgorithm() : ((DNSKEYRecord) r).getAlgorithm();
            int tag = r instanceof DSRecord ds ? ds.getFootprint() : ((DNSKEYRecord) r).getFootprint();
            tags.computeIfAbsent(algorithm, a -> new ArrayList<>()).add(tag);
        }
        List<Note> out = new ArrayList<>();
        tags.forEach((algorithm, list) -> {
            String listed = what + " of " + Names.display(zone) + " with algorithm ";
            String keys = " (key tag " + list.stream().distinct().sorted().map(String::valueOf)
                    .collect(Collectors.joining(", ")) + ")";
            if (PROHIBITED.containsKey(algorithm)) {
                out.add(new Note(DnssecSeverity.ERROR, DnssecProblemCode.DNSSEC_ALGORITHM_PROHIBITED, listed
                        + PROHIBITED.get(algorithm) + keys + ": RFC 8624 forbids signing with it and validators "
                        + "ignore it, so it protects nothing"));
            } else if (DEPRECATED.containsKey(algorithm)) {
                out.add(new Note(DnssecSeverity.WARNING, DnssecProblemCode.DNSSEC_ALGORITHM_DEPRECATED, listed
                        + DEPRECATED.get(algorithm) + keys + ": RFC 9905 forbids signing with SHA-1 algorithms and "
                        + "some validators treat them as insecure"));
            }
        });
        return out;
    }

    /** RFC 8624 §3.3: MUST NOT publish a DS with SHA-1 (1) or GOST R 34.11-94 (3). */
    static List<Note> digests(Name child, List<DSRecord> ds) {
        Map<String, List<Integer>> tags = new TreeMap<>();
        for (DSRecord d : ds) {
            String name = d.getDigestID() == DSRecord.SHA1_DIGEST_ID ? "SHA-1"
                    : d.getDigestID() == DSRecord.GOST3411_DIGEST_ID ? "GOST R 34.11-94" : null;
            if (name != null) {
                tags.computeIfAbsent(name, n -> new ArrayList<>()).add(d.getFootprint());
            }
        }
        List<Note> out = new ArrayList<>();
        tags.forEach((name, list) -> out.add(new Note(DnssecSeverity.WARNING,
                DnssecProblemCode.DNSSEC_DS_DIGEST_DEPRECATED, "DS of " + Names.display(child) + " with digest type "
                        + name + " (key tag " + list.stream().distinct().sorted().map(String::valueOf)
                        .collect(Collectors.joining(", ")) + "): RFC 8624 forbids publishing it; SHA-256 is the one "
                        + "to use")));
        return out;
    }

    /**
     * RFC 9276 §3.1: NSEC3 with 0 extra iterations and no salt. Iterations above {@link Nsec3Hashes#MAX_ITERATIONS}
     * are the validator's business (insecure), not repeated here.
     */
    static List<Note> nsec3(Name zone, Message reply) {
        int iterations = 0;
        String salt = null;
        for (int section : new int[] {Section.ANSWER, Section.AUTHORITY}) {
            for (Record r : reply.getSection(section)) {
                if (!r.getName().subdomain(zone)) {
                    continue;
                }
                byte[] s;
                int i;
                if (r instanceof NSEC3Record n) {
                    s = n.getSalt();
                    i = n.getIterations();
                } else if (r instanceof NSEC3PARAMRecord p) {
                    s = p.getSalt();
                    i = p.getIterations();
                } else {
                    continue;
                }
                iterations = Math.max(iterations, i);
                // dnsjava keeps an empty salt ("-") as null, from text, wire and constructor alike
                if (s != null && salt == null) {
                    salt = org.xbill.DNS.utils.base16.toString(s);
                }
            }
        }
        List<Note> out = new ArrayList<>();
        if (iterations > 0 && iterations <= Nsec3Hashes.MAX_ITERATIONS) {
            out.add(new Note(DnssecSeverity.WARNING, DnssecProblemCode.DNSSEC_NSEC3_ITERATIONS_NONZERO, "NSEC3 of "
                    + Names.display(zone) + " with " + iterations + " extra iterations: RFC 9276 says 0 (they cost "
                    + "every resolver work and protect nothing; validators may treat the zone as insecure)"));
        }
        if (salt != null) {
            out.add(new Note(DnssecSeverity.NOTICE, DnssecProblemCode.DNSSEC_NSEC3_SALT, "NSEC3 of "
                    + Names.display(zone) + " with salt " + salt + ": RFC 9276 says no salt (it protects nothing)"));
        }
        return out;
    }

    /**
     * RFC 7344 §4.1, RFC 8078: a CDS or CDNSKEY at the apex names a key of the zone's DNSKEY RRset; a parent acting on
     * one that does not would publish a DS that breaks the chain. The delete request (algorithm 0, RFC 8078 §4) is
     * not a key.
     */
    static List<Note> cds(Name zone, Message reply, RRset dnskeys) {
        List<DNSKEYRecord> keys = dnskeys.rrs(false).stream().map(DNSKEYRecord.class::cast).toList();
        List<String> unmatched = new ArrayList<>();
        for (Record r : reply.getSection(Section.ANSWER)) {
            if (!r.getName().equals(zone)) {
                continue;
            }
            if (r instanceof CDSRecord cds && cds.getAlgorithm() != 0
                    && keys.stream().noneMatch(k -> digestMatches(cds, k))) {
                unmatched.add("CDS with key tag " + cds.getFootprint());
            } else if (r instanceof CDNSKEYRecord cdnskey && cdnskey.getAlgorithm() != 0
                    && keys.stream().noneMatch(k -> Arrays.equals(k.getKey(), cdnskey.getKey())
                            && k.getAlgorithm() == cdnskey.getAlgorithm())) {
                unmatched.add("CDNSKEY with key tag " + cdnskey.getFootprint());
            }
        }
        if (unmatched.isEmpty()) {
            return List.of();
        }
        return List.of(new Note(DnssecSeverity.WARNING, DnssecProblemCode.DNSSEC_CDS_NO_MATCHING_DNSKEY,
                String.join(", ", unmatched) + " of " + Names.display(zone) + " " + (unmatched.size() == 1 ? "matches" : "match")
                        + " no DNSKEY of the zone: a parent acting on it (RFC 7344, 8078) would break the chain"));
    }

    private static boolean digestMatches(CDSRecord cds, DNSKEYRecord key) {
        if (cds.getFootprint() != key.getFootprint() || cds.getAlgorithm() != key.getAlgorithm()) {
            return false;
        }
        try {
            DSRecord computed = new DSRecord(key.getName(), DClass.IN, 0, cds.getDigestID(), key);
            return Arrays.equals(computed.getDigest(), cds.getDigest());
        } catch (IllegalArgumentException | IllegalStateException e) {
            // a digest type dnsjava does not know (IllegalArgumentException) or knows but cannot compute (GOST,
            // SM3: IllegalStateException): cannot be shown to match
            return false;
        }
    }

    /**
     * The earliest-expiring signature by the zone among the RRsets that is still valid at {@code at} but expires
     * within {@link #EXPIRY_WARNING}. Expired ones are the validator's (DNSSEC_RRSIG_EXPIRED).
     */
    static List<Note> expiry(Name zone, List<RRset> sets, Instant at) {
        RRSIGRecord soonest = null;
        Name owner = null;
        for (RRset set : sets) {
            for (RRSIGRecord sig : set.sigs()) {
                if (!sig.getSigner().equals(zone) || !sig.getExpire().isAfter(at)
                        || !sig.getExpire().isBefore(at.plus(EXPIRY_WARNING))) {
                    continue;
                }
                if (soonest == null || sig.getExpire().isBefore(soonest.getExpire())) {
                    soonest = sig;
                    owner = set.getName();
                }
            }
        }
        if (soonest == null) {
            return List.of();
        }
        long hours = Duration.between(at, soonest.getExpire()).toHours();
        // under EXPIRY_WARNING (12 hours), so always counted in hours
        String left = hours == 1 ? "1 hour" : hours + " hours";
        return List.of(new Note(DnssecSeverity.WARNING, DnssecProblemCode.DNSSEC_RRSIG_EXPIRES_SOON, "RRSIG "
                + Names.display(owner) + " " + Type.string(soonest.getTypeCovered()) + " by key "
                + soonest.getFootprint() + " expires " + Signatures.date(soonest.getExpire()) + ", in " + left
                + " (under " + EXPIRY_WARNING.toHours() + " hours: the signer seems to have stopped re-signing)"));
    }

    /** DNS Flag Day 2020: replies above 1232 octets are truncated over UDP (or fragment, and get lost). */
    static List<Note> size(Name zone, byte[] octets) {
        if (octets == null || octets.length <= REPLY_OCTETS) {
            return List.of();
        }
        // a notice: the reply still arrives over TCP (the --check probes test that), and RSA keys during a rollover,
        // the root's among them, go over 1232 octets on healthy zones
        return List.of(new Note(DnssecSeverity.NOTICE, DnssecProblemCode.DNSSEC_DNSKEY_REPLY_LARGE, "the DNSKEY reply "
                + "for " + Names.display(zone) + " is " + octets.length + " octets, over the " + REPLY_OCTETS
                + " of DNS Flag Day 2020: resolvers get it truncated over UDP and need TCP (or lose fragments)"));
    }
}
