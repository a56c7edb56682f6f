package org.dnstracer.interop;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Asks every question of a real-signers lab with our {@code -D --json} (all in one JVM inside the namespace) and with
 * delv (same trust anchor, through the lab's non-validating recursive BIND), and sorts each pair of verdicts into
 * agreement, a named {@link DelvAllowance}, or an unexplained difference.
 */
final class DelvDifferential {
    private static final Duration DELV_LIMIT = Duration.ofSeconds(20);

    /** One compared question: both verdicts, the allowance that explains their difference if any. */
    record Pair(SignedQuestion question, String ours, String delv, Optional<DelvAllowance> allowance, String detail,
            String delvOutput) {
        boolean agrees() {
            return ours.equals(delv);
        }

        String describe() {
            return question + ": ours " + ours + ", delv " + delv
                    + allowance.map(a -> " (allowed: " + a + ")").orElse(agrees() ? "" : " (UNEXPLAINED)");
        }
    }

    record Result(List<Pair> pairs) {
        long agreements() {
            return pairs.stream().filter(Pair::agrees).count();
        }

        List<Pair> allowed() {
            return pairs.stream().filter(p -> !p.agrees() && p.allowance().isPresent()).toList();
        }

        List<Pair> unexplained() {
            return pairs.stream().filter(p -> !p.agrees() && p.allowance().isEmpty()).toList();
        }

        Map<DelvAllowance, Long> allowanceCounts() {
            Map<DelvAllowance, Long> counts = new EnumMap<>(DelvAllowance.class);
            allowed().forEach(p -> counts.merge(p.allowance().get(), 1L, Long::sum));
            return counts;
        }

        String summary() {
            return pairs.size() + " questions, " + agreements() + " agree with delv, " + allowed().size()
                    + " allowed " + allowanceCounts() + ", " + unexplained().size() + " unexplained";
        }
    }

    private DelvDifferential() {}

    static Result compare(SignersLab lab, List<SignedQuestion> questions, Set<DelvAllowance> allowances)
            throws IOException, InterruptedException {
        List<List<String>> traces = new ArrayList<>();
        for (SignedQuestion q : questions) {
            traces.add(List.of("--root-hints", lab.rootHints().toString(), "-s", ".", "-D", "--json",
                    "--trust-anchor", lab.anchor().toString(), "-r", "3", "-t", "2", "-q", q.type(), q.name()));
        }
        // generous: each trace is a few dozen loopback queries; a slow machine must not turn into a failure
        List<Command.Result> ours = BatchTraces.run(lab, traces, Duration.ofSeconds(60 + 5L * questions.size()));
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            SignedQuestion q = questions.get(i);
            Command.Result mine = ours.get(i);
            String our = mine.stdout().isBlank() ? "no output (exit " + mine.exit() + ": " + mine.stderr().strip() + ")"
                    : OurAnswerVerdict.of(mine.stdout());
            Command.Result delvRun = lab.exec(DELV_LIMIT, List.of("/usr/bin/delv", "@127.0.0.1",
                    "-a", lab.delvAnchor().toString(), "+root", q.name(), q.type()));
            String delvOut = delvRun.stdout() + delvRun.stderr();
            String delv = DelvOutput.answer(delvOut);
            Optional<DelvAllowance> allowance = our.equals(delv) ? Optional.empty()
                    : allowances.stream().filter(a -> a.allows(q, our, delv)).findFirst();
            pairs.add(new Pair(q, our, delv, allowance, "=== ours: exit " + mine.exit() + " "
                    + (mine.stdout().isBlank() ? "" : OurAnswerVerdict.reasons(mine.stdout())) + "\n" + mine.stderr()
                    + "\n=== delv: " + delvRun.describe(), delvOut));
        }
        return new Result(pairs);
    }
}
