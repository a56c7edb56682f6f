package org.dnstracer.cli;

import java.util.List;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Map;
import org.dnstracer.render.FindingsSummary;
import org.dnstracer.bulk.BulkResult;
import org.dnstracer.findings.Severity;
import org.dnstracer.bulk.BulkSettings;
import org.dnstracer.bulk.BulkSetup;
import org.dnstracer.bulk.JudgedName;
import org.dnstracer.bulk.NameJudging;
import org.dnstracer.bulk.BulkSummary;
import org.dnstracer.bulk.BulkTracer;
import org.dnstracer.bulk.NameVerdict;
import org.dnstracer.net.Transport;

/**
 * {@code --bulk}: reads names, traces them with a {@link BulkTracer} and writes NDJSON, then a summary on standard
 * error. The exit status: 3 when reading or writing failed, else 4 when some name had a finding at the
 * {@code --fail-on} severity or worse, else 2 when an input line was not a name, else 1 when some name got no
 * authoritative answer (or failed inside this program), else 0.
 */
final class BulkRun {
    /** Where names come from and where lines go. */
    record Files(String input, Path out, boolean resume, boolean full, boolean progress, int defaultType) {}

    /** Names listed in the summary as broken, at most. */
    static final int BROKEN_LISTED = 20;

    /**
     * Lines that may wait for a slow earlier name, per name in flight: a summary line is 1-3 KB, a whole trace
     * document (--json) several times that (4.6 KB against 1.6 KB for www.example.com of the built-in lab). At
     * 2,000 names a second a name that takes 3.5 s (a silent server, -t 1) holds back 7,000 others; 32 x 256 lines
     * are some 20 MB.
     */
    private static final int LINES_WAITING = 32;
    private static final int FULL_LINES_WAITING = 4;

    /**
     * One name's output line, newline included, its verdict for the progress bar, whether it reached --fail-on,
     * its shown findings per severity, and whether it is broken (an error finding shown, or no answer).
     */
    private record Line(String text, NameVerdict verdict, boolean failed, Map<Severity, Integer> counts,
            String name, boolean broken) {}

    /** What the summary adds to the tracer's totals: findings per severity, the broken names. */
    private static final class Tally {
        final Map<Severity, Long> findings = new EnumMap<>(Severity.class);
        final List<String> broken = new ArrayList<>();
        long brokenCount;
        boolean failed;

        void add(Line line) {
            line.counts().forEach((s, n) -> findings.merge(s, (long) n, Long::sum));
            failed |= line.failed();
            if (line.broken()) {
                brokenCount++;
                if (broken.size() < BROKEN_LISTED) {
                    broken.add(line.name());
                }
            }
        }
    }

    private BulkRun() {}

    private static void write(Writer out, String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param judging how each name is judged, as a single trace would be */
    static int run(Transport transport, BulkSettings settings, Files files, NameJudging judging, PrintWriter stdout,
            PrintWriter err) throws IOException {
        ResumeKeys done = files.resume() ? ResumeKeys.load(files.out()) : new ResumeKeys();
        long total = "-".equals(files.input()) ? -1 : countNames(Path.of(files.input()), files.defaultType());
        try (BufferedReader in = open(files.input());
                Writer out = files.out() == null ? unclosed(stdout) : outFile(files.out(), files.resume());
                BulkSetup setup = new BulkSetup(transport, settings, judging)) {
            BulkTracer bulk = setup.tracer();
            BulkInputReader inputs = new BulkInputReader(in, files.defaultType(), done::isDone);
            BulkSummary summary;
            Tally tally = new Tally();
            try (BulkProgress progress = BulkProgress.start(files.progress(),
                    total < 0 ? -1 : Math.max(0, total - done.size()))) {
                // findings and JSON on the tracing threads, in parallel; the sink only writes, in order
                summary = bulk.run(inputs, result -> line(setup.judge(result), files.full()),
                        line -> {
                    write(out, line.text());
                    tally.add(line);
                    progress.done(line.verdict());
                }, files.full() ? FULL_LINES_WAITING * settings.parallel() : LINES_WAITING * settings.parallel());
            }
            out.flush();
            err.println("dnstracer: " + describe(summary, inputs.skipped()) + "; findings: "
                    + FindingsSummary.counts(tally.findings) + rateText(settings, bulk.rateWaitNanos()));
            if (tally.brokenCount > 0) {
                err.println("dnstracer: " + tally.brokenCount + (tally.brokenCount == 1 ? " name" : " names")
                        + " with an error finding or without an authoritative answer"
                        + (tally.brokenCount > tally.broken.size() ? " (the first " + tally.broken.size() + ")" : "")
                        + ": " + String.join(", ", tally.broken));
            }
            err.flush();
            // the highest applicable status wins, as documented
            if (tally.failed) {
                return Cli.FINDINGS;
            }
            if (summary.badInputs() > 0) {
                return Cli.USAGE;
            }
            return summary.names() == summary.count(NameVerdict.ANSWER) + summary.count(NameVerdict.NXDOMAIN)
                    + summary.count(NameVerdict.NODATA) ? Cli.OK : Cli.NO_AUTHORITATIVE_ANSWER;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** One name's output line and what the summary counts of it. */
    private static Line line(JudgedName judged, boolean full) {
        BulkResult result = judged.result();
        return new Line(judged.text(full), result.verdict(), judged.failed(), judged.shownCounts(),
                result.input().text(), judged.broken());
    }

    /**
     * How long queries were held back by {@code --rate}, summed over all of them (several wait at once, so this may
     * exceed the run's time), when any was.
     */
    static String rateText(BulkSettings settings, long waitedNanos) {
        if (waitedNanos < 50_000_000) {
            return ""; // a few milliseconds of waiting in all did not slow the run: "0.0 s" would only puzzle
        }
        return String.format(Locale.ROOT, "; --rate %s throttled the run: queries waited %.1f s in all for their "
                + "turn (--rate 0: no limit)", new java.math.BigDecimal(settings.ratePerServer()).stripTrailingZeros()
                .toPlainString(), waitedNanos / 1e9);
    }

    static String describe(BulkSummary s, long skipped) {
        long traced = s.names() - s.badInputs();
        StringBuilder b = new StringBuilder();
        b.append(s.names()).append(s.names() == 1 ? " name" : " names").append(" in ")
                .append(String.format(Locale.ROOT, "%.1f s (%.0f names/s): ", s.elapsedMillis() / 1000.0,
                        s.namesPerSecond()));
        for (NameVerdict v : NameVerdict.values()) {
            b.append(s.count(v)).append(' ').append(v.jsonName()).append(v == NameVerdict.ERROR ? "" : ", ");
        }
        b.append(" (").append(s.badInputs()).append(" bad input lines); ").append(s.queries()).append(" queries");
        if (traced > 0) {
            b.append(String.format(Locale.ROOT, " (%.1f per name)", (double) s.queries() / traced));
        }
        b.append(", ").append(s.referralsReused()).append(" referrals reused");
        if (skipped > 0) {
            b.append("; ").append(skipped).append(" names already in the output skipped (--resume)");
        }
        return b.toString();
    }

    /** Standard output stays open for whoever prints after the run. */
    private static Writer unclosed(Writer w) {
        return new java.io.FilterWriter(w) {
            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    private static BufferedReader open(String input) throws IOException {
        if ("-".equals(input)) {
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        }
        return java.nio.file.Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8);
    }

    private static Writer outFile(Path out, boolean append) throws IOException {
        return new BufferedWriter(java.nio.file.Files.newBufferedWriter(out, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING), 1 << 16);
    }

    /** Input lines that are names or bad lines (not blank, not comments): the progress bar's total. */
    private static long countNames(Path input, int defaultType) throws IOException {
        try (var lines = java.nio.file.Files.lines(input, StandardCharsets.UTF_8)) {
            return lines.filter(l -> {
                String t = l.strip();
                return !t.isEmpty() && !t.startsWith("#");
            }).count();
        }
    }
}
