package org.dnstracer.dnssec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Name;

/** Trust anchors from a file, from records, or none; what they say about which zone. */
class TrustAnchorsTest {
    private static final Name EXAMPLE = Name.fromConstantString("example.");
    /** The KSK of the signed fixtures (signed/keys/Kexample.+013+32240.key), whose DS is dsset-example. */
    private static final String KSK = "example. 3600 IN DNSKEY 257 3 13 "
            + "Jhp0tvpgNpCgMjwENRsAVFi7/INiiIidIUt4vdGVQ+L9C5KVBmxDQ/ab t1kU37zOjOFqjfg3Wa7Zs99CupyWtw==";

    @Test
    void aDnskeyInAFileCountsAsItsSha256Ds(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("anchor.key");
        Files.writeString(file, KSK + "\n");
        TrustAnchors anchors = TrustAnchors.load(file);
        assertThat(anchors.source()).isEqualTo(file.toString());
        List<DSRecord> ds = anchors.forZone(EXAMPLE);
        assertThat(ds).singleElement().satisfies(d -> {
            assertThat(d.getDigestID()).isEqualTo(DSRecord.SHA256_DIGEST_ID);
            assertThat(d.rdataToString()).isEqualTo(SignedZoneFile.ds().rdataToString());
        });
        assertThat(anchors.all()).containsOnlyKeys(EXAMPLE);
        assertThat(anchors.toString()).isEqualTo("example " + ds.get(0).getFootprint());
        assertThat(anchors.forZone(Name.root)).isEmpty();
        assertThat(anchors.forZone(null)).isEmpty();
        assertThatThrownBy(() -> ds.add(ds.get(0))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aFileThatCannotBeReadOrHoldsNoKeyOrIncludesAnotherIsRefusedNamingIt(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing.key");
        assertThatThrownBy(() -> TrustAnchors.load(missing)).isInstanceOf(TrustAnchors.AnchorException.class)
                .hasMessageStartingWith(missing + ": cannot read");
        Path noKey = dir.resolve("a.zone");
        Files.writeString(noKey, "example. 3600 IN A 192.0.2.1\n");
        assertThatThrownBy(() -> TrustAnchors.load(noKey)).hasMessage(noKey + ": no DS or DNSKEY record found");
        // an anchor file must not read other files ($INCLUDE is off)
        Path other = dir.resolve("other.key");
        Files.writeString(other, KSK + "\n");
        Path including = dir.resolve("including.key");
        Files.writeString(including, "$INCLUDE " + other + "\n");
        assertThatThrownBy(() -> TrustAnchors.load(including)).isInstanceOf(TrustAnchors.AnchorException.class)
                .hasMessageStartingWith(including + ": ");
    }

    @Test
    void noAnchorsCoverNoZoneAndTheBuiltInOnesAreTheRootKsks() {
        TrustAnchors none = TrustAnchors.none("lab without signed zones");
        assertThat(none.forZone(Name.root)).isEmpty();
        assertThat(none.source()).isEqualTo("lab without signed zones");
        assertThat(none.toString()).isEmpty();
        assertThat(TrustAnchors.builtIn().toString()).isEqualTo(". 20326, . 38696");
    }
}
