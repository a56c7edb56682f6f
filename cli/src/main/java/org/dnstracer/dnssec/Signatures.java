package org.dnstracer.dnssec;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import org.dnstracer.model.Names;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Type;

/**
 * Checks an RRset's signatures against a zone's keys with dnsjava's {@link DNSSEC#verify}, at most
 * {@link #MAX_CHECKS_PER_RRSET} signature checks per RRset: keys sharing a key tag and many signatures would
 * otherwise multiply the work (KeyTrap, CVE-2023-50387).
 */
final class Signatures {
    /**
     * Signature checks tried per RRset before giving up on it: Unbound 1.19.1's {@code MAX_VALIDATE_RRSIGS} (8).
     * A real zone needs one or two (an algorithm rollover, a key tag shared by chance).
     */
    static final int MAX_CHECKS_PER_RRSET = 8;

    /**
     * The outcome of checking one RRset.
     *
     * @param sig the RRSIG that verified, or null
     * @param failure why none did, or null
     */
    record Verified(RRSIGRecord sig, Failure failure) {}

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Signatures() {}

    /** Null when one RRSIG by one of the keys verifies at {@code at}; else the most telling failure. */
    static Failure check(RRset rrset, Collection<DNSKEYRecord> keys, Name zone, Instant at, CheckBudget budget) {
        return verify(rrset, keys, zone, at, budget).failure();
    }

    /** As {@link #check}, with the RRSIG that verified (its label count tells a wildcard expansion). */
    static Verified verify(RRset rrset, Collection<DNSKEYRecord> keys, Name zone, Instant at, CheckBudget budget) {
        String what = Names.display(rrset.getName()) + " " + Type.string(rrset.getType());
        if (rrset.sigs().isEmpty()) {
            return new Verified(null, new Failure(DnssecProblemCode.DNSSEC_MISSING_RRSIG, "no RRSIG for " + what));
        }
        Failure best = null;
        Name below = null;
        int checks = 0;
        for (RRSIGRecord sig : rrset.sigs()) {
            if (!sig.getSigner().equals(zone)) {
                if (sig.getSigner().subdomain(zone)) {
                    below = sig.getSigner();
                }
                continue;
            }
            for (DNSKEYRecord key : keys) {
                if (key.getFootprint() != sig.getFootprint() || key.getAlgorithm() != sig.getAlgorithm()) {
                    continue;
                }
                if (checks++ == MAX_CHECKS_PER_RRSET) {
                    return new Verified(null, new Failure(DnssecProblemCode.DNSSEC_VALIDATION_LIMIT, "gave up on "
                            + what + " after " + MAX_CHECKS_PER_RRSET + " signature checks that failed (KeyTrap bound)"));
                }
                if (!budget.take()) {
                    return new Verified(null, new Failure(DnssecProblemCode.DNSSEC_VALIDATION_BUDGET, what
                            + " not checked: the trace's " + budget.limit() + " signature checks are used up"));
                }
                try {
                    DNSSEC.verify(rrset, sig, key, at);
                    return new Verified(sig, null);
                } catch (DNSSEC.SignatureExpiredException e) {
                    best = Failure.better(best, new Failure(DnssecProblemCode.DNSSEC_RRSIG_EXPIRED,
                            "RRSIG " + what + " expired " + date(sig.getExpire())));
                } catch (DNSSEC.SignatureNotYetValidException e) {
                    best = Failure.better(best, new Failure(DnssecProblemCode.DNSSEC_RRSIG_NOT_YET_VALID,
                            "RRSIG " + what + " not valid before " + date(sig.getTimeSigned())));
                } catch (DNSSEC.DNSSECException | RuntimeException e) {
                    best = Failure.better(best, new Failure(DnssecProblemCode.DNSSEC_SIGNATURE_INVALID,
                            "RRSIG " + what + " by key " + sig.getFootprint() + " does not verify"));
                }
            }
        }
        if (best == null && below != null) {
            // the server also serves a zone below the one it was delegated and answered from there
            return new Verified(null, new Failure(DnssecProblemCode.DNSSEC_SIGNER_BELOW_ZONE, "RRSIG " + what
                    + " is by " + Names.display(below) + ", a zone below " + Names.display(zone)
                    + " whose chain was not traced"));
        }
        if (best == null) {
            best = new Failure(DnssecProblemCode.DNSSEC_MISSING_RRSIG, "no RRSIG for " + what + " by a key of "
                    + Names.display(zone));
        }
        return new Verified(null, best);
    }

    /** A day when the moment is midnight UTC (as signers like to choose), else to the minute. */
    static String date(Instant instant) {
        if (instant.atZone(ZoneOffset.UTC).toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return instant.atZone(ZoneOffset.UTC).toLocalDate().toString();
        }
        return MINUTE.format(instant);
    }
}
