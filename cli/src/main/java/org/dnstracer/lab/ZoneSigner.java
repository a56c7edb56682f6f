package org.dnstracer.lab;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.NSEC3PARAMRecord;
import org.xbill.DNS.NSEC3Record;
import org.xbill.DNS.NSECRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;
import org.xbill.DNS.Zone;

/**
 * Signs one zone the way {@code dnssec-signzone} does, for the lab: every authoritative RRset gets an RRSIG, the
 * apex gets the DNSKEY, delegations to signed children get their DS, and an NSEC or NSEC3 chain covers the names.
 * Delegation NS sets and glue stay unsigned (RFC 4035 §2.2).
 */
final class ZoneSigner {
    /** Validity windows used by the lab. */
    record Window(Instant inception, Instant expiration) {}

    private final ZoneKey key;
    private final Window window;
    private final boolean nsec3;

    ZoneSigner(ZoneKey key, Window window, boolean nsec3) {
        this.key = key;
        this.window = window;
        this.nsec3 = nsec3;
    }

    /**
     * @param unsigned the zone as loaded
     * @param childDs DS records to publish at delegation points, by child zone
     */
    SignedZone sign(Zone unsigned, Map<Name, List<DSRecord>> childDs) {
        Name origin = unsigned.getOrigin();
        Map<Name, List<RRset>> byName = new LinkedHashMap<>();
        Iterator<RRset> it = unsigned.iterator();
        while (it.hasNext()) {
            RRset rrset = it.next();
            byName.computeIfAbsent(rrset.getName(), n -> new ArrayList<>()).add(rrset);
        }
        TreeSet<Name> cuts = new TreeSet<>();
        for (Map.Entry<Name, List<RRset>> e : byName.entrySet()) {
            if (!e.getKey().equals(origin) && e.getValue().stream().anyMatch(r -> r.getType() == Type.NS)) {
                cuts.add(e.getKey());
            }
        }
        long negativeTtl = unsigned.getSOA().getMinimum();
        List<Record> out = new ArrayList<>();
        // owner name -> types present there once signed, for the denial chain
        TreeMap<Name, TreeSet<Integer>> types = new TreeMap<>();
        for (Map.Entry<Name, List<RRset>> e : byName.entrySet()) {
            Name owner = e.getKey();
            boolean occluded = cuts.stream().anyMatch(c -> !owner.equals(c) && owner.subdomain(c));
            boolean cut = cuts.contains(owner);
            for (RRset rrset : e.getValue()) {
                out.addAll(rrset.rrs(false));
                if (occluded) {
                    continue;
                }
                types.computeIfAbsent(owner, n -> new TreeSet<>()).add(rrset.getType());
                if (!cut) {
                    out.add(sign(rrset));
                }
            }
            if (cut && childDs.containsKey(owner)) {
                RRset ds = new RRset();
                childDs.get(owner).forEach(ds::addRR);
                out.addAll(ds.rrs(false));
                out.add(sign(ds));
                types.get(owner).add(Type.DS);
            }
        }
        RRset dnskey = new RRset(key.dnskey());
        out.add(key.dnskey());
        out.add(sign(dnskey));
        types.get(origin).add(Type.DNSKEY);
        TreeMap<Name, RRset> nsecs = new TreeMap<>();
        TreeMap<String, RRset> nsec3s = new TreeMap<>();
        if (nsec3) {
            NSEC3PARAMRecord param = new NSEC3PARAMRecord(origin, DClass.IN, 0, NSEC3Record.SHA1_DIGEST_ID, 0, 0, null);
            out.add(param);
            out.add(sign(new RRset(param)));
            types.get(origin).add(Type.NSEC3PARAM);
            nsec3Chain(origin, types, cuts, negativeTtl, out, nsec3s);
        } else {
            nsecChain(types, negativeTtl, out, nsecs);
        }
        try {
            Zone zone = new Zone(origin, out.toArray(new Record[0]));
            return new SignedZone(zone, cuts, nsecs, nsec3s);
        } catch (IOException e) {
            throw new IllegalStateException("cannot build signed zone " + origin + ": " + e.getMessage(), e);
        }
    }

    private void nsecChain(TreeMap<Name, TreeSet<Integer>> types, long ttl, List<Record> out,
            TreeMap<Name, RRset> nsecs) {
        List<Name> names = new ArrayList<>(types.keySet());
        for (int i = 0; i < names.size(); i++) {
            Name owner = names.get(i);
            Name next = names.get((i + 1) % names.size());
            TreeSet<Integer> bitmap = new TreeSet<>(types.get(owner));
            bitmap.add(Type.NSEC);
            bitmap.add(Type.RRSIG);
            NSECRecord nsec = new NSECRecord(owner, DClass.IN, ttl, next, toArray(bitmap));
            RRset set = new RRset(nsec);
            RRSIGRecord sig = sign(set);
            set.addRR(sig);
            out.add(nsec);
            out.add(sig);
            nsecs.put(owner, set);
        }
    }

    private void nsec3Chain(Name origin, TreeMap<Name, TreeSet<Integer>> types, TreeSet<Name> cuts, long ttl,
            List<Record> out, TreeMap<String, RRset> nsec3s) {
        // empty non-terminals get NSEC3 records too (RFC 5155 §7.1)
        TreeMap<Name, TreeSet<Integer>> all = new TreeMap<>(types);
        for (Name n : types.keySet()) {
            for (Name up = parent(n); up != null && up.subdomain(origin) && !up.equals(origin); up = parent(up)) {
                all.putIfAbsent(up, new TreeSet<>());
            }
        }
        TreeMap<String, Name> byHash = new TreeMap<>();
        for (Name n : all.keySet()) {
            byHash.put(SignedZone.hash(n), n);
        }
        List<String> hashes = new ArrayList<>(byHash.keySet());
        for (int i = 0; i < hashes.size(); i++) {
            Name name = byHash.get(hashes.get(i));
            TreeSet<Integer> bitmap = new TreeSet<>(all.get(name));
            boolean insecureCut = cuts.contains(name) && !bitmap.contains(Type.DS);
            if (!bitmap.isEmpty() && !insecureCut) {
                bitmap.add(Type.RRSIG);
            }
            Name owner = SignedZone.hashedOwner(hashes.get(i), origin);
            byte[] next = SignedZone.BASE32HEX.fromString(hashes.get((i + 1) % hashes.size()));
            NSEC3Record nsec3 = new NSEC3Record(owner, DClass.IN, ttl, NSEC3Record.SHA1_DIGEST_ID, 0, 0, null, next,
                    toArray(bitmap));
            RRset set = new RRset(nsec3);
            RRSIGRecord sig = sign(set);
            set.addRR(sig);
            out.add(nsec3);
            out.add(sig);
            nsec3s.put(hashes.get(i), set);
        }
    }

    private static Name parent(Name n) {
        return n.labels() <= 1 ? null : new Name(n, 1);
    }

    private RRSIGRecord sign(RRset rrset) {
        if (!key.canSign()) {
            // an algorithm nobody implements: a well-formed RRSIG whose signature is random bytes
            byte[] junk = new byte[64];
            new SecureRandom().nextBytes(junk);
            Record first = rrset.first();
            return new RRSIGRecord(first.getName(), first.getDClass(), first.getTTL(), first.getType(),
                    key.dnskey().getAlgorithm(), first.getTTL(), window.expiration(), window.inception(),
                    key.dnskey().getFootprint(), key.dnskey().getName(), junk);
        }
        try {
            return DNSSEC.sign(rrset, key.dnskey(), key.privateKey(), window.inception(), window.expiration());
        } catch (DNSSEC.DNSSECException e) {
            throw new IllegalStateException("cannot sign " + rrset.getName() + " " + Type.string(rrset.getType()) + ": "
                    + e.getMessage(), e);
        }
    }

    private static int[] toArray(TreeSet<Integer> set) {
        return set.stream().mapToInt(Integer::intValue).toArray();
    }
}
