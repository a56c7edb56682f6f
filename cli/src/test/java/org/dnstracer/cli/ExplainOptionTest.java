package org.dnstracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.dnstracer.findings.FindingCode;
import org.dnstracer.findings.FindingDoc;
import org.junit.jupiter.api.Test;

/** {@code --explain CODE}: one code's documentation, status 0; a wrong code or a HOST besides is a usage error. */
class ExplainOptionTest {
    @Test
    void printsTheCodesDocumentationInAnyCase() {
        CliRun run = CliRun.of("--explain", "soa_serial_only_mismatch");
        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo(FindingDoc.explain(FindingCode.SOA_SERIAL_ONLY_MISMATCH))
                .startsWith("SOA_SERIAL_ONLY_MISMATCH (notice, from --check)\n")
                .contains("\nZonemaster: CONSISTENCY01 (MULTIPLE_SOA_SERIALS_OK)\n");
    }

    @Test
    void anUnknownCodeOrAHostIsAUsageErrorOnOneLine() {
        CliRun unknown = CliRun.of("--explain", "NO_SUCH_THING");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err())
                .isEqualTo("dnstracer: --explain: no finding code 'NO_SUCH_THING' (the codes: docs/findings.md)\n");
        CliRun withHost = CliRun.of("--explain", "CNAME_LOOP", "www.example.com");
        assertThat(withHost.status()).isEqualTo(2);
        assertThat(withHost.err()).isEqualTo("dnstracer: --explain prints a finding code's documentation; no HOST "
                + "('www.example.com')\n");
    }
}
