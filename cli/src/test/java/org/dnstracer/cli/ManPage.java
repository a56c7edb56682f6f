package org.dnstracer.cli;

import java.time.LocalDate;
import java.util.List;
import org.dnstracer.findings.FindingCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The man page, in roff, from the command model that --help is printed from: the same descriptions, option groups,
 * examples and exit statuses, plus the finding codes of {@link FindingCode}. Written directly rather than through
 * AsciiDoc, whose converter is a JRuby program of its own; the page's footer is the short source line man expects
 * ({@code dnstracer VERSION}), which the version's long text overran.
 */
final class ManPage {
    private ManPage() {}

    static String render(CommandSpec spec, String version, LocalDate date) {
        StringBuilder m = new StringBuilder();
        m.append(".TH DNSTRACER 1 \"").append(date).append("\" \"dnstracer ").append(escape(version))
                .append("\" \"User Commands\"\n");
        m.append(".SH NAME\ndnstracer \\- ").append(escape(lowerFirst(spec.usageMessage().header()[0])
                .replaceAll("\\.$", ""))).append('\n');

        m.append(".SH SYNOPSIS\n.B dnstracer\n[\\fIoptions\\fR] [\\fB@\\fISERVER\\fR] \\fIHOST\\fR [\\fITYPE\\fR]\n");
        m.append(".br\n.B dnstracer\n[\\fIoptions\\fR] \\fB\\-\\-zone\\fR \\fIZONE\\fR [\\fB\\-\\-ns\\fR "
                + "\\fINAME\\fR[/\\fIADDRESS\\fR]]...\n");
        m.append(".br\n.B dnstracer\n[\\fIoptions\\fR] \\fB\\-\\-bulk\\fR \\fIFILE\\fR\n");

        m.append(".SH DESCRIPTION\n");
        for (String paragraph : spec.usageMessage().description()) {
            if (!paragraph.isEmpty()) {
                m.append(".PP\n").append(escape(paragraph)).append('\n');
            }
        }
        m.append(".PP\n\\fIHOST\\fR: ").append(escape(spec.positionalParameters().get(0).description()[0]))
                .append('\n');

        m.append(".SH OPTIONS\n");
        for (CommandModel.Group g : CommandModel.GROUPS) {
            m.append(".SS ").append(escape(g.heading())).append('\n');
            for (String name : g.options()) {
                OptionSpec o = spec.findOption(name);
                m.append(".TP\n").append(names(o)).append('\n').append(escape(description(o))).append('\n');
            }
        }

        m.append(".SH EXIT STATUS\n");
        for (String[] status : CommandModel.EXIT_STATUS) {
            m.append(".TP\n.B ").append(status[0]).append('\n').append(escape(status[1])).append('\n');
        }
        m.append(".PP\n").append(escape(CommandModel.BULK_EXIT_STATUS)).append('\n');

        m.append(".SH EXAMPLES\n");
        for (CommandModel.Example e : CommandModel.EXAMPLES) {
            m.append(".TP\n.B ").append(escape(e.command())).append('\n').append(escape(e.purpose())).append('\n');
        }

        m.append(".SH FINDING CODES\n.PP\nEach line of the Findings: block names one of these codes, with its "
                + "default severity; --ignore leaves codes out, --level severities.\n");
        for (FindingCode c : FindingCode.values()) {
            m.append(".TP\n.B ").append(c.name().replace("_", "_\\:")).append('\n')
                    .append(c.severity().label()).append(" (").append(escape(c.source().text())).append("): ")
                    .append(escape(c.meaning())).append('\n');
        }

        m.append(".SH FILES\n");
        m.append(".TP\n.I /etc/resolv.conf\nIts first nameserver is the start server when neither -s nor @SERVER "
                + "is given.\n");
        m.append(".TP\n.I /usr/share/dns/root.key\nDebian's root trust anchor, for --trust-anchor (the IANA anchors "
                + "are built in).\n");
        m.append(".TP\n.I /usr/share/dns/root.hints\nRoot hints in named.root format, for --root-hints (the IANA "
                + "root hints are built in).\n");

        m.append(".SH SEE ALSO\n");
        m.append(".BR dig (1),\n.BR drill (1),\n.BR delv (1),\n.BR zonemaster\\-cli (1),\n.BR dnsviz (1)\n");
        m.append(".PP\n").append(escape("The project's README and its docs/ pages: usage.md (every option), "
                + "output-and-json.md (the tree and the JSON schema), findings.md (every code explained), dnssec.md, "
                + "report.md, bulk.md, replay.md, lab.md.")).append('\n');
        return m.toString();
    }

    private static String names(OptionSpec o) {
        StringBuilder b = new StringBuilder();
        for (String n : o.names()) {
            b.append(b.length() == 0 ? "" : ", ").append("\\fB").append(escape(n)).append("\\fR");
        }
        if (o.arity().max() > 0) {
            String label = escape(o.paramLabel());
            b.append(o.arity().min() == 0 ? " [\\fI" + label + "\\fR]" : " \\fI" + label + "\\fR");
        }
        return b.toString();
    }

    /** The help text, with its default filled in as --help shows it. */
    static String description(OptionSpec o) {
        String text = String.join(" ", o.description());
        return o.defaultValue() == null ? text : text.replace("${DEFAULT-VALUE}", o.defaultValue());
    }

    private static String lowerFirst(String s) {
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /** Text as roff shows it: backslashes and hyphens escaped, no line starting with a control character. */
    static String escape(String text) {
        String t = text.replace("\\", "\\e").replace("-", "\\-");
        return t.startsWith(".") || t.startsWith("'") ? "\\&" + t : t;
    }

    /** For the test and the build: the page for this build. */
    static String render() {
        return render(new TraceCommand().model(), BuildVersion.VERSION, LocalDate.now(java.time.ZoneOffset.UTC));
    }

    static List<String> sections() {
        return List.of("NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "EXIT STATUS", "EXAMPLES", "FINDING CODES",
                "FILES", "SEE ALSO");
    }
}
