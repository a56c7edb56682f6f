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

    private static TreeMap<String, int[]> names(Object... nameThenTypes) {
        TreeMap<String, int[]> out = new TreeMap<>();
        for (int i = 0; i < nameThenTypes.length; i += 2) {
            out.put((String) nameThenTypes[i], (int[]) nameThenTypes[i + 1]);
        }
        return out;
    }

    @Test
    void anNsecCoversNeitherItsOwnerNorItsNextName() {
        DenialProofs proofs = new DenialProofs(List.of(nsec("a.example.", "m.example.", Type.A),
                nsec("z.example.", "example.", Type.A)), ZONE);
        assertThat(proofs.noExactMatch(n("b.example."), 1)).isTrue();
        assertThat(proofs.noExactMatch(n("a.example."), 1)).isFalse();
        assertThat(proofs.noExactMatch(n("m.example."), 1)).isFalse();
        // the last NSEC, wrapping to the apex, covers neither its owner nor the apex
        assertThat(proofs.noExactMatch(n("z.example."), 1)).isFalse();
        assertThat(proofs.noExactMatch(n("example."), 0)).isFalse();
    }

    @Test
    void anNsec3CoversNeitherTheHashOfItsOwnerNorOfItsNextName() {
        // a chain of two: each name's hash is one record's owner and the other's next hash
        DenialProofs proofs = new DenialProofs(nsec3Chain(0, names("example.", new int[] {Type.SOA, Type.NS},
                "a.example.", new int[] {Type.A})), ZONE);
        assertThat(proofs.noExactMatch(n("x.a.example."), 1)).isFalse();
        assertThat(proofs.noExactMatch(n("x.b.example."), 1)).isTrue();
    }

    @Test
    void aRecordAtADelegationPointDeniesOnlyTheDs() {
        DenialProofs nsec = new DenialProofs(List.of(nsec("sub.example.", "z.example.", Type.NS)), ZONE);
        assertThat(nsec.noData(n("sub.example."), Type.DS)).isTrue();
        assertThat(nsec.noData(n("sub.example."), Type.A)).isFalse();
        DenialProofs nsec3 = new DenialProofs(nsec3Chain(0, names("example.", new int[] {Type.SOA, Type.NS},
                "sub.example.", new int[] {Type.NS})), ZONE);
        assertThat(nsec3.noData(n("sub.example."), Type.DS)).isTrue();
        assertThat(nsec3.noData(n("sub.example."), Type.A)).isFalse();
        assertThat(nsec3.noDsProof(n("sub.example."))).isEqualTo("NSEC3");
        // the apex of a zone the server also serves, or a delegation with its DS, is no unsigned delegation
        assertThat(new DenialProofs(nsec3Chain(0, names("example.", new int[] {Type.SOA, Type.NS},
                "sub.example.", new int[] {Type.NS, Type.DS})), ZONE).noDsProof(n("sub.example."))).isNull();
        assertThat(new DenialProofs(nsec3Chain(0, names("example.", new int[] {Type.SOA, Type.NS},
                "sub.example.", new int[] {Type.NS, Type.SOA})), ZONE).noDsProof(n("sub.example."))).isNull();
    }

    @Test
    void aWildcardThatHasTheTypeIsNoWildcardNodata() {
        DenialProofs nsec = new DenialProofs(List.of(nsec("*.wild.example.", "www.example.", Type.A, Type.MX)), ZONE);
        assertThat(nsec.noData(n("x.wild.example."), Type.MX)).isFalse();
        assertThat(nsec.noData(n("x.wild.example."), Type.TXT)).isTrue();
        DenialProofs nsec3 = new DenialProofs(nsec3Chain(0, names("example.", new int[] {Type.SOA, Type.NS},
                "wild.example.", new int[] {Type.TXT}, "*.wild.example.", new int[] {Type.A, Type.MX})), ZONE);
        assertThat(nsec3.noData(n("x.wild.example."), Type.MX)).isFalse();
        assertThat(nsec3.noData(n("x.wild.example."), Type.TXT)).isTrue();
    }

    @Test
    void nsec3NxdomainNeedsTheWildcardCoveredAndTheNextCloserNameCovered() {
        DenialProofs wildcard = new DenialProofs(nsec3Chain(0, names("example.", new int[] {Type.SOA, Type.NS},
                "*.example.", new int[] {Type.A})), ZONE);
        assertThat(wildcard.nxdomain(n("x.example."))).isFalse(); // the wildcard exists: it would have answered
        DenialProofs plain = new DenialProofs(nsec3Chain(0, names("example.", new int[] {Type.SOA, Type.NS},
                "a.example.", new int[] {Type.A})), ZONE);
        assertThat(plain.nxdomain(n("x.example."))).isTrue();
        assertThat(plain.nxdomain(n("a.example."))).isFalse(); // its hash is an owner: it exists
    }

    @Test
    void iterationsUpToTheLimitAreComputedAboveItNot() {
        NSEC3Record at = new NSEC3Record(n("00.example."), DClass.IN, 0, 1, 0, Nsec3Hashes.MAX_ITERATIONS, null,
                new byte[20], new int[0]);
        NSEC3Record above = new NSEC3Record(n("00.example."), DClass.IN, 0, 1, 0, Nsec3Hashes.MAX_ITERATIONS + 1, null,
                new byte[20], new int[0]);
        assertThat(new DenialProofs(List.of(new RRset(at)), ZONE).excessiveIterations()).isEmpty();
        assertThat(new DenialProofs(List.of(new RRset(above)), ZONE).excessiveIterations()).hasValue(151);
        Nsec3Hashes hashes = new Nsec3Hashes();
        assertThat(hashes.hash(at, ZONE)).isNotNull();
        assertThat(hashes.hash(above, ZONE)).isNull();
    }

    @Test
    void nsec3WithAnUnknownHashAlgorithmIsLeftOutAndItsFailedHashCached() {
        NSEC3Record unknown = new NSEC3Record(n("00.example."), DClass.IN, 0, 2, 0, 500, null, new byte[20], new int[0]);
        DenialProofs proofs = new DenialProofs(List.of(new RRset(unknown)), ZONE);
        assertThat(proofs.kind()).isNull();
        assertThat(proofs.excessiveIterations()).isEmpty();
        NSEC3Record cheap = new NSEC3Record(n("00.example."), DClass.IN, 0, 2, 0, 0, null, new byte[20], new int[0]);
        Nsec3Hashes hashes = new Nsec3Hashes();
        assertThat(hashes.hash(cheap, ZONE)).isNull();
        assertThat(hashes.hash(cheap, ZONE)).isNull();
        assertThat(hashes.computed()).isEqualTo(1);
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
