package org.dnstracer.dnssec;

import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;

/** A key as people name it: key tag and algorithm. */
public record KeyInfo(int keyTag, int algorithm) {
    static KeyInfo of(DNSKEYRecord key) {
        return new KeyInfo(key.getFootprint(), key.getAlgorithm());
    }

    /** RSASHA256, ECDSAP256SHA256, ED25519, or the number of an algorithm without a mnemonic. */
    public String algorithmName() {
        return algorithmNameOf(algorithm);
    }

    public static String algorithmNameOf(int algorithm) {
        String name = DNSSEC.Algorithm.string(algorithm);
        return name == null ? Integer.toString(algorithm) : name;
    }

    @Override
    public String toString() {
        return keyTag + " " + algorithmName();
    }
}
