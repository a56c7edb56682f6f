package org.dnstracer.dnssec;

import java.util.List;
import java.util.OptionalInt;
import org.xbill.DNS.NSEC3Record;
import org.xbill.DNS.NSECRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Type;

/**
 * Whether NSEC (RFC 4035 §5.4) or NSEC3 (RFC 5155 §8) records prove a denial. The records given must already have
 * been checked as signed by the zone; this class only reasons about names and type bitmaps.
 *
 * <p>An NSEC or NSEC3 at a delegation point (NS without SOA) or with the DNAME bit says nothing about the names
 * below it: the parent is not authoritative for them (RFC 6840 §4.1, RFC 5155 §8.3), so such a record is never
 * taken as the proof that a name below it does not exist.
 */
final class DenialProofs {
    private final List<NSECRecord> nsecs;
    private final List<NSEC3Record> nsec3s;
    private final Name zone;
    private final Nsec3Hashes hashes;

    DenialProofs(List<RRset> rrsets, Name zone) {
        this(rrsets, zone, new Nsec3Hashes());
    }

    DenialProofs(List<RRset> rrsets, Name zone, Nsec3Hashes hashes) {
        this.zone = zone;
        this.hashes = hashes;
        this.nsecs = rrsets.stream().filter(s -> s.getType() == Type.NSEC)
                .flatMap(s -> s.rrs(false).stream()).map(NSECRecord.class::cast).toList();
        this.nsec3s = rrsets.stream().filter(s -> s.getType() == Type.NSEC3)
                .flatMap(s -> s.rrs(false).stream()).map(NSEC3Record.class::cast)
                .filter(n -> n.getHashAlgorithm() == NSEC3Record.SHA1_DIGEST_ID).toList();
    }

    /** The kind of proof on hand, for messages: NSEC, NSEC3, or null when there is none. */
    String kind() {
        return !nsec3s.isEmpty() ? "NSEC3" : !nsecs.isEmpty() ? "NSEC" : null;
    }

    /**
     * The highest iteration count of the NSEC3 records on hand when it is above {@link Nsec3Hashes#MAX_ITERATIONS}:
     * such a proof is not computed, the data is insecure (RFC 9276 §3.2), as BIND and Unbound treat it.
     */
    OptionalInt excessiveIterations() {
        return nsec3s.stream().mapToInt(NSEC3Record::getIterations).filter(i -> i > Nsec3Hashes.MAX_ITERATIONS).max();
    }

    /**
     * The name exists but has no record of {@code type} (nor a CNAME, unless that is what was asked); or, a
     * wildcard NODATA (RFC 4035 §3.1.3.4, RFC 5155 §8.7): the name does not exist and the wildcard that would have
     * made it exists without the type.
     */
    boolean noData(Name name, int type) {
        for (NSECRecord n : nsecs) {
            if (n.getName().equals(name) && lacks(n.hasType(type), n.hasType(Type.CNAME), type)
                    && (type == Type.DS || !delegation(n.hasType(Type.NS), n.hasType(Type.SOA)))) {
                return true;
            }
            // an empty non-terminal: the next name lies below it
            if (covers(n, name) && n.getNext().subdomain(name) && !hidesBelow(n, name)) {
                return true;
            }
        }
        for (NSEC3Record n : nsec3s) {
            if (matches(n, name) && lacks(n.hasType(type), n.hasType(Type.CNAME), type)
                    && (type == Type.DS || !delegation(n.hasType(Type.NS), n.hasType(Type.SOA)))) {
                return true;
            }
        }
        return wildcardNoData(name, type) || optOutSpan(name);
    }

    /**
     * No NSEC3 matches the name, its closest encloser is proven and the next closer name lies in an opt-out span:
     * the name holds no authoritative data of the zone. An opt-out zone gives no NSEC3 to an empty non-terminal
     * whose only descendants are unsigned delegations (RFC 5155 §7.1), so this is all its NODATA can carry; BIND
     * (delv) accepts it as a NODATA proof, where RFC 5155 §8.6 read literally would reject every such zone.
     */
    private boolean optOutSpan(Name name) {
        if (nsec3s.stream().anyMatch(n -> matches(n, name))) {
            return false;
        }
        Name encloser = nsec3ClosestEncloser(name);
        return encloser != null && optOutCovers(new Name(name, name.labels() - encloser.labels() - 1));
    }

    /**
     * The NSEC3 that covers {@code name} has the opt-out flag: an unsigned delegation may exist there that the chain
     * does not show (RFC 5155 §6), so a proof resting on it does not show that nothing is there.
     */
    private boolean optOutCovers(Name name) {
        return nsec3s.stream().anyMatch(n -> covers(n, name) && (n.getFlags() & NSEC3Record.Flags.OPT_OUT) != 0);
    }

    /**
     * A wildcard expansion whose proof that the owner does not exist is an opt-out NSEC3 covering the next closer
     * name: an unsigned delegation could be there, whose data the expansion would then replace, so the answer is
     * insecure (RFC 5155 §9.2; BIND and Unbound say so). {@code labels} as in {@link #noExactMatch}.
     */
    boolean wildcardProofOptedOut(Name owner, int labels) {
        if (coveringNsec(owner) != null) {
            return false;
        }
        int keep = labels + 1;
        return keep < owner.labels() && optOutCovers(new Name(owner, owner.labels() - keep - 1));
    }

    /**
     * The nearest ancestor of {@code name} (below the zone's apex) that an NSEC or NSEC3 of the reply shows to be an
     * unsigned delegation (NS, no DS, no SOA), or null. A name below it is the unsigned child's, not this zone's:
     * whatever the zone's server says about it is insecure (RFC 4035 §5.2, RFC 6840 §4.1), as delv finds when it
     * looks for the child's DS.
     */
    Name unsignedDelegationAbove(Name name) {
        for (int skip = 1; skip < name.labels() - zone.labels(); skip++) {
            Name ancestor = new Name(name, skip);
            if (nsecs.stream().anyMatch(n -> n.getName().equals(ancestor) && unsignedCut(n.hasType(Type.NS),
                    n.hasType(Type.DS), n.hasType(Type.SOA)))
                    || nsec3s.stream().anyMatch(n -> matches(n, ancestor) && unsignedCut(n.hasType(Type.NS),
                            n.hasType(Type.DS), n.hasType(Type.SOA)))) {
                return ancestor;
            }
        }
        return null;
    }

    private static boolean unsignedCut(boolean ns, boolean ds, boolean soa) {
        return ns && !ds && !soa;
    }

    /** No name matches {@code name} and the wildcard of its closest encloser exists without the type. */
    private boolean wildcardNoData(Name name, int type) {
        NSECRecord cover = coveringNsec(name);
        if (cover != null) {
            Name wildcard = wildcard(closestEncloser(name, cover));
            return wildcard != null && nsecs.stream().anyMatch(w -> w.getName().equals(wildcard)
                    && lacks(w.hasType(type), w.hasType(Type.CNAME), type));
        }
        Name encloser = nsec3ClosestEncloser(name);
        if (encloser == null) {
            return false;
        }
        Name wildcard = wildcard(encloser);
        return wildcard != null && nsec3s.stream().anyMatch(w -> matches(w, wildcard)
                && lacks(w.hasType(type), w.hasType(Type.CNAME), type));
    }

    /**
     * The delegation {@code child} is unsigned: its NS is there, its DS is not (and it is not the apex of a zone);
     * or, with NSEC3 opt-out (RFC 5155 §6, §8.9), the closest provable encloser is matched and the next closer name
     * is covered by an NSEC3 whose opt-out flag says unsigned delegations may lie in its span (as in com).
     */
    boolean noDs(Name child) {
        return noDsProof(child) != null;
    }

    /**
     * How {@link #noDs} is proven, for the reason of an insecure delegation: "NSEC", "NSEC3", or "NSEC3 opt-out"
     * (RFC 4035 §4.3 counts opt-out among the insecure cases); null when it is not.
     */
    String noDsProof(Name child) {
        for (NSECRecord n : nsecs) {
            if (n.getName().equals(child) && n.hasType(Type.NS) && !n.hasType(Type.DS) && !n.hasType(Type.SOA)) {
                return "NSEC";
            }
        }
        for (NSEC3Record n : nsec3s) {
            if (matches(n, child) && n.hasType(Type.NS) && !n.hasType(Type.DS) && !n.hasType(Type.SOA)) {
                return "NSEC3";
            }
        }
        for (int skip = 1; skip < child.labels() - zone.labels() + 1; skip++) {
            Name encloser = new Name(child, skip);
            if (nsec3s.stream().noneMatch(n -> matches(n, encloser) && !cut(n))) {
                continue;
            }
            Name nextCloser = new Name(child, skip - 1);
            return nsec3s.stream().anyMatch(n -> (n.getFlags() & NSEC3Record.Flags.OPT_OUT) != 0 && covers(n, nextCloser))
                    ? "NSEC3 opt-out" : null;
        }
        return null;
    }

    /** The name does not exist, and no wildcard could have made it. */
    boolean nxdomain(Name name) {
        NSECRecord cover = coveringNsec(name);
        if (cover != null) {
            Name wildcard = wildcard(closestEncloser(name, cover));
            if (wildcard != null && nsecs.stream().anyMatch(w -> covers(w, wildcard) && !hidesBelow(w, wildcard))) {
                return true;
            }
        }
        Name encloser = nsec3ClosestEncloser(name);
        if (encloser == null) {
            return false;
        }
        Name wildcard = wildcard(encloser);
        return wildcard != null && nsec3s.stream().anyMatch(n -> covers(n, wildcard));
    }

    /**
     * No name matches {@code owner} exactly, as a wildcard expansion requires (RFC 4035 §5.3.4, RFC 5155 §8.8):
     * {@code labels} is the RRSIG's label count, so the wildcard's closest encloser is the owner's last
     * {@code labels} labels and the next closer name one label more.
     */
    boolean noExactMatch(Name owner, int labels) {
        if (coveringNsec(owner) != null) {
            return true;
        }
        int keep = labels + 1; // + the root label
        if (keep >= owner.labels()) {
            return false;
        }
        Name nextCloser = new Name(owner, owner.labels() - keep - 1);
        return nsec3s.stream().anyMatch(n -> covers(n, nextCloser));
    }

    /** The NSEC that covers the name and may speak for it (not one at a delegation or DNAME above it). */
    private NSECRecord coveringNsec(Name name) {
        for (NSECRecord n : nsecs) {
            if (covers(n, name) && !hidesBelow(n, name)) {
                return n;
            }
        }
        return null;
    }

    /**
     * RFC 5155 §8.3: the closest encloser is matched by an NSEC3 (not at a cut or a DNAME) and the next closer name
     * is covered. Null when there is no such proof.
     */
    private Name nsec3ClosestEncloser(Name name) {
        if (nsec3s.isEmpty()) {
            return null;
        }
        for (int skip = 1; skip < name.labels() - zone.labels() + 1; skip++) {
            Name encloser = new Name(name, skip);
            if (nsec3s.stream().noneMatch(n -> matches(n, encloser))) {
                continue;
            }
            if (nsec3s.stream().anyMatch(n -> matches(n, encloser) && cut(n))) {
                return null;
            }
            Name nextCloser = new Name(name, skip - 1);
            return nsec3s.stream().anyMatch(n -> covers(n, nextCloser)) ? encloser : null;
        }
        return null;
    }

    /** The record is at a delegation point or a DNAME strictly above {@code name}: the name is not its to deny. */
    private static boolean hidesBelow(NSECRecord n, Name name) {
        return name.subdomain(n.getName()) && !name.equals(n.getName())
                && (delegation(n.hasType(Type.NS), n.hasType(Type.SOA)) || n.hasType(Type.DNAME));
    }

    private static boolean cut(NSEC3Record n) {
        return delegation(n.hasType(Type.NS), n.hasType(Type.SOA)) || n.hasType(Type.DNAME);
    }

    private static boolean delegation(boolean ns, boolean soa) {
        return ns && !soa;
    }

    private static boolean lacks(boolean hasType, boolean hasCname, int type) {
        return !hasType && (type == Type.CNAME || !hasCname);
    }

    private static Name closestEncloser(Name name, NSECRecord cover) {
        return deeper(commonAncestor(name, cover.getName()), commonAncestor(name, cover.getNext()));
    }

    private static boolean covers(NSECRecord n, Name name) {
        Name owner = n.getName();
        Name next = n.getNext();
        if (owner.compareTo(next) < 0) {
            return owner.compareTo(name) < 0 && name.compareTo(next) < 0;
        }
        // the last NSEC of the chain points back to the apex
        return owner.compareTo(name) < 0 || name.compareTo(next) < 0;
    }

    private boolean matches(NSEC3Record n, Name name) {
        String hash = hashes.hash(n, name);
        return hash != null && hash.equals(Nsec3Hashes.ownerHash(n));
    }

    private boolean covers(NSEC3Record n, Name name) {
        String hash = hashes.hash(n, name);
        if (hash == null) {
            return false;
        }
        String owner = Nsec3Hashes.ownerHash(n);
        String next = Nsec3Hashes.nextHash(n);
        if (owner.compareTo(next) < 0) {
            return owner.compareTo(hash) < 0 && hash.compareTo(next) < 0;
        }
        return owner.compareTo(hash) < 0 || hash.compareTo(next) < 0;
    }

    private static Name commonAncestor(Name a, Name b) {
        int labels = Math.min(a.labels(), b.labels());
        for (int n = labels; n > 1; n--) {
            Name x = new Name(a, a.labels() - n);
            Name y = new Name(b, b.labels() - n);
            if (x.equals(y)) {
                return x;
            }
        }
        return Name.root;
    }

    private static Name deeper(Name a, Name b) {
        return a.labels() >= b.labels() ? a : b;
    }

    private static Name wildcard(Name encloser) {
        try {
            return Name.concatenate(Name.fromConstantString("*"), encloser);
        } catch (NameTooLongException e) {
            return null;
        }
    }
}
