package org.dnstracer.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import org.junit.jupiter.api.Test;

class DelvOutputTest {
    private static final List<String> CHAIN = List.of(".", "sec.", "expired.sec.");

    @Test
    void aFullyValidatedAnswerMakesEveryZoneSecure() {
        String out = "; fully validated\nwww.ok.sec.\t\t3600\tIN\tA\t192.0.2.80\n";

        assertThat(DelvOutput.alongChain(out, List.of(".", "sec.", "ok.sec.")).byZone())
                .containsExactly(secure("."), secure("sec."), entry("ok.sec.", "secure"));
    }

    @Test
    void anUnsignedAnswerIsInsecureAtTheAnswersZone() {
        String out = "; unsigned answer\nwww.unsigned.sec.\t3600\tIN\tA\t192.0.2.80\n";

        assertThat(DelvOutput.alongChain(out, List.of(".", "sec.", "unsigned.sec.")).answer()).isEqualTo("insecure");
    }

    @Test
    void aBrokenChainBlamesTheZoneDelvCouldNotValidate() {
        String out = ";; validating expired.sec/DNSKEY: verify failed due to bad signature (keyid=8217): RRSIG has expired\n"
                + ";; validating expired.sec/DNSKEY: no valid signature found (DS)\n"
                + ";; broken trust chain resolving 'www.expired.sec/A/IN': 127.0.0.1#53\n"
                + ";; resolution failed: broken trust chain\n";

        assertThat(DelvOutput.alongChain(out, CHAIN).byZone()).containsExactly(secure("."), secure("sec."),
                entry("expired.sec.", "bogus"));
    }

    @Test
    void zonesBelowTheBlamedOneAreNotJudged() {
        String out = ";; validating sec/DNSKEY: no valid signature found (DS)\n;; resolution failed: broken trust chain\n";

        assertThat(DelvOutput.alongChain(out, CHAIN).byZone()).containsExactly(secure("."),
                entry("sec.", "bogus"));
    }

    @Test
    void aValidatedNxdomainIsSecureThoughDelvSaysResolutionFailed() {
        String out = ";; resolution failed: ncache nxdomain\n; negative response, fully validated\n";

        assertThat(DelvOutput.answer(out)).isEqualTo("secure");
    }

    /** delv 9.18 on cname-in.ldns-iter500.sig A of the real-signers lab (abridged): the chain's weakest part counts. */
    @Test
    void aValidatedCnameToAnUnsignedNxdomainIsInsecure() {
        String out = ";; resolution failed: ncache nxdomain\n; fully validated\n"
                + "cname-in.ldns-iter500.sig. 300\tIN\tCNAME\tmissing.ldns-iter500.sig.\n\n"
                + "; negative response, unsigned answer\n; missing.ldns-iter500.sig. 300\tIN\t\\-ANY\t;-$NXDOMAIN\n";

        assertThat(DelvOutput.answer(out)).isEqualTo("insecure");
    }

    @Test
    void aFailureOtherThanANegativeAnswerIsBogusWhateverElseValidated() {
        String out = "; fully validated\nx.sec. 300 IN CNAME y.sec.\n;; resolution failed: broken trust chain\n";

        assertThat(DelvOutput.answer(out)).isEqualTo("bogus");
    }

    @Test
    void outputWithoutAVerdictIsUnknown() {
        assertThat(DelvOutput.answer(";; connection timed out; no servers could be reached\n")).isEqualTo("unknown");
    }

    private static java.util.Map.Entry<String, String> secure(String zone) {
        return entry(zone, "secure");
    }
}
