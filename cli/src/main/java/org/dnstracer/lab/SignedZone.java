package org.dnstracer.lab;

import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.xbill.DNS.DClass;
import org.xbill.DNS.NSEC3Record;
import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;
import org.xbill.DNS.RRset;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Zone;
import org.xbill.DNS.utils.base32;

/**
 * A zone once signed: its data with RRSIGs, DNSKEY, DS and the denial chain, and the proofs a server adds to
 * negative answers and insecure referrals (RFC 4035 §3.1.3, RFC 5155 §7.2).
 *
 * @param zone every record, RRSIGs attached to the RRsets they cover
 * @param cuts the zone's delegation points
 * @param nsecs the NSEC chain by owner (empty with NSEC3)
 * @param nsec3s the NSEC3 chain by hashed owner label (empty with NSEC)
 */
record SignedZone(Zone zone, Set<Name> cuts, NavigableMap<Name, RRset> nsecs, NavigableMap<String, RRset> nsec3s) {
    static final base32 BASE32HEX = new base32(base32.Alphabet.BASE32HEX, false, false);

    /** Hash parameters of the lab's NSEC3 chains: SHA-1, no salt, no extra iterations (RFC 9276). */
    private static final NSEC3Record HASHER = new NSEC3Record(Name.root, DClass.IN, 0, NSEC3Record.SHA1_DIGEST_ID, 0, 0,
            null, new byte[20], new int[0]);

    SignedZone {
        cuts = Set.copyOf(cuts);
        nsecs = new TreeMap<>(nsecs);
        nsec3s = new TreeMap<>(nsec3s);
    }

    Name origin() {
        return zone.getOrigin();
    }

    boolean usesNsec3() {
        return !nsec3s.isEmpty();
    }

    /** The records proving that {@code name} exists without {@code type} (NODATA, or a delegation without DS). */
    List<RRset> noDataProof(Name name) {
        List<RRset> proof = new ArrayList<>();
        if (usesNsec3()) {
            add(proof, nsec3s.get(hash(name)));
        } else {
            add(proof, nsecs.containsKey(name) ? nsecs.get(name) : covering(name));
        }
        return proof;
    }

    /** The records proving that {@code name} does not exist, wildcard included. */
    List<RRset> nxdomainProof(Name name) {
        List<RRset> proof = new ArrayList<>();
        Name encloser = closestEncloser(name);
        Name wildcard = wildcard(encloser);
        if (usesNsec3()) {
            add(proof, nsec3s.get(hash(encloser)));
            add(proof, covering3(hash(new Name(name, name.labels() - encloser.labels() - 1))));
            add(proof, covering3(hash(wildcard)));
        } else {
            add(proof, covering(name));
            add(proof, covering(wildcard));
        }
        return proof;
    }

    /** The deepest ancestor of a missing name that exists: owns records, or lies above names that do. */
    private Name closestEncloser(Name name) {
        Set<Name> existing = new TreeSet<>();
        for (Name owner : ownerNames()) {
            for (Name n = owner; !n.equals(origin()); n = new Name(n, 1)) {
                existing.add(n);
            }
        }
        for (int skip = 1; skip < name.labels() - origin().labels(); skip++) {
            Name up = new Name(name, skip);
            if (existing.contains(up)) {
                return up;
            }
        }
        return origin();
    }

    /** The zone's own owner names (for NSEC3, the chain's owners are hashes, so the zone's data is read). */
    private Set<Name> ownerNames() {
        if (!usesNsec3()) {
            return nsecs.keySet();
        }
        Set<Name> names = new TreeSet<>();
        zone.iterator().forEachRemaining(rrset -> {
            if (!isHashedOwner(rrset.getName())) {
                names.add(rrset.getName());
            }
        });
        return names;
    }

    private boolean isHashedOwner(Name n) {
        return n.labels() == origin().labels() + 1 && nsec3s.containsKey(n.getLabelString(0).toUpperCase());
    }

    private RRset covering(Name name) {
        Map.Entry<Name, RRset> e = nsecs.floorEntry(name);
        return e == null ? nsecs.lastEntry().getValue() : e.getValue();
    }

    private RRset covering3(String hash) {
        Map.Entry<String, RRset> e = nsec3s.floorEntry(hash);
        return e == null ? nsec3s.lastEntry().getValue() : e.getValue();
    }

    private static void add(List<RRset> proof, RRset rrset) {
        if (rrset != null && !proof.contains(rrset)) {
            proof.add(rrset);
        }
    }

    private static Name wildcard(Name encloser) {
        try {
            return Name.concatenate(Name.fromConstantString("*"), encloser);
        } catch (NameTooLongException e) {
            return encloser;
        }
    }

    /** The NSEC3 hash of a name as an upper-case base32hex label. */
    static String hash(Name name) {
        try {
            return BASE32HEX.toString(HASHER.hashName(name));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this Java runtime", e);
        }
    }

    static Name hashedOwner(String hash, Name origin) {
        try {
            return Name.concatenate(Name.fromString(hash), origin);
        } catch (TextParseException | NameTooLongException e) {
            throw new IllegalStateException("bad NSEC3 owner " + hash, e);
        }
    }
}
