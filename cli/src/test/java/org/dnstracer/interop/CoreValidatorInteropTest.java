package org.dnstracer.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 item 1, measured: dnsjava's validator (Unbound's, run per server line over the trace's recorded replies by
 * {@code CoreValidator}) against delv and against our hand-written validator, on every question of
 * {@link SignerZones} (zones of BIND's dnssec-signzone, ldns-signzone and Knot, served by BIND, NSD and Knot).
 */
@Tag("interop")
class CoreValidatorInteropTest {
    private static final Duration DELV_LIMIT = Duration.ofSeconds(20);
    private static SignersLab lab;
    private static String skipped;

    @BeforeAll
    static void startLab() throws Exception {
        skipped = SignersLab.missingRequirement().orElse(null);
        Skip.unless(Optional.ofNullable(skipped));
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

    @Test
    void dnsjavasValidatorOnRealSignersZonesAgainstDelvAndOurs() throws Exception {
        List<SignedQuestion> questions = SignerZones.questions();
        List<List<String>> traces = new ArrayList<>();
        for (SignedQuestion q : questions) {
            traces.add(List.of("--root-hints", lab.rootHints().toString(), "-s", ".", "-D", "--json",
                    "--trust-anchor", lab.anchor().toString(), "-r", "3", "-t", "2", "-q", q.type(), q.name()));
        }
        List<String[]> runs = CoreBatchTraces.run(lab, traces, Duration.ofSeconds(60 + 5L * questions.size()));
        Map<String, String> unexplained = new LinkedHashMap<>();
        Map<CoreAllowance, Integer> allowed = new EnumMap<>(CoreAllowance.class);
        Map<String, String> coreVersusOurs = new LinkedHashMap<>();
        int coreAgreesDelv = 0;
        for (int i = 0; i < questions.size(); i++) {
            SignedQuestion q = questions.get(i);
            String ours = runs.get(i)[0].isBlank() ? "no output" : OurAnswerVerdict.of(runs.get(i)[0]);
            String coreText = runs.get(i)[1];
            String core = coreText.lines().findFirst().orElse("");
            Command.Result delvRun = lab.exec(DELV_LIMIT, List.of("/usr/bin/delv", "@127.0.0.1",
                    "-a", lab.delvAnchor().toString(), "+root", q.name(), q.type()));
            String delv = DelvOutput.answer(delvRun.stdout() + delvRun.stderr());
            String line = q + ": core " + core + ", ours " + ours + ", delv " + delv;
            System.out.println("interop: core: " + line);
            String lines = coreText.lines().skip(1).collect(Collectors.joining("\n"));
            if (core.equals(delv)) {
                coreAgreesDelv++;
            } else {
                Optional<CoreAllowance> allowance = EnumSet.allOf(CoreAllowance.class).stream()
                        .filter(a -> a.allows(q, core, delv, lines)).findFirst();
                allowance.ifPresentOrElse(a -> allowed.merge(a, 1, Integer::sum),
                        () -> unexplained.put(q.toString(), line + "\n" + coreText));
                if (allowance.isEmpty()) {
                    System.out.println(coreText);
                }
                System.out.println("interop: core: differs from delv: " + line + " ("
                        + allowance.map(a -> "allowed: " + a).orElse("UNEXPLAINED") + ")");
            }
            if (!core.equals(ours)) {
                coreVersusOurs.put(q.toString(), line + "\n" + coreText);
            }
        }
        System.out.println("interop: core: " + SignerZones.ZONES.size() + " signed zones, " + questions.size()
                + " questions: dnsjava's validator agrees with delv on " + coreAgreesDelv + ", allowed " + allowed
                + ", unexplained " + unexplained.size() + "; it agrees with our validator on "
                + (questions.size() - coreVersusOurs.size()));
        assertThat(coreAgreesDelv).isGreaterThan(questions.size() / 2);
        assertThat(unexplained.values()).as(() -> String.join("\n\n", unexplained.values())).isEmpty();
    }
}
