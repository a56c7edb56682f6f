package org.dnstracer.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The options part of docs/usage.md, in Markdown, from the command model that --help and the man page
 * ({@link ManPage}) are made from: the same groups, descriptions, defaults, examples and exit statuses, so that the
 * three cannot drift. {@code UsagePageTest} pins the page to it.
 */
final class UsagePage {
    private UsagePage() {}

    static String render(CommandSpec spec) {
        StringBuilder m = new StringBuilder();
        for (CommandModel.Group g : CommandModel.GROUPS) {
            m.append("### ").append(g.heading()).append("\n\n| Option | Meaning |\n|---|---|\n");
            for (String name : g.options()) {
                OptionSpec o = spec.findOption(name);
                m.append("| ").append(names(o)).append(" | ").append(cell(ManPage.description(o))).append(" |\n");
            }
            m.append('\n');
        }
        m.append("### Examples\n\n| Command | For |\n|---|---|\n");
        for (CommandModel.Example e : CommandModel.EXAMPLES) {
            m.append("| `").append(e.command()).append("` | ").append(cell(e.purpose())).append(" |\n");
        }
        m.append("\n### Exit statuses, as `--help` lists them\n\n| Status | When |\n|---|---|\n");
        for (String[] status : CommandModel.EXIT_STATUS) {
            m.append("| ").append(status[0]).append(" | ").append(cell(status[1])).append(" |\n");
        }
        m.append('\n').append(CommandModel.BULK_EXIT_STATUS).append('\n');
        return m.toString();
    }

    /** {@code `-q`, `--query-type TYPE`}: the names, the last with its parameter ([DIR] when optional). */
    private static String names(OptionSpec o) {
        StringBuilder b = new StringBuilder();
        String[] names = o.names();
        for (int i = 0; i < names.length; i++) {
            b.append(i == 0 ? "`" : ", `").append(names[i]);
            if (i == names.length - 1 && o.arity().max() > 0) {
                b.append(o.arity().min() == 0 ? " [" + o.paramLabel() + "]" : " " + o.paramLabel());
            }
            b.append('`');
        }
        return b.toString();
    }

    /** Text in a table cell: a '|' would end the cell. */
    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    static String render() {
        return render(new TraceCommand().model());
    }
}
