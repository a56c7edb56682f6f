package org.dnstracer.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import org.junit.jupiter.api.Test;

class DrillTraceOutputTest {
    private static final String ROOT_AND_SEC = """
            ;; Domain: .
            [T] . 3600 IN DNSKEY 257 3 8 ;{id = 55655 (ksk), size = 2048b}
            Key is now trusted!
            [T] sec. 3600 IN DS 19532 13 2 5d853b0ad0e6b3189986937054e9dde7189be7b9f6d970ca6ca85deb0b6a6fba
            ;; Domain: sec.
            [T] sec. 3600 IN DNSKEY 257 3 13 ;{id = 19532 (ksk), size = 256b}
            """;

    @Test
    void trustedKeysAreSecureAndABogusKeyIsBogus() {
        String out = ROOT_AND_SEC + """
                [T] expired.sec. 3600 IN DS 8217 13 2 a919ab74d6fc07de79ba840f22c3038d7f3178a4c8628977d9895c95887d59a3
                ;; Domain: expired.sec.
                [B] expired.sec. 3600 IN DNSKEY 257 3 13 ;{id = 8217 (ksk), size = 256b}
                [B] www.expired.sec.	3600	IN	A	192.0.2.80
                """;

        assertThat(DrillTraceOutput.alongChain(out, List.of(".", "sec.", "expired.sec.")).byZone())
                .containsExactly(entry(".", "secure"), entry("sec.", "secure"), entry("expired.sec.", "bogus"));
    }

    @Test
    void aKeyThatOnlySignsItselfBecauseTheDsMatchesNoneIsBogus() {
        String out = ROOT_AND_SEC + """
                ;; Domain: dsmismatch.sec.
                ;; Signature ok but no chain to a trusted key or ds record
                [S] dsmismatch.sec. 3600 IN DNSKEY 257 3 13 ;{id = 33425 (ksk), size = 256b}
                """;

        assertThat(DrillTraceOutput.alongChain(out, List.of(".", "sec.", "dsmismatch.sec.")).of("dsmismatch.sec."))
                .contains("bogus");
    }

    @Test
    void aZoneWithoutKeysWhoseDsIsProvenAbsentIsInsecure() {
        String out = ROOT_AND_SEC + """
                [T] Existence denied: unsigned.sec. DS
                ;; No ds record for delegation
                ;; Domain: unsigned.sec.
                ;; No DNSKEY record found for unsigned.sec.
                [U] www.unsigned.sec.	3600	IN	A	192.0.2.80
                """;

        assertThat(DrillTraceOutput.alongChain(out, List.of(".", "sec.", "unsigned.sec.")).of("unsigned.sec."))
                .contains("insecure");
    }

    @Test
    void aZoneDrillNeverReachedIsNotJudged() {
        assertThat(DrillTraceOutput.alongChain(ROOT_AND_SEC, List.of(".", "sec.", "ok.sec.")).of("ok.sec.")).isEmpty();
    }
}
