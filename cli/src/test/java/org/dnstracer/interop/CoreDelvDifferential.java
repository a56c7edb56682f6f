package org.dnstracer.interop;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Asks every question of a signers lab with our {@code -D --json}, judges each saved run with dnsjava's validator
 * too ({@link CoreBatchTraces}), asks delv, and sorts dnsjava's differences from delv into the named
 * {@link CoreAllowance}s and the unexplained.
 */
final class CoreDelvDifferential {
    private static final Duration DELV_LIMIT = Duration.ofSeconds(20);

    /**
     * @param questions how many were asked
     * @param coreAgreesDelv how many dnsjava's verdict equals delv's on
     * @param oursAgreesCore how many dnsjava's verdict equals ours on
     * @param allowed the explained differences by allowance
     * @param unexplained the other differences, each with dnsjava's verdict on every server line
     */
    record Result(int questions, int coreAgreesDelv, int oursAgreesCore, Map<CoreAllowance, Integer> allowed,
            List<String> unexplained) {
        String summary() {
            return questions + " questions: dnsjava's validator agrees with delv on " + coreAgreesDelv + ", allowed "
                    + allowed + ", unexplained " + unexplained.size() + "; it agrees with our validator on "
                    + oursAgreesCore;
        }
    }

    private CoreDelvDifferential() {}

    static Result compare(SignersLab lab, List<SignedQuestion> questions, Function<String, String> modeOf, String tag)
            throws IOException, InterruptedException {
        List<List<String>> traces = new ArrayList<>();
        for (SignedQuestion q : questions) {
            traces.add(List.of("--root-hints", lab.rootHints().toString(), "-s", ".", "-D", "--json",
                    "--trust-anchor", lab.anchor().toString(), "-r", "3", "-t", "2", "-q", q.type(), q.name()));
        }
        List<String[]> runs = CoreBatchTraces.run(lab, traces, Duration.ofSeconds(60 + 5L * questions.size()));
        Map<CoreAllowance, Integer> allowed = new EnumMap<>(CoreAllowance.class);
        List<String> unexplained = new ArrayList<>();
        int coreAgreesDelv = 0;
        int oursAgreesCore = 0;
        for (int i = 0; i < questions.size(); i++) {
            SignedQuestion q = questions.get(i);
            String ours = runs.get(i)[0].isBlank() ? "no output" : OurAnswerVerdict.of(runs.get(i)[0]);
            String coreText = runs.get(i)[1];
            String core = coreText.lines().findFirst().orElse("");
            String lines = coreText.lines().skip(1).collect(Collectors.joining("\n"));
            Command.Result delvRun = lab.exec(DELV_LIMIT, List.of("/usr/bin/delv", "@127.0.0.1",
                    "-a", lab.delvAnchor().toString(), "+root", q.name(), q.type()));
            String delv = DelvOutput.answer(delvRun.stdout() + delvRun.stderr());
            String line = q + ": core " + core + ", ours " + ours + ", delv " + delv;
            if (core.equals(ours)) {
                oursAgreesCore++;
            }
            if (core.equals(delv)) {
                coreAgreesDelv++;
                continue;
            }
            Optional<CoreAllowance> allowance = EnumSet.allOf(CoreAllowance.class).stream()
                    .filter(a -> a.allows(q, core, delv, lines, modeOf)).findFirst();
            allowance.ifPresentOrElse(a -> allowed.merge(a, 1, Integer::sum),
                    () -> unexplained.add(line + "\n" + coreText));
            System.out.println("interop: " + tag + ": differs from delv: " + line + " ("
                    + allowance.map(a -> "allowed: " + a).orElse("UNEXPLAINED") + ")");
        }
        return new Result(questions.size(), coreAgreesDelv, oursAgreesCore, allowed, unexplained);
    }
}
