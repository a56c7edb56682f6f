package org.dnstracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The findings block of a run's text output, line by line, as its fixed fields. */
final class FindingLines {
    /** severity, code, zone, server with its address: the fixed fields of a findings line. */
    private static final Pattern LINE =
            Pattern.compile("^(error|warning|notice) +(\\S+)  (\\S+)  (\\S+(?: \\([^)]*\\))?)  .*$");

    /** One line's fixed fields. */
    record Line(String severity, String code, String zone, String server) {
        /** "CODE zone server (address)" */
        String withoutSeverity() {
            return code + " " + zone + " " + server;
        }

        /** "severity CODE zone server (address)" */
        String withSeverity() {
            return severity + " " + withoutSeverity();
        }
    }

    private FindingLines() {}

    /** Runs the tool with these arguments and reads its findings block (none: an empty list). */
    static List<Line> of(List<String> args) {
        String out = CliRun.of(args.toArray(String[]::new)).out();
        int block = out.indexOf("\nFindings:\n");
        if (block < 0) {
            return List.of();
        }
        // the block ends at the blank line before the summary line
        return out.substring(block + "\nFindings:\n".length()).lines().takeWhile(l -> !l.isEmpty()).map(l -> {
            Matcher m = LINE.matcher(l);
            assertThat(m.matches()).as("findings line: %s", l).isTrue();
            return new Line(m.group(1), m.group(2), m.group(3), m.group(4));
        }).toList();
    }
}
