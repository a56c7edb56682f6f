package org.dnstracer.dnssec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.NSEC3Record;
import org.xbill.DNS.Name;
import org.xbill.DNS.utils.base16;

/** NSEC3 owner hashes, computed once per name and parameters (RFC 5155 Appendix A's values). */
class Nsec3HashesTest {
    private static final Name EXAMPLE = Name.fromConstantString("example.");

    private static NSEC3Record nsec3(String salt) {
        return new NSEC3Record(Name.fromConstantString("0p9mhaveqvm6t7vbl5lop2u3t2rp3tom.example."), DClass.IN, 3600,
                NSEC3Record.SHA1_DIGEST_ID, 0, 12, base16.fromString(salt), new byte[20], new int[0]);
    }

    /** A zone changing its salt serves two chains for a while: a hash cached for one salt is not the other's. */
    @Test
    void theSameNameUnderAnotherSaltIsHashedAgain() {
        Nsec3Hashes hashes = new Nsec3Hashes();
        // RFC 5155 Appendix A: salt aabbccdd, 12 iterations, H(example) = 0p9mhaveqvm6t7vbl5lop2u3t2rp3tom
        assertThat(hashes.hash(nsec3("AABBCCDD"), EXAMPLE)).isEqualTo("0P9MHAVEQVM6T7VBL5LOP2U3T2RP3TOM");
        String other = hashes.hash(nsec3("01020304"), EXAMPLE);
        assertThat(other).isNotEqualTo("0P9MHAVEQVM6T7VBL5LOP2U3T2RP3TOM").hasSize(32);
        assertThat(hashes.computed()).isEqualTo(2);
        // asked again, each comes from the cache
        assertThat(hashes.hash(nsec3("AABBCCDD"), EXAMPLE)).isEqualTo("0P9MHAVEQVM6T7VBL5LOP2U3T2RP3TOM");
        assertThat(hashes.hash(nsec3("01020304"), EXAMPLE)).isEqualTo(other);
        assertThat(hashes.computed()).isEqualTo(2);
    }
}
