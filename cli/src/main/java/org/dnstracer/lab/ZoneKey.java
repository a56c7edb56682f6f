package org.dnstracer.lab;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.Name;

/**
 * A zone's signing key (one key signs everything: a combined signing key with the SEP flag).
 *
 * @param dnskey the public half as published
 * @param privateKey the private half, or null for an algorithm the lab cannot sign with (signatures are then random
 *     bytes)
 */
record ZoneKey(DNSKEYRecord dnskey, PrivateKey privateKey) {
    static final int FLAGS = DNSKEYRecord.Flags.ZONE_KEY | DNSKEYRecord.Flags.SEP_KEY;
    static final long TTL = 3600;

    /*
     * Key generation is the slow part of starting a signed lab (RSA above all), and lab keys protect nothing: one key
     * per (zone, algorithm, purpose) serves every lab this JVM starts.
     */
    private static final Map<String, ZoneKey> CACHE = new ConcurrentHashMap<>();

    /** The key of a zone for an algorithm; {@code purpose} tells apart keys of the same zone (e.g. a decoy). */
    static ZoneKey of(Name zone, int algorithm, String purpose) {
        return CACHE.computeIfAbsent(zone.toString().toLowerCase(java.util.Locale.ROOT) + "/" + algorithm + "/" + purpose,
                k -> generate(zone, algorithm));
    }

    boolean canSign() {
        return privateKey != null;
    }

    private static ZoneKey generate(Name zone, int algorithm) {
        try {
            KeyPair pair;
            switch (algorithm) {
                case DNSSEC.Algorithm.RSASHA256 -> {
                    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                    // 1024 bits keep a signed lab's start fast; validators still accept them
                    g.initialize(1024);
                    pair = g.generateKeyPair();
                }
                case DNSSEC.Algorithm.ECDSAP256SHA256 -> {
                    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
                    g.initialize(new ECGenParameterSpec("secp256r1"));
                    pair = g.generateKeyPair();
                }
                case DNSSEC.Algorithm.ED25519 -> pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                default -> {
                    byte[] junk = new byte[64];
                    new SecureRandom().nextBytes(junk);
                    return new ZoneKey(new DNSKEYRecord(zone, DClass.IN, TTL, FLAGS, DNSKEYRecord.Protocol.DNSSEC,
                            algorithm, junk), null);
                }
            }
            DNSKEYRecord dnskey = new DNSKEYRecord(zone, DClass.IN, TTL, FLAGS, DNSKEYRecord.Protocol.DNSSEC, algorithm,
                    pair.getPublic());
            return new ZoneKey(dnskey, pair.getPrivate());
        } catch (GeneralSecurityException | DNSSEC.DNSSECException e) {
            throw new IllegalStateException("cannot make a key of algorithm " + algorithm + ": " + e.getMessage(), e);
        }
    }
}
