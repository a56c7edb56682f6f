package org.dnstracer.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 item 1, measured: dnsjava's validator (Unbound's, run per server line over the trace's recorded replies by
 * {@code CoreValidator}) against delv and against our hand-written validator, on every question of
 * {@link SignerZones} (zones of BIND's dnssec-signzone, ldns-signzone and Knot, served by BIND, NSD and Knot). Every
 * difference from delv must be a named {@link CoreAllowance}.
 */
@Tag("interop")
class CoreValidatorInteropTest {
    private static SignersLab lab;

    @BeforeAll
    static void startLab() throws Exception {
        Skip.unless(SignersLab.missingRequirement());
        Path run = SignersLab.newRunDir();
        SignerZones.write(run);
        lab = SignersLab.start("c", run);
    }

    @AfterAll
    static void stopLab() {
        if (lab != null) {
            lab.close();
        }
    }

    static String modeOf(String zone) {
        return SignerZones.ZONES.stream().filter(z -> z.name().equals(zone)).map(SignerZones.Zone::mode).findFirst()
                .orElse("");
    }

    @Test
    void dnsjavasValidatorDiffersFromDelvOnlyWhereANamedAllowanceSaysWhy() throws Exception {
        CoreDelvDifferential.Result result = CoreDelvDifferential.compare(lab, SignerZones.questions(),
                CoreValidatorInteropTest::modeOf, "core");
        System.out.println("interop: core: " + SignerZones.ZONES.size() + " signed zones, " + result.summary());
        assertThat(result.questions()).isEqualTo(SignerZones.questions().size());
        assertThat(result.coreAgreesDelv()).isGreaterThan(result.questions() / 2);
        assertThat(result.unexplained()).as(() -> String.join("\n\n", result.unexplained())).isEmpty();
    }
}
