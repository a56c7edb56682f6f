package org.dnstracer.dnssec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.NSEC3Record;
import org.xbill.DNS.NSECRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Type;
import org.xbill.DNS.utils.base32;

/** Which NSEC and NSEC3 sets prove which denial (names and bitmaps only; signatures are checked elsewhere). */
class DenialProofsTest {
    private static final Name ZONE = Name.fromConstantString("example.");
    private static final base32 HEX = new base32(base32.Alphabet.BASE32HEX, false, false);
    private static final NSEC3Record HASHER = new NSEC3Record(ZONE, DClass.IN, 0, 1, 0, 0, null, new byte[20], new int[0]);

    private static Name n(String s) {
        return Name.fromConstantString(s);
    }

    private static RRset nsec(String owner, String next, int... types) {
        return new RRset(new NSECRecord(n(owner), DClass.IN, 300, n(next), types));
    }

    private static String hash(Name name) {
        try {
            return HEX.toString(HASHER.hashName(name));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A whole NSEC3 chain over these names, with the given flags and per-name types. */
    private static List<RRset> nsec3Chain(int flags, TreeMap<String, int[]> namesAndTypes) {
        TreeMap<String, int[]> byHash = new TreeMap<>();
        namesAndTypes.forEach((name, types) -> byHash.put(hash(n(name)), types));
        List<String> hashes = new ArrayList<>(byHash.keySet());
        List<RRset> chain = new ArrayList<>();
        for (int i = 0; i < hashes.size(); i++) {
            Name owner = Name.fromConstantString(hashes.get(i) + ".example.");
            byte[] next = HEX.fromString(hashes.get((i + 1) % hashes.size()));
            chain.add(new RRset(new NSEC3Record(owner, DClass.IN, 300, 1, flags, 0, null, next, byHash.get(hashes.get(i)))));
        }
        return chain;
    }

    @Test
    void nsecCoveringTheNameAndTheWildcardProvesNxdomain() {
        DenialProofs proofs = new DenialProofs(List.of(nsec("example.", "mail.example.", Type.SOA, Type.NS),
                nsec("mail.example.", "example.", Type.A)), ZONE);
        assertThat(proofs.nxdomain(n("www.example."))).isTrue(); // covered by the last NSEC's wrap to the apex
        assertThat(proofs.nxdomain(n("b.example."))).isTrue();
        assertThat(proofs.nxdomain(n("mail.example."))).isFalse(); // it exists
    }

    @Test
    void nsecThatLeavesTheWildcardOpenProvesNothing() {
        // *.example. sorts right after example.: this NSEC covers b.example. but not the wildcard
        DenialProofs proofs = new DenialProofs(List.of(nsec("a.example.", "mail.example.", Type.A)), ZONE);
        assertThat(proofs.nxdomain(n("b.example."))).isFalse();
    }

    @Test
    void nsecAtTheNameWithoutTheTypeProvesNodataButNotWhenItHasACname() {
        assertThat(new DenialProofs(List.of(nsec("www.example.", "z.example.", Type.A)), ZONE)
                .noData(n("www.example."), Type.MX)).isTrue();
        assertThat(new DenialProofs(List.of(nsec("www.example.", "z.example.", Type.CNAME)), ZONE)
                .noData(n("www.example."), Type.MX)).isFalse();
        assertThat(new DenialProofs(List.of(nsec("www.example.", "z.example.", Type.MX)), ZONE)
                .noData(n("www.example."), Type.MX)).isFalse();
    }

    @Test
    void delegationWithoutDsIsProvenByNsecAtTheCutOnly() {
        assertThat(new DenialProofs(List.of(nsec("sub.example.", "z.example.", Type.NS)), ZONE)
                .noDs(n("sub.example."))).isTrue();
        assertThat(new DenialProofs(List.of(nsec("sub.example.", "z.example.", Type.NS, Type.DS)), ZONE)
                .noDs(n("sub.example."))).isFalse();
        // the apex of the child (SOA bit) is the wrong side of the cut
        assertThat(new DenialProofs(List.of(nsec("sub.example.", "z.example.", Type.NS, Type.SOA)), ZONE)
                .noDs(n("sub.example."))).isFalse();
    }

    @Test
    void nsec3ClosestEncloserProofShowsNxdomain() {
        TreeMap<String, int[]> names = new TreeMap<>();
        names.put("example.", new int[] {Type.SOA, Type.NS});
        names.put("www.example.", new int[] {Type.A});
        names.put("mail.example.", new int[] {Type.A});
        DenialProofs proofs = new DenialProofs(nsec3Chain(0, names), ZONE);
        assertThat(proofs.nxdomain(n("nope.example."))).isTrue();
        assertThat(proofs.nxdomain(n("www.example."))).isFalse();
        assertThat(proofs.noData(n("www.example."), Type.MX)).isTrue();
        assertThat(proofs.kind()).isEqualTo("NSEC3");
    }

    @Test
    void optOutSpanCoversUnsignedDelegationsWithoutTheirOwnRecord() {
        TreeMap<String, int[]> names = new TreeMap<>();
        names.put("example.", new int[] {Type.SOA, Type.NS});
        names.put("signed.example.", new int[] {Type.NS, Type.DS});
        assertThat(new DenialProofs(nsec3Chain(NSEC3Record.Flags.OPT_OUT, names), ZONE).noDs(n("unsigned.example.")))
                .isTrue();
        // the reason says so: opt-out is one of RFC 4035 4.3's insecure cases, not a proof the delegation exists
        assertThat(new DenialProofs(nsec3Chain(NSEC3Record.Flags.OPT_OUT, names), ZONE)
                .noDsProof(n("unsigned.example."))).isEqualTo("NSEC3 opt-out");
        assertThat(new DenialProofs(nsec3Chain(0, names), ZONE).noDs(n("unsigned.example."))).isFalse();
    }

    @Test
    void nsec3ClosestEncloserAtADelegationOrDnameProvesNothingBelowIt() {
        TreeMap<String, int[]> names = new TreeMap<>();
        names.put("example.", new int[] {Type.SOA, Type.NS});
        names.put("sub.example.", new int[] {Type.NS});
        names.put("dname.example.", new int[] {Type.DNAME});
        names.put("www.example.", new int[] {Type.A});
        DenialProofs proofs = new DenialProofs(nsec3Chain(0, names), ZONE);
        assertThat(proofs.nxdomain(n("x.sub.example."))).isFalse();
        assertThat(proofs.nxdomain(n("x.dname.example."))).isFalse();
        assertThat(proofs.nxdomain(n("x.www.example."))).isTrue(); // the control: an ordinary encloser
    }

    @Test
    void nsecAtADelegationPointProvesNodataOnlyForTheDs() {
        DenialProofs proofs = new DenialProofs(List.of(nsec("sub.example.", "z.example.", Type.NS)), ZONE);
        assertThat(proofs.noData(n("sub.example."), Type.A)).isFalse(); // the child's servers have its data
        assertThat(proofs.noData(n("sub.example."), Type.DS)).isTrue();
    }

    @Test
    void wildcardExpansionNeedsTheNextCloserNameCovered() {
        TreeMap<String, int[]> names = new TreeMap<>();
        names.put("example.", new int[] {Type.SOA, Type.NS});
        names.put("wild.example.", new int[] {Type.TXT});
        names.put("*.wild.example.", new int[] {Type.A});
        DenialProofs proofs = new DenialProofs(nsec3Chain(0, names), ZONE);
        // RRSIG labels 2: the wildcard's encloser is wild.example, the next closer name a.b.wild.example's b.wild
        assertThat(proofs.noExactMatch(n("a.b.wild.example."), 2)).isTrue();
        // not an expansion at all: as many labels as the owner
        assertThat(proofs.noExactMatch(n("b.wild.example."), 3)).isFalse();
        assertThat(new DenialProofs(List.of(), ZONE).noExactMatch(n("b.wild.example."), 2)).isFalse();
    }

    @Test
    void eachNsec3HashIsComputedOncePerValidation() {
        TreeMap<String, int[]> names = new TreeMap<>();
        names.put("example.", new int[] {Type.SOA, Type.NS});
        names.put("www.example.", new int[] {Type.A});
        names.put("mail.example.", new int[] {Type.A});
        Nsec3Hashes hashes = new Nsec3Hashes();
        DenialProofs proofs = new DenialProofs(nsec3Chain(0, names), ZONE, hashes);
        assertThat(proofs.nxdomain(n("nope.example."))).isTrue();
        int first = hashes.computed();
        assertThat(proofs.nxdomain(n("nope.example."))).isTrue();
        // three names (nope, its encloser example., the wildcard *.example.), each hashed once
        assertThat(first).isEqualTo(3);
        assertThat(hashes.computed()).isEqualTo(first);
    }

    @Test
    void optOutSpanProvesTheNodataOfAnEmptyNonTerminalWithoutNsec3ButAPlainSpanDoesNot() {
        TreeMap<String, int[]> names = new TreeMap<>();
        names.put("example.", new int[] {Type.SOA, Type.NS});
        names.put("www.example.", new int[] {Type.A});
        Name ent = n("ent2.example.");
        assertThat(new DenialProofs(nsec3Chain(NSEC3Record.Flags.OPT_OUT, names), ZONE).noData(ent, Type.A)).isTrue();
        assertThat(new DenialProofs(nsec3Chain(0, names), ZONE).noData(ent, Type.A)).isFalse();
        // a name the chain matches is judged by its own bitmap, opt-out or not
        assertThat(new DenialProofs(nsec3Chain(NSEC3Record.Flags.OPT_OUT, names), ZONE)
                .noData(n("www.example."), Type.A)).isFalse();
    }

    @Test
    void wildcardExpansionProvenByAnOptOutNsec3IsOptedOutAndByNsecOrPlainNsec3IsNot() {
        TreeMap<String, int[]> names = new TreeMap<>();
        names.put("example.", new int[] {Type.SOA, Type.NS});
        names.put("wild.example.", new int[] {Type.TXT});
        names.put("*.wild.example.", new int[] {Type.A});
        Name owner = n("x.wild.example.");
        DenialProofs optOut = new DenialProofs(nsec3Chain(NSEC3Record.Flags.OPT_OUT, names), ZONE);
        assertThat(optOut.noExactMatch(owner, 2)).isTrue();
        assertThat(optOut.wildcardProofOptedOut(owner, 2)).isTrue();
        assertThat(new DenialProofs(nsec3Chain(0, names), ZONE).wildcardProofOptedOut(owner, 2)).isFalse();
        // the owner is the wildcard's own level: no next closer name to speak of
        assertThat(optOut.wildcardProofOptedOut(owner, 3)).isFalse();
        assertThat(new DenialProofs(List.of(nsec("wild.example.", "y.wild.example.", Type.TXT)), ZONE)
                .wildcardProofOptedOut(owner, 2)).isFalse();
    }

    @Test
    void theUnsignedCutAboveANameIsTheNearestAncestorWithNsAndNeitherDsNorSoa() {
        Name below = n("a.b.sub.example.");
        assertThat(new DenialProofs(List.of(nsec("sub.example.", "z.example.", Type.NS)), ZONE)
                .unsignedDelegationAbove(below)).isEqualTo(n("sub.example."));
        assertThat(new DenialProofs(List.of(nsec("sub.example.", "z.example.", Type.NS, Type.DS)), ZONE)
                .unsignedDelegationAbove(below)).isNull();
        assertThat(new DenialProofs(List.of(nsec("sub.example.", "z.example.", Type.NS, Type.SOA)), ZONE)
                .unsignedDelegationAbove(below)).isNull();
        assertThat(new DenialProofs(List.of(nsec("sub.example.", "z.example.", Type.A)), ZONE)
                .unsignedDelegationAbove(below)).isNull();
        // not the name itself, and not the zone's apex
        assertThat(new DenialProofs(List.of(nsec("sub.example.", "z.example.", Type.NS)), ZONE)
                .unsignedDelegationAbove(n("sub.example."))).isNull();
        assertThat(new DenialProofs(List.of(nsec("example.", "z.example.", Type.NS)), ZONE)
                .unsignedDelegationAbove(below)).isNull();
        TreeMap<String, int[]> names = new TreeMap<>();
        names.put("example.", new int[] {Type.SOA, Type.NS});
        names.put("sub.example.", new int[] {Type.NS});
        assertThat(new DenialProofs(nsec3Chain(0, names), ZONE).unsignedDelegationAbove(below))
                .isEqualTo(n("sub.example."));
    }
}
