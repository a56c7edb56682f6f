package org.dnstracer.dnssec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnstracer.dnssec.SignedFixtures.expanded;
import static org.dnstracer.dnssec.SignedFixtures.q;
import static org.dnstracer.dnssec.SignedFixtures.with;

import java.util.List;
import org.dnstracer.model.Question;
import org.dnstracer.model.Status;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * Verdicts on replies built from zones signed by BIND's dnssec-signzone (NSEC, NSEC3) and ldns-signzone (NSEC3
 * with 2,500 iterations), not by this project's signer: wildcards, CNAME and DNAME chains, and the forgeries a
 * validator must refuse (a wildcard without its proof, a delegation-point or DNAME-bit NSEC used as denial).
 */
class SignedZoneValidationTest {
    private static final SignedZoneFile NSEC = SignedZoneFile.load("example.nsec.signed");
    private static final SignedZoneFile NSEC3 = SignedZoneFile.load("example.nsec3.signed");
    private static final SignedZoneFile NSEC3_2500 = SignedZoneFile.load("example.nsec3-2500.signed");
    private static final SignedZoneFile OPT_OUT = SignedZoneFile.load("example.nsec3-optout.signed");

    private static NodeDnssec answer(SignedZoneFile zone, Question question, List<RRset> answer, List<RRset> authority)
            throws Exception {
        return zone.validate(question, Status.AUTHORITATIVE_ANSWER,
                SignedZoneFile.reply(question, Rcode.NOERROR, answer, authority));
    }

    private static NodeDnssec nxdomain(SignedZoneFile zone, Question question, List<RRset> answer,
            List<RRset> authority) throws Exception {
        return zone.validate(question, Status.AUTHORITATIVE_NXDOMAIN,
                SignedZoneFile.reply(question, Rcode.NXDOMAIN, answer, authority));
    }

    private static NodeDnssec nodata(SignedZoneFile zone, Question question, List<RRset> authority) throws Exception {
        return zone.validate(question, Status.AUTHORITATIVE_NODATA,
                SignedZoneFile.reply(question, Rcode.NOERROR, List.of(), authority));
    }

    @Test
    void plainAnswerAndNsec3NxdomainFromTheRealSignerAreSecure() throws Exception {
        Question www = q("www.example.", Type.A);
        assertThat(answer(NSEC, www, List.of(NSEC.get("www.example.", Type.A)), List.of()).text()).isEqualTo("secure");
        Question nope = q("nope.example.", Type.A);
        assertThat(nxdomain(NSEC3, nope, List.of(), with(NSEC3.get("example.", Type.SOA), NSEC3.all(Type.NSEC3)))
                .text()).isEqualTo("secure");
    }

    @Test
    void wildcardAnswerWithTheNsecThatCoversTheNameIsSecure() throws Exception {
        Question x = q("x.wild.example.", Type.A);
        RRset a = expanded(NSEC.get("*.wild.example.", Type.A), "x.wild.example.");
        assertThat(answer(NSEC, x, List.of(a), List.of(NSEC.get("*.wild.example.", Type.NSEC))).text())
                .isEqualTo("secure");
        assertThat(answer(NSEC3, x, List.of(expanded(NSEC3.get("*.wild.example.", Type.A), "x.wild.example.")),
                NSEC3.all(Type.NSEC3)).text()).isEqualTo("secure");
    }

    @Test
    void wildcardAnswerWhoseProofWasRemovedIsBogus() throws Exception {
        Question x = q("x.wild.example.", Type.A);
        String reason = "bogus: wildcard answer x.wild.example A without the NSEC/NSEC3 proof that the name itself "
                + "does not exist";
        assertThat(answer(NSEC, x, List.of(expanded(NSEC.get("*.wild.example.", Type.A), "x.wild.example.")),
                List.of()).text()).isEqualTo(reason);
        assertThat(answer(NSEC3, x, List.of(expanded(NSEC3.get("*.wild.example.", Type.A), "x.wild.example.")),
                List.of()).text()).isEqualTo(reason);
        // an NSEC that does not cover the name proves nothing about it either
        assertThat(answer(NSEC, x, List.of(expanded(NSEC.get("*.wild.example.", Type.A), "x.wild.example.")),
                List.of(NSEC.get("www.example.", Type.NSEC))).text()).isEqualTo(reason);
    }

    @Test
    void wildcardNodataIsProvenByTheWildcardsNsecAndNsec3() throws Exception {
        Question mx = q("x.wild.example.", Type.MX);
        assertThat(nodata(NSEC, mx, List.of(NSEC.get("example.", Type.SOA), NSEC.get("*.wild.example.", Type.NSEC)))
                .text()).isEqualTo("secure");
        assertThat(nodata(NSEC3, mx, with(NSEC3.get("example.", Type.SOA), NSEC3.all(Type.NSEC3))).text())
                .isEqualTo("secure");
    }

    @Test
    void cnameToAMissingNameIsProvenForTheLastNameOfTheChain() throws Exception {
        Question cname = q("cname.example.", Type.A);
        assertThat(nxdomain(NSEC, cname, List.of(NSEC.get("cname.example.", Type.CNAME)),
                List.of(NSEC.get("example.", Type.SOA), NSEC.get("deep.ent.example.", Type.NSEC),
                        NSEC.get("example.", Type.NSEC))).text()).isEqualTo("secure");
        assertThat(nxdomain(NSEC3, cname, List.of(NSEC3.get("cname.example.", Type.CNAME)),
                with(NSEC3.get("example.", Type.SOA), NSEC3.all(Type.NSEC3))).text()).isEqualTo("secure");
        // the proof for the question's own name (which exists) is not the one asked for
        assertThat(nxdomain(NSEC, cname, List.of(NSEC.get("cname.example.", Type.CNAME)),
                List.of(NSEC.get("example.", Type.SOA))).text())
                .isEqualTo("bogus: no NSEC/NSEC3 proof that missing.example does not exist");
    }

    @Test
    void cnameToANameWithoutTheTypeNeedsTheNodataOfThatName() throws Exception {
        Question mx = q("cname-www.example.", Type.MX);
        assertThat(answer(NSEC, mx, List.of(NSEC.get("cname-www.example.", Type.CNAME)),
                List.of(NSEC.get("example.", Type.SOA), NSEC.get("www.example.", Type.NSEC))).text())
                .isEqualTo("secure");
        assertThat(answer(NSEC, mx, List.of(NSEC.get("cname-www.example.", Type.CNAME)),
                List.of(NSEC.get("example.", Type.SOA))).text())
                .isEqualTo("bogus: no NSEC/NSEC3 proof that www.example has no MX");
    }

    @Test
    void cnameSynthesizedFromASignedDnameNeedsNoSignature() throws Exception {
        Question a = q("a.dname.example.", Type.A);
        RRset dname = NSEC.get("dname.example.", Type.DNAME);
        RRset synthesized = new RRset(new CNAMERecord(a.name(), DClass.IN, 3600,
                Name.fromConstantString("a.target.example.")));
        RRset target = NSEC.get("a.target.example.", Type.A);
        assertThat(answer(NSEC, a, List.of(dname, synthesized, target), List.of()).text()).isEqualTo("secure");
        // an unsigned CNAME the DNAME does not make is still data without a signature
        RRset forged = new RRset(new CNAMERecord(a.name(), DClass.IN, 3600, Name.fromConstantString("www.example.")));
        assertThat(answer(NSEC, a, List.of(dname, forged, NSEC.get("www.example.", Type.A)), List.of()).text())
                .isEqualTo("bogus: no RRSIG for a.dname.example CNAME");
    }

    /**
     * The delegation-point NSEC does not deny names below the cut, but it proves the cut unsigned: what the parent
     * says about a name there is insecure, as delv says of www.kid.bind-forgedeny.sig in RealSignersInteropTest.
     */
    @Test
    void aDenialBelowAnUnsignedDelegationIsInsecureNotSecureNorBogus() throws Exception {
        Question below = q("x.sub.example.", Type.A);
        NodeDnssec nsec = nxdomain(NSEC, below, List.of(), List.of(NSEC.get("example.", Type.SOA),
                NSEC.get("sub.example.", Type.NSEC)));
        assertThat(nsec.text()).isEqualTo("insecure: x.sub.example lies below the unsigned delegation sub.example: "
                + "the parent's denial proves nothing there (RFC 6840 4.1)");
        NodeDnssec nsec3 = nxdomain(NSEC3, below, List.of(), with(NSEC3.get("example.", Type.SOA),
                NSEC3.all(Type.NSEC3)));
        assertThat(nsec3.status()).isEqualTo(DnssecStatus.INSECURE);
        // without the NSEC of the cut nothing says the name is the child's: still bogus
        assertThat(nxdomain(NSEC, below, List.of(), List.of(NSEC.get("example.", Type.SOA))).text())
                .isEqualTo("bogus: no NSEC/NSEC3 proof that x.sub.example does not exist");
    }

    /**
     * dnssec-signzone -A gives no NSEC3 to ent2.example, whose only descendant is the unsigned delegation
     * k.ent2.example (RFC 5155 §7.1); its NODATA is the closest encloser proof with an opt-out NSEC3 over ent2.
     * delv: "negative response, fully validated" (RealSignersInteropTest, ent2.bind-nsec3.sig, ent2.knot-nsec3.sig).
     */
    @Test
    void emptyNonTerminalAboveOnlyUnsignedDelegationsInAnOptOutZoneIsASecureNodata() throws Exception {
        Question ent2 = q("ent2.example.", Type.A);
        assertThat(nodata(OPT_OUT, ent2, with(OPT_OUT.get("example.", Type.SOA), OPT_OUT.all(Type.NSEC3))).text())
                .isEqualTo("secure");
        // the same proof shape without the opt-out flag proves no NODATA
        assertThat(nodata(NSEC3, q("nope.example.", Type.A), with(NSEC3.get("example.", Type.SOA),
                NSEC3.all(Type.NSEC3))).status()).isEqualTo(DnssecStatus.BOGUS);
    }

    /** RFC 5155 §9.2: an opt-out NSEC3 over the next closer name leaves room for an unsigned delegation; delv: insecure. */
    @Test
    void wildcardAnswerProvenOnlyByAnOptOutNsec3IsInsecure() throws Exception {
        Question x = q("x.wild.example.", Type.A);
        assertThat(answer(OPT_OUT, x, List.of(expanded(OPT_OUT.get("*.wild.example.", Type.A), "x.wild.example.")),
                OPT_OUT.all(Type.NSEC3)).text()).isEqualTo("insecure: wildcard answer x.wild.example A proven only "
                        + "by an opt-out NSEC3 (an unsigned delegation may be there, RFC 5155 9.2)");
        // without its proof it is still bogus
        assertThat(answer(OPT_OUT, x, List.of(expanded(OPT_OUT.get("*.wild.example.", Type.A), "x.wild.example.")),
                List.of()).status()).isEqualTo(DnssecStatus.BOGUS);
    }

    /**
     * A wildcard expansion whose only proof is NSEC3 above the iteration limit is not proven: RFC 9276 §3.2 lets a
     * validator fail it, and BIND does (delv: "no valid NSEC" for a.wild.ldns-iter500.sig in RealSignersInteropTest).
     */
    @Test
    void wildcardAnswerWhoseOnlyProofHasTooManyIterationsIsBogus() throws Exception {
        Question x = q("x.wild.example.", Type.A);
        assertThat(answer(NSEC3_2500, x, List.of(expanded(NSEC3_2500.get("*.wild.example.", Type.A),
                "x.wild.example.")), NSEC3_2500.all(Type.NSEC3)).text()).isEqualTo("bogus: wildcard answer "
                        + "x.wild.example A whose only proof that the name itself does not exist is NSEC3 with 2500 "
                        + "iterations, above 150 (RFC 9276)");
    }

    @Test
    void nsecWithTheDnameBitDoesNotDenyNamesBelowIt() throws Exception {
        NodeDnssec v = nxdomain(NSEC, q("x.dname.example.", Type.A), List.of(), List.of(NSEC.get("example.", Type.SOA),
                NSEC.get("dname.example.", Type.NSEC)));
        assertThat(v.text()).isEqualTo("bogus: no NSEC/NSEC3 proof that x.dname.example does not exist");
    }

    @Test
    void nsec3WithMoreIterationsThanValidatorsComputeIsInsecure() throws Exception {
        Question nope = q("nope.example.", Type.A);
        NodeDnssec v = nxdomain(NSEC3_2500, nope, List.of(), with(NSEC3_2500.get("example.", Type.SOA),
                NSEC3_2500.all(Type.NSEC3)));
        assertThat(v.text()).isEqualTo("insecure: NSEC3 with 2500 iterations, above 150 (RFC 9276)");
        // the answers themselves are still checked: a positive answer of that zone stays secure
        assertThat(answer(NSEC3_2500, q("www.example.", Type.A), List.of(NSEC3_2500.get("www.example.", Type.A)),
                List.of()).text()).isEqualTo("secure");
    }

    /** The RRset with its records only, its RRSIGs dropped. */
    private static RRset unsigned(RRset signed) {
        RRset out = new RRset();
        signed.rrs(false).forEach(out::addRR);
        return out;
    }

    /** The RRset with one octet of each RRSIG's signature changed. */
    private static RRset tampered(RRset signed) {
        RRset out = unsigned(signed);
        for (RRSIGRecord sig : signed.sigs()) {
            byte[] bad = sig.getSignature().clone();
            bad[7] ^= 1;
            out.addRR(new RRSIGRecord(sig.getName(), sig.getDClass(), sig.getTTL(), sig.getTypeCovered(),
                    sig.getAlgorithm(), sig.getOrigTTL(), sig.getExpire(), sig.getTimeSigned(), sig.getFootprint(),
                    sig.getSigner(), bad));
        }
        return out;
    }

    /** Asked for by its own name, the wildcard record is an exact match (RFC 4034 3.1.3: "*" is not counted). */
    @Test
    void theWildcardsOwnNameAskedForIsAnAnswerNotAnExpansion() throws Exception {
        Question star = q("*.wild.example.", Type.A);
        assertThat(answer(NSEC, star, List.of(NSEC.get("*.wild.example.", Type.A)), List.of()).text())
                .isEqualTo("secure");
        assertThat(answer(NSEC3, star, List.of(NSEC3.get("*.wild.example.", Type.A)), List.of()).text())
                .isEqualTo("secure");
    }

    @Test
    void wildcardAnswerWhoseProofLostItsSignatureIsBogus() throws Exception {
        Question x = q("x.wild.example.", Type.A);
        assertThat(answer(NSEC, x, List.of(expanded(NSEC.get("*.wild.example.", Type.A), "x.wild.example.")),
                List.of(unsigned(NSEC.get("*.wild.example.", Type.NSEC)))).text())
                .isEqualTo("bogus: no RRSIG for *.wild.example NSEC");
    }

    /** A CNAME question's NODATA is about the name asked, not where a chain would lead. */
    @Test
    void nodataForACnameQuestionNeedsTheProofForTheNameAsked() throws Exception {
        Question cname = q("www.example.", Type.CNAME);
        assertThat(nodata(NSEC, cname, List.of(NSEC.get("example.", Type.SOA), NSEC.get("www.example.", Type.NSEC)))
                .text()).isEqualTo("secure");
        assertThat(nodata(NSEC, cname, List.of(NSEC.get("example.", Type.SOA))).text())
                .isEqualTo("bogus: no NSEC/NSEC3 proof that www.example has no CNAME");
    }

    /** The zone's own NS set, which servers add to the authority section, is no delegation of the chain's end. */
    @Test
    void theApexNsSetBesideACnameChainIsNoReferralAfterIt() throws Exception {
        Question mx = q("cname-www.example.", Type.MX);
        assertThat(answer(NSEC, mx, List.of(NSEC.get("cname-www.example.", Type.CNAME)),
                List.of(NSEC.get("example.", Type.NS))).text())
                .isEqualTo("bogus: no NSEC/NSEC3 proof that www.example has no MX");
    }

    @Test
    void aSignedCnameWhoseSignatureDoesNotVerifyIsBogus() throws Exception {
        Question a = q("cname-www.example.", Type.A);
        RRset cname = NSEC.get("cname-www.example.", Type.CNAME);
        assertThat(answer(NSEC, a, List.of(cname, NSEC.get("www.example.", Type.A)), List.of()).text())
                .isEqualTo("secure");
        assertThat(answer(NSEC, a, List.of(tampered(cname), NSEC.get("www.example.", Type.A)), List.of()).text())
                .isEqualTo("bogus: RRSIG cname-www.example CNAME by key " + cname.sigs().get(0).getFootprint()
                        + " does not verify");
    }

    /** The target's data from another zone (a server serving both adds it) is that zone's to sign, not this one's. */
    @Test
    void aCnameOutOfTheZoneIsCheckedUpToTheZonesEdge() throws Exception {
        Question out = q("cname-out.example.", Type.A);
        TestZone other = new TestZone("other.");
        RRset host = other.sign(new org.xbill.DNS.ARecord(Name.fromConstantString("host.other."), DClass.IN, 3600,
                org.xbill.DNS.Address.getByAddress("192.0.2.9")));
        assertThat(answer(NSEC, out, List.of(NSEC.get("cname-out.example.", Type.CNAME), host), List.of()).text())
                .isEqualTo("secure");
    }

    /**
     * ent.example has no records, only deep.ent.example below it: its NODATA is the NSEC whose span holds it and
     * whose next name lies below it (RFC 4035 section 3.1.3, NODATA; dnssec-signzone's dname.example NSEC deep.ent.example).
     */
    @Test
    void emptyNonTerminalNodataIsTheNsecWhoseNextNameLiesBelowIt() throws Exception {
        Question ent = q("ent.example.", Type.A);
        assertThat(nodata(NSEC, ent, List.of(NSEC.get("example.", Type.SOA), NSEC.get("dname.example.", Type.NSEC)))
                .text()).isEqualTo("secure");
        // an NSEC that covers the name but whose next name is not below it proves no empty non-terminal
        assertThat(nodata(NSEC, q("nope.example.", Type.A), List.of(NSEC.get("example.", Type.SOA),
                NSEC.get("deep.ent.example.", Type.NSEC))).status()).isEqualTo(DnssecStatus.BOGUS);
    }
}

