package org.dnstracer.interop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DrillChaseOutputTest {
    @Test
    void aSuccessfulChaseIsSecure() {
        assertThat(DrillChaseOutput.answer("|---. (DNSKEY keytag: 6601 alg: 8 flags: 257)\n;; Chase successful\n"))
                .isEqualTo("secure");
    }

    @Test
    void aFailedChaseIsBogus() {
        assertThat(DrillChaseOutput.answer("No trusted keys found in tree: first error was: DNSSEC signature has "
                + "expired\n;; Chase failed.\n")).isEqualTo("bogus");
    }

    @Test
    void noVerdictIsUnknown() {
        assertThat(DrillChaseOutput.answer("Error: error sending query: Could not send or receive\n"))
                .isEqualTo("unknown");
    }
}
