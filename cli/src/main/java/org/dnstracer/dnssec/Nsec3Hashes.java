package org.dnstracer.dnssec;

import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.xbill.DNS.NSEC3Record;
import org.xbill.DNS.Name;
import org.xbill.DNS.utils.base32;

/**
 * NSEC3 owner hashes (RFC 5155 §5), each computed once per validation: a proof asks for the same few names
 * (closest encloser candidates, next closer names, wildcards) against every record of a chain, and with many
 * iterations that repetition is the cost (CVE-2023-50868). Not thread-safe: one per validation.
 */
final class Nsec3Hashes {
    /**
     * Above this many iterations a proof is not computed and the data is insecure (RFC 9276 §3.2). 150 is the
     * limit of BIND 9.18 ({@code DNS_NSEC3_MAXITERATIONS}) and of Unbound's default
     * {@code val-nsec3-keysize-iterations}; BIND 9.20 lowered it to 50. 150 is chosen so that our verdicts agree
     * with the delv 9.18 the interop tests compare with.
     */
    static final int MAX_ITERATIONS = 150;

    private static final base32 BASE32HEX = new base32(base32.Alphabet.BASE32HEX, false, false);

    private record Key(Name name, int algorithm, int iterations, String salt) {}

    private final Map<Key, String> cache = new HashMap<>();
    private int computed;

    /** The upper-case base32hex hash of the name with the record's parameters; null for an unknown algorithm. */
    String hash(NSEC3Record n, Name name) {
        if (n.getIterations() > MAX_ITERATIONS) {
            return null; // never computed: callers check excessive iterations first
        }
        byte[] salt = n.getSalt();
        Key key = new Key(name, n.getHashAlgorithm(), n.getIterations(), salt == null ? "" : Arrays.toString(salt));
        String known = cache.get(key);
        if (known != null || cache.containsKey(key)) {
            return known;
        }
        String hash;
        try {
            computed++;
            hash = BASE32HEX.toString(n.hashName(name)).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            hash = null;
        }
        cache.put(key, hash);
        return hash;
    }

    /** How many hashes were computed (not taken from the cache): for tests of the cache. */
    int computed() {
        return computed;
    }

    static String ownerHash(NSEC3Record n) {
        return n.getName().getLabelString(0).toUpperCase(Locale.ROOT);
    }

    static String nextHash(NSEC3Record n) {
        return BASE32HEX.toString(n.getNext()).toUpperCase(Locale.ROOT);
    }
}
