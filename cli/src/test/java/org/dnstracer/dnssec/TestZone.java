package org.dnstracer.dnssec;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;

/** A zone with an ECDSA key, signing RRsets in tests with dnsjava's own {@link DNSSEC#sign}. */
final class TestZone {
    /** The moment every test validates at: signatures made by {@link #sign(Record...)} are valid then. */
    static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");

    final Name name;
    final DNSKEYRecord key;
    private final KeyPair pair;

    TestZone(String name) {
        this(name, 257);
    }

    /** A zone whose key has these DNSKEY flags (385: a revoked KSK; 1: no ZONE flag). */
    TestZone(String name, int flags) {
        try {
            this.name = Name.fromString(name);
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            this.pair = g.generateKeyPair();
            this.key = new DNSKEYRecord(this.name, DClass.IN, 3600, flags, 3, DNSSEC.Algorithm.ECDSAP256SHA256,
                    pair.getPublic());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    DSRecord ds() {
        return new DSRecord(name, DClass.IN, 3600, DSRecord.SHA256_DIGEST_ID, key);
    }

    /** The RRset with a signature valid from a month before {@link #NOW} to a month after. */
    RRset sign(Record... records) {
        return signBetween(NOW.minus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(30)), records);
    }

    RRset signBetween(Instant inception, Instant expiration, Record... records) {
        RRset set = new RRset(records);
        try {
            RRSIGRecord sig = DNSSEC.sign(set, key, pair.getPrivate(), inception, expiration);
            set.addRR(sig);
            return set;
        } catch (DNSSEC.DNSSECException e) {
            throw new IllegalStateException(e);
        }
    }

    RRset dnskeys() {
        return sign(key);
    }
}
