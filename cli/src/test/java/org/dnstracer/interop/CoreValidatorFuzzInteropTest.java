package org.dnstracer.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * dnsjava's validator ({@code CoreValidator}) against delv on the random zones of {@link DnssecFuzzInteropTest}
 * (wildcards, empty non-terminals, CNAMEs, DNAMEs, unsigned delegations; NSEC, NSEC3 or NSEC3 opt-out, signed by
 * dnssec-signzone and served by BIND): every difference must be a named {@link CoreAllowance}. Rounds while
 * {@code -Ddnstracer.corefuzz.seconds} (default 30) leave room for one more; the seed is printed and
 * {@code -Ddnstracer.fuzz.seed=N} replays it.
 */
@Tag("interop")
class CoreValidatorFuzzInteropTest {
    private static final int ZONES_PER_ROUND = 4;
    private static final int QUESTIONS_PER_ZONE = 15;

    @Test
    void onRandomZonesDnsjavasValidatorDiffersFromDelvOnlyWhereANamedAllowanceSaysWhy() throws Exception {
        Skip.unless(SignersLab.missingRequirement());
        long seed = Long.getLong("dnstracer.fuzz.seed", new Random().nextLong());
        long budgetNanos = Long.getLong("dnstracer.corefuzz.seconds", 30L) * 1_000_000_000L;
        System.out.println("interop: corefuzz: seed " + seed + " (replay with -Ddnstracer.fuzz.seed=" + seed + ")");
        long started = System.nanoTime();
        long longestRound = 0;
        int rounds = 0;
        int questionsAsked = 0;
        int agree = 0;
        int oursAgree = 0;
        Map<CoreAllowance, Integer> allowed = new EnumMap<>(CoreAllowance.class);
        List<String> unexplained = new ArrayList<>();
        while (rounds == 0 || System.nanoTime() - started + longestRound < budgetNanos) {
            long roundStart = System.nanoTime();
            Random rnd = new Random(seed + rounds);
            List<FuzzZone> zones = new ArrayList<>();
            for (int i = 0; i < ZONES_PER_ROUND; i++) {
                zones.add(new FuzzZone("c" + rounds + "z" + i + ".sig",
                        "c" + rounds + "z" + ((i + 1) % ZONES_PER_ROUND) + ".sig", rnd));
            }
            List<SignedQuestion> questions = new ArrayList<>();
            for (FuzzZone z : zones) {
                for (int q = 0; q < QUESTIONS_PER_ZONE; q++) {
                    questions.add(z.question(rnd));
                }
            }
            Path run = SignersLab.newRunDir();
            DnssecFuzzInteropTest.write(run, zones);
            try (SignersLab lab = SignersLab.start("g", run)) {
                CoreDelvDifferential.Result result = CoreDelvDifferential.compare(lab, questions,
                        zone -> zones.stream().filter(z -> z.name.equals(zone)).map(z -> z.mode).findFirst()
                                .orElse(""), "corefuzz");
                questionsAsked += result.questions();
                agree += result.coreAgreesDelv();
                oursAgree += result.oursAgreesCore();
                result.allowed().forEach((a, n) -> allowed.merge(a, n, Integer::sum));
                for (String u : result.unexplained()) {
                    unexplained.add("round " + rounds + ": " + u);
                }
            }
            rounds++;
            longestRound = Math.max(longestRound, System.nanoTime() - roundStart);
        }
        System.out.println("interop: corefuzz: seed " + seed + ": " + rounds + " rounds, " + rounds * ZONES_PER_ROUND
                + " zones, " + questionsAsked + " questions: dnsjava's validator agrees with delv on " + agree
                + ", allowed " + allowed + ", unexplained " + unexplained.size() + "; it agrees with ours on "
                + oursAgree + "; " + (System.nanoTime() - started) / 1_000_000_000 + " s");
        assertThat(questionsAsked).isPositive();
        assertThat(unexplained).as("seed " + seed + ":\n" + String.join("\n\n", unexplained)).isEmpty();
    }
}
