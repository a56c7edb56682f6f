package org.dnstracer.dnssec;

import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import org.xbill.DNS.NSEC3Record;
import org.xbill.DNS.NSECRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Type;
import org.xbill.DNS.utils.base32;

/**
 * Whether NSEC (RFC 4035 §5.4) or NSEC3 (RFC 5155 §8) records prove a denial. The records given must already have
 * been checked as signed by the zone; this class only reasons about names and type bitmaps.
 */
final class DenialProofs {
    private static final base32 BASE32HEX = new base32(base32.Alphabet.BASE32HEX, false, false);

    private final List<NSECRecord> nsecs;
    private final List<NSEC3Record> nsec3s;
    private final Name zone;

    DenialProofs(List<RRset> rrsets, Name zone) {
        this.zone = zone;
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

    /** The name exists but has no record of {@code type} (nor a CNAME, unless that is what was asked). */
    boolean noData(Name name, int type) {
        for (NSECRecord n : nsecs) {
            if (n.getName().equals(name) && !n.hasType(type) && (type == Type.CNAME || !n.hasType(Type.CNAME))) {
                return true;
            }
            // an empty non-terminal: the next name lies below it
            if (covers(n, name) && n.getNext().subdomain(name)) {
                return true;
            }
        }
        for (NSEC3Record n : nsec3s) {
            if (matches(n, name) && !n.hasType(type) && (type == Type.CNAME || !n.hasType(Type.CNAME))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The delegation {@code child} is unsigned: its NS is there, its DS is not (and it is not the apex of a zone);
     * or, with NSEC3 opt-out (RFC 5155 §6, §8.9), the closest provable encloser is matched and the next closer name
     * is covered by an NSEC3 whose opt-out flag says unsigned delegations may lie in its span (as in com).
     */
    boolean noDs(Name child) {
        for (NSECRecord n : nsecs) {
            if (n.getName().equals(child) && n.hasType(Type.NS) && !n.hasType(Type.DS) && !n.hasType(Type.SOA)) {
                return true;
            }
        }
        for (NSEC3Record n : nsec3s) {
            if (matches(n, child) && n.hasType(Type.NS) && !n.hasType(Type.DS) && !n.hasType(Type.SOA)) {
                return true;
            }
        }
        for (int skip = 1; skip < child.labels() - zone.labels() + 1; skip++) {
            Name encloser = new Name(child, skip);
            if (nsec3s.stream().noneMatch(n -> matches(n, encloser))) {
                continue;
            }
            Name nextCloser = new Name(child, skip - 1);
            return nsec3s.stream().anyMatch(n -> (n.getFlags() & NSEC3Record.Flags.OPT_OUT) != 0 && covers(n, nextCloser));
        }
        return false;
    }

    /** The name does not exist, and no wildcard could have made it. */
    boolean nxdomain(Name name) {
        for (NSECRecord n : nsecs) {
            if (!covers(n, name)) {
                continue;
            }
            Name encloser = deeper(commonAncestor(name, n.getName()), commonAncestor(name, n.getNext()));
            Name wildcard = wildcard(encloser);
            if (wildcard != null && nsecs.stream().anyMatch(w -> covers(w, wildcard))) {
                return true;
            }
        }
        if (nsec3s.isEmpty()) {
            return false;
        }
        // closest encloser proof: a matching NSEC3 for an ancestor, a covering one for the next closer name
        for (int skip = 1; skip < name.labels() - zone.labels() + 1; skip++) {
            Name encloser = new Name(name, skip);
            if (nsec3s.stream().noneMatch(n -> matches(n, encloser))) {
                continue;
            }
            Name nextCloser = new Name(name, skip - 1);
            Name wildcard = wildcard(encloser);
            return nsec3s.stream().anyMatch(n -> covers(n, nextCloser))
                    && wildcard != null && nsec3s.stream().anyMatch(n -> covers(n, wildcard));
        }
        return false;
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
        String hash = hash(n, name);
        return hash != null && hash.equals(ownerHash(n));
    }

    private boolean covers(NSEC3Record n, Name name) {
        String hash = hash(n, name);
        if (hash == null) {
            return false;
        }
        String owner = ownerHash(n);
        String next = BASE32HEX.toString(n.getNext());
        if (owner.compareTo(next) < 0) {
            return owner.compareTo(hash) < 0 && hash.compareTo(next) < 0;
        }
        return owner.compareTo(hash) < 0 || hash.compareTo(next) < 0;
    }

    private static String ownerHash(NSEC3Record n) {
        return n.getName().getLabelString(0).toUpperCase(Locale.ROOT);
    }

    private static String hash(NSEC3Record n, Name name) {
        try {
            return BASE32HEX.toString(n.hashName(name)).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            return null;
        }
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
