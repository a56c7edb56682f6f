package org.dnstracer.lab;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * How the lab signs one zone when it is started with DNSSEC ({@code sign} line of a lab file):
 *
 * <pre>
 * sign ZONE [algorithm=N] [nsec|nsec3] [expired|not-yet-valid] [ds-mismatch] [expired-on=SERVER[,SERVER...]]
 * </pre>
 *
 * @param zone the zone's origin; every file served for it is signed with the same key
 * @param algorithm 8 (RSASHA256), 13 (ECDSAP256SHA256), 15 (ED25519); any other number gets a key and signatures of
 *     random bytes, an algorithm no validator can check
 * @param nsec3 deny with NSEC3 (SHA-1, no salt, 0 iterations, no opt-out) instead of NSEC
 * @param expired every signature of the zone expired a day before the lab started
 * @param notYetValid every signature of the zone starts to be valid the day after the lab started
 * @param dsMismatch the parent publishes a DS that matches no key of the zone
 * @param expiredOn servers whose copy of the zone has expired signatures (the others' are valid)
 */
public record SigningSpec(Name zone, int algorithm, boolean nsec3, boolean expired, boolean notYetValid,
        boolean dsMismatch, Set<Name> expiredOn) {
    public static final int DEFAULT_ALGORITHM = DNSSEC.Algorithm.ECDSAP256SHA256;

    public SigningSpec {
        expiredOn = Set.copyOf(expiredOn);
        if (algorithm < 1 || algorithm > 255) {
            throw new IllegalArgumentException("algorithm must be 1-255, not " + algorithm);
        }
        if (expired && notYetValid) {
            throw new IllegalArgumentException("expired and not-yet-valid exclude each other");
        }
    }

    /** Whether the copy a server serves carries expired signatures. */
    public boolean expiredOn(Name server) {
        return expired || expiredOn.contains(server);
    }

    /** Reads the words after {@code sign ZONE}. */
    static SigningSpec parse(Name zone, String[] words) {
        int algorithm = DEFAULT_ALGORITHM;
        boolean nsec3 = false;
        boolean expired = false;
        boolean notYetValid = false;
        boolean dsMismatch = false;
        Set<Name> expiredOn = new LinkedHashSet<>();
        for (String word : words) {
            String lower = word.toLowerCase(Locale.ROOT);
            if (lower.startsWith("algorithm=")) {
                try {
                    algorithm = Integer.parseInt(lower.substring("algorithm=".length()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("algorithm= needs a number (8, 13, 15, ...), not '" + word + "'");
                }
            } else if (lower.equals("nsec")) {
                nsec3 = false;
            } else if (lower.equals("nsec3")) {
                nsec3 = true;
            } else if (lower.equals("expired")) {
                expired = true;
            } else if (lower.equals("not-yet-valid")) {
                notYetValid = true;
            } else if (lower.equals("ds-mismatch")) {
                dsMismatch = true;
            } else if (lower.startsWith("expired-on=")) {
                for (String s : lower.substring("expired-on=".length()).split(",", -1)) {
                    try {
                        expiredOn.add(LabNames.parse(s));
                    } catch (TextParseException e) {
                        throw new IllegalArgumentException("bad server name '" + s + "' in " + word);
                    }
                }
            } else {
                throw new IllegalArgumentException("unknown signing option '" + word
                        + "' (known: algorithm=N nsec nsec3 expired not-yet-valid ds-mismatch expired-on=SERVER,...)");
            }
        }
        return new SigningSpec(zone, algorithm, nsec3, expired, notYetValid, dsMismatch, expiredOn);
    }
}
