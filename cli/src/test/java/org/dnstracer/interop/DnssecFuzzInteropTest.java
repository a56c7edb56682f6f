package org.dnstracer.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 item 6, the differential fuzz test: rounds of random small zones ({@link FuzzZone}: wildcards, empty
 * non-terminals, CNAMEs, DNAMEs, unsigned delegations; NSEC, NSEC3 or NSEC3 opt-out) signed by BIND's
 * dnssec-signzone and served by BIND ({@link SignersLab}), random questions, our {@code -D} verdict against delv's.
 * A difference fails unless a named {@link DelvAllowance} explains it.
 *
 * <p>Bounded in time: rounds start while the budget ({@code -Ddnstracer.fuzz.seconds}, default 50) has room for
 * one more. The seed is printed; {@code -Ddnstracer.fuzz.seed=N} replays a run (a round's zones and questions
 * depend only on the seed and the round), {@code -Ddnstracer.fuzz.seconds=900} is the long run.
 */
@Tag("interop")
class DnssecFuzzInteropTest {
    private static final int ZONES_PER_ROUND = 4;
    private static final int QUESTIONS_PER_ZONE = 15;

    @Test
    void randomZonesRandomQuestionsVerdictsEqualDelvs() throws Exception {
        Skip.unless(SignersLab.missingRequirement());
        long seed = Long.getLong("dnstracer.fuzz.seed", new Random().nextLong());
        long budgetNanos = Long.getLong("dnstracer.fuzz.seconds", 50L) * 1_000_000_000L;
        System.out.println("interop: fuzz: seed " + seed + " (replay with -Ddnstracer.fuzz.seed=" + seed + ")");
        long started = System.nanoTime();
        long longestRound = 0;
        int rounds = 0;
        int zones = 0;
        List<DelvDifferential.Pair> pairs = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        while (rounds == 0 || System.nanoTime() - started + longestRound < budgetNanos) {
            long roundStart = System.nanoTime();
            int round = rounds;
            Random rnd = new Random(seed + rounds);
            List<FuzzZone> roundZones = new ArrayList<>();
            for (int i = 0; i < ZONES_PER_ROUND; i++) {
                roundZones.add(new FuzzZone("f" + rounds + "z" + i + ".sig",
                        "f" + rounds + "z" + ((i + 1) % ZONES_PER_ROUND) + ".sig", rnd));
            }
            List<SignedQuestion> questions = new ArrayList<>();
            for (FuzzZone z : roundZones) {
                for (int q = 0; q < QUESTIONS_PER_ZONE; q++) {
                    questions.add(z.question(rnd));
                }
            }
            Path run = SignersLab.newRunDir();
            write(run, roundZones);
            Map<String, String> zoneFiles = roundZones.stream()
                    .collect(Collectors.toMap(z -> z.name, FuzzZone::zoneFile));
            try (SignersLab lab = SignersLab.start("f", run)) {
                DelvDifferential.Result result = DelvDifferential.compare(lab, questions,
                        EnumSet.allOf(DelvAllowance.class));
                pairs.addAll(result.pairs());
                for (DelvDifferential.Pair p : result.pairs()) {
                    modelMismatch(p).ifPresent(why -> failures.add("round " + round + ": the zone model is wrong: "
                            + why + ": " + p.describe() + "\nzone " + p.question().zone() + ":\n"
                            + zoneFiles.get(p.question().zone()) + p.detail()));
                }
                for (DelvDifferential.Pair p : result.unexplained()) {
                    failures.add("round " + rounds + ": " + p.describe() + "\nzone " + p.question().zone() + " ("
                            + p.question().mode() + "):\n" + zoneFiles.get(p.question().zone()) + p.detail());
                }
            }
            rounds++;
            zones += roundZones.size();
            longestRound = Math.max(longestRound, System.nanoTime() - roundStart);
        }
        DelvDifferential.Result all = new DelvDifferential.Result(pairs);
        Map<QuestionKind, Long> kinds = new EnumMap<>(QuestionKind.class);
        pairs.forEach(p -> kinds.merge(p.question().kind(), 1L, Long::sum));
        System.out.println("interop: fuzz: seed " + seed + ": " + rounds + " rounds, " + zones + " zones (dnssec-signzone,"
                + " served by BIND), " + all.summary() + " in " + (System.nanoTime() - started) / 1_000_000_000
                + " s; questions by kind " + kinds);
        assertThat(pairs).as("no question was compared").isNotEmpty();
        assertThat(failures).as("seed " + seed + ":\n" + String.join("\n\n", failures)).isEmpty();
    }

    /**
     * The allowances are chosen by the kind of answer {@link FuzzZone#classify} says a question has; where delv
     * validated the answer, its output must show that kind (NXDOMAIN, NODATA, or data), or the model is wrong and
     * could hide a difference behind the wrong allowance.
     */
    static Optional<String> modelMismatch(DelvDifferential.Pair p) {
        if (!p.delv().equals("secure")) {
            return Optional.empty();
        }
        String out = p.delvOutput();
        boolean nxdomain = out.contains("$NXDOMAIN");
        boolean nodata = out.contains("$NXRRSET");
        return switch (p.question().kind()) {
            case NXDOMAIN -> nxdomain ? Optional.empty() : Optional.of("NXDOMAIN expected");
            case NODATA, EMPTY_NON_TERMINAL, WILDCARD_NODATA ->
                    nodata ? Optional.empty() : Optional.of("NODATA expected");
            case ANSWER, WILDCARD -> nxdomain || nodata ? Optional.of("an answer expected") : Optional.empty();
            default -> Optional.empty();
        };
    }

    static void write(Path run, List<FuzzZone> zones) throws java.io.IOException {
        Path in = run.resolve("in");
        List<String> list = new ArrayList<>();
        for (FuzzZone z : zones) {
            list.add(z.listLine());
            Files.writeString(in.resolve(z.name + ".zone"), z.zoneFile());
            for (Map.Entry<String, String> kid : z.kids().entrySet()) {
                list.add(kid.getKey() + " none - 4");
                Files.writeString(in.resolve(kid.getKey() + ".zone"), kid.getValue());
            }
        }
        Files.write(in.resolve("zones.list"), list);
    }
}
