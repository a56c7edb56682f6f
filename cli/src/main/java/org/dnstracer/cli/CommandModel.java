package org.dnstracer.cli;

import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import org.dnstracer.bulk.BulkSettings;
import org.dnstracer.net.MultiplexedTransport;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The options, parameter and help texts of {@code dnstracer}, built with picocli's programmatic API.
 *
 * <p>Why not annotations: building a command model from annotated fields reflects over every field and parses
 * every annotation into a proxy class generated at run time, which no class-data archive or AOT cache can hold;
 * that cost 70 to 100 ms of a 1-query trace's start-up. Built here it costs a few milliseconds, and the help,
 * the man page and the completion script come from the same model as before.
 */
final class CommandModel {
    static final String RETRIES = "--retries";
    static final String TIMEOUT = "--timeout";
    static final String PARALLEL = "--parallel";
    static final String RATE = "--rate";
    static final String IN_FLIGHT = "--in-flight";

    private CommandModel() {}

    /** A heading of the option list and its options (by longest name), in the order shown. */
    record Group(String heading, List<String> options) {}

    /** The option list by task, for --help and the man page alike; every option is in exactly one group. */
    static final List<Group> GROUPS = List.of(
            new Group("What to trace", List.of("--query-type", "--server", "--no-follow-cname")),
            new Group("Faults and DNSSEC", List.of("--check", "--zone", "--ns", "--axfr", "--dnssec", "--trust-anchor",
                    "--dnssec-time", "--fail-on", "--level", "--ignore", "--explain")),
            new Group("Output", List.of("--verbose", "--overview", "--json", "--html", "--svg", "--dot", "--save",
                    "--replay")),
            new Group("Many names", List.of("--bulk", "--out", "--resume", "--unordered", PARALLEL, RATE, IN_FLIGHT,
                    "--no-progress")),
            new Group("How queries are sent", List.of(RETRIES, TIMEOUT, "--source", "--ipv4", "--ipv6", "--port",
                    "--root-hints", "--tcp", "--no-edns", "--edns-size", "--no-cache", "--negative-cache",
                    "--max-time", "--max-ns")),
            new Group("The built-in lab (no network needed)", List.of("--lab", "--lab-serve", "--lab-for")),
            new Group("Help", List.of("--help", "--version")));

    /** One example: the command line and what it is for; the five tasks people come with. */
    record Example(String command, String purpose) {}

    static final List<Example> EXAMPLES = List.of(
            new Example("dnstracer -s . example.com MX", "trace a name from the root servers and read who answers"),
            new Example("dnstracer --zone example.com --fail-on error",
                    "find what is wrong with a zone: every server of it, probed (exit status 4 on an error)"),
            new Example("dnstracer -D -s . www.example.com", "check DNSSEC at every zone cut, server by server"),
            new Example("dnstracer --html report.html www.example.com", "a report with a picture, for a colleague"),
            new Example("dnstracer -s . --bulk names.txt --out results.ndjson",
                    "check 1,000 names, one JSON line each, a summary on stderr"));

    /** The exit statuses, for --help and the man page alike. */
    static final List<String[]> EXIT_STATUS = List.of(
            new String[] {"0", "at least one server answered authoritatively (NXDOMAIN and NODATA count)"},
            new String[] {"1", "no server answered authoritatively"},
            new String[] {"2", "usage error or bad input (one line on stderr)"},
            new String[] {"3", "I/O or internal error (one line on stderr)"},
            new String[] {"4", "a finding at or above the --fail-on severity (otherwise 0 or 1 as above)"});

    static final String BULK_EXIT_STATUS = "With --bulk: 0 every name got an authoritative answer, 1 some name did "
            + "not (or failed), 2 a bad input line or a usage error, 3 an I/O or internal error, 4 some name has a "
            + "finding at or above --fail-on; the highest applies.";

    /** Severities, as --fail-on and --level take them (and completion offers them). */
    private static final List<String> SEVERITIES = List.of("error", "warning", "notice");

    /** The types completion offers for -q (any other mnemonic or number is accepted too). */
    private static final List<String> COMMON_TYPES = List.of("A", "AAAA", "ANY", "CAA", "CNAME", "DNAME", "DNSKEY",
            "DS", "HTTPS", "MX", "NAPTR", "NS", "NSEC", "NSEC3PARAM", "PTR", "SOA", "SRV", "SSHFP", "SVCB", "TLSA",
            "TXT");

    /**
     * The finding codes, listed only when completion asks: the enum is not loaded at every start for it. A class
     * rather than a lambda, as the help sections below: nothing new to link on the start-up path.
     */
    private static final class FindingCodes implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            List<String> names = new java.util.ArrayList<>();
            for (org.dnstracer.findings.FindingCode c : org.dnstracer.findings.FindingCode.values()) {
                names.add(c.name());
            }
            return names.iterator();
        }
    }

    private static final Iterable<String> FINDING_CODES = new FindingCodes();

    /** The sections of --help this model adds: the options by task, the examples' heading and list. */
    private static final class HelpSection implements CommandLine.IHelpSectionRenderer {
        private final String key;

        HelpSection(String key) {
            this.key = key;
        }

        @Override
        public String render(CommandLine.Help help) {
            return switch (key) {
                case EXAMPLES_HEADING -> String.format("%nExamples:%n");
                case EXAMPLES_LIST -> examples();
                default -> groupedOptions(help);
            };
        }
    }

    /** The model for one run of {@code command}; picocli keeps the parsed values in its option specs. */
    static CommandSpec of(Object command) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.name("dnstracer").versionProvider(new Version());
        usage(spec.usageMessage());
        spec.addOption(flag("Ask again at every place a server appears; no (cached) lines.", "-c", "--no-cache"));
        spec.addOption(flag("Also skip every later query to a server that failed once.", "-C", "--negative-cache"));
        spec.addOption(flag("Print an overview of the answers received after the tree.", "-o", "--overview"));
        spec.addOption(valued("TYPE", Integer.class, new QueryTypes(),
                "Record type to ask for: a mnemonic (A, AAAA, MX, TXT, ANY, ...) or a number 1-65535; not "
                        + "OPT, TSIG, TKEY, AXFR or IXFR. Default: A, or PTR when the host is an IP address.",
                "-q", "--query-type").completionCandidates(COMMON_TYPES).build());
        spec.addOption(valued("N", int.class, new TriesConverter(),
                "Number of tries per server, 1-20, as in dnstracer 1.9 (default: ${DEFAULT-VALUE}).",
                "-r", RETRIES).defaultValue("3").build());
        spec.addOption(valued("SERVER", String.class, null,
                "Start server: an IP address, a name (looked up from the root hints), or . for the root "
                        + "servers. Default: the first nameserver of /etc/resolv.conf (of the family of -4, -6 or -S), "
                        + "else 127.0.0.1.",
                "-s", "--server").build());
        spec.addOption(valued("SECONDS", Duration.class, new TimeoutConverter(),
                "Longest wait of one try, 0.001-3600; tries start shorter and double (default: "
                        + "${DEFAULT-VALUE}, 0 means 30).",
                "-t", TIMEOUT).defaultValue("5").build());
        spec.addOption(flag("Dump every query sent and every reply received.", "-v", "--verbose"));
        spec.addOption(valued("ADDRESS", String.class, null, "Local IP address to send queries from.",
                "-S", "--source").build());
        spec.addArgGroup(ArgGroupSpec.builder()
                .exclusive(true)
                .multiplicity("0..1")
                .addArg(required(flag("Query IPv4 servers only (IPv6 ones are shown as not queried).", "-4",
                        "--ipv4")))
                .addArg(required(flag("Query IPv6 servers only.", "-6", "--ipv6")))
                .build());
        spec.addOption(valued("PORT", Integer.class, new PortConverter(),
                "Destination port of every query, 1-65535 (default: 53; with --lab: the lab's port; with "
                        + "--lab-serve: the port to serve on).",
                "-p", "--port").build());
        spec.addOption(valued("FILE", Path.class, null,
                "Root hints in named.root format (default: the built-in IANA root hints).", "--root-hints").build());
        spec.addOption(flag("Send every query over TCP.", "--tcp"));
        spec.addOption(flag("Send queries without an EDNS(0) OPT record.", "--no-edns"));
        spec.addOption(valued("N", int.class, null,
                "EDNS(0) UDP payload size, 512-65535 (default: ${DEFAULT-VALUE}).", "--edns-size")
                .defaultValue("1232").build());
        spec.addOption(flag("Check DNSSEC at every zone cut, server by server: every query sets DO, each server's "
                + "DNSKEY set is fetched, and each line gets its status (secure, insecure, bogus, indeterminate). "
                + "With --lab-serve: serve the lab's signed zones and print its trust anchor.", "-D", "--dnssec"));
        spec.addOption(valued("FILE", Path.class, null,
                "With -D: DS or DNSKEY records in zone-file format to validate from (e.g. "
                        + "/usr/share/dns/root.key). Default: the IANA root anchors; with --lab, the lab's own.",
                "--trust-anchor").build());
        spec.addOption(valued("TIME", String.class, null,
                "With -D: check signature validity at this moment (2026-11-01 or 2026-11-01T12:00:00Z) "
                        + "instead of now.",
                "--dnssec-time").build());
        spec.addOption(flag("Print the whole trace as one JSON document instead of the tree.", "--json"));
        spec.addOption(valued("FILE", Path.class, null,
                "Also write a self-contained HTML report to FILE: header, findings, the delegation graph (click a "
                        + "server for its tries and records), the text tree and the JSON document.",
                "--html").build());
        spec.addOption(valued("FILE", Path.class, null, "Also write the delegation graph as SVG to FILE.", "--svg")
                .build());
        spec.addOption(valued("FILE", Path.class, null,
                "Also write the delegation graph in Graphviz's DOT language to FILE.", "--dot").build());
        spec.addOption(flag("After the trace, probe every zone cut on the traced paths for consistency: the "
                + "child's NS set and glue against the parent's, SOA serials, TCP, EDNS, recursion, NS names that "
                + "are CNAMEs, an unknown EDNS option, flag, opcode and type, version.bind, 0x20 case, DO, EDNS over TCP, "
                + "a 512-octet buffer, NSID (shown with -v and --json), the zone's MX (at most 19 queries per child "
                + "server address, all at once); then looks name server names, the SOA MNAME and MX targets up in "
                + "their own zones from the root hints, within the query budget.", "--check"));
        spec.addOption(valued("ZONE", String.class, null,
                "Check the zone ZONE instead of tracing a HOST, as zonemaster-cli ZONE does: its SOA is traced to "
                        + "every server of the parent's delegation and of the child's own NS set (every name at "
                        + "every address), with the --check probes.",
                "--zone").build());
        spec.addOption(OptionSpec.builder("--ns").paramLabel("NAME[/ADDRESS]").type(List.class)
                .auxiliaryTypes(String.class)
                .description("With --zone, repeatable: check the zone as if delegated to these servers, before the "
                        + "delegation exists (pre-delegation testing, zonemaster-cli's --ns). They replace the "
                        + "parent's referral; a NAME without ADDRESS is looked up from the root hints.")
                .build());
        spec.addOption(flag("With or without --check: also try a zone transfer (AXFR over TCP) from every child "
                + "server of every zone cut; a transfer allowed to anyone is a finding.", "--axfr"));
        spec.addOption(valued("SEVERITY", String.class, null,
                "Exit with status 4 when a finding of this severity or worse exists: error, warning or notice.",
                "--fail-on").completionCandidates(SEVERITIES).build());
        spec.addOption(valued("SEVERITY", String.class, null,
                "Show only findings of this severity or worse: error, warning or notice (default: all). Hidden "
                        + "findings do not count for --fail-on; --json keeps them, marked \"hidden\".",
                "--level").completionCandidates(SEVERITIES).build());
        spec.addOption(valued("CODE[,CODE...]", String.class, null,
                "Leave these finding codes out (e.g. GLUE_PRIVATE_ADDRESS,SAME_PREFIX); as with --level, they do "
                        + "not count for --fail-on and --json keeps them, marked \"hidden\".",
                "--ignore").completionCandidates(FINDING_CODES).build());
        spec.addOption(valued("CODE", String.class, null,
                "Print what a finding code means, its severity and why, the RFC, Zonemaster's and DNSViz's names "
                        + "for it and how to fix it, then exit (no HOST).", "--explain").build());
        spec.addOption(flag("Do not trace the targets of CNAME answers.", "--no-follow-cname"));
        spec.addOption(valued("SECONDS", int.class, null,
                "End the run after this many seconds; unfinished servers are marked so (default: ${DEFAULT-VALUE}).",
                "--max-time").defaultValue("120").build());
        spec.addOption(valued("N", int.class, null,
                "Follow at most N name servers of each referral, in referral order; the rest are listed as not "
                        + "followed (default: ${DEFAULT-VALUE}).",
                "--max-ns").defaultValue("32").build());
        spec.addOption(optionalDirectory(
                "Start the built-in DNS lab (or the lab in DIR) on loopback and trace in it from its root.", "--lab"));
        spec.addOption(optionalDirectory(
                "Only serve the built-in lab (or the lab in DIR) and print its servers, until interrupted.",
                "--lab-serve"));
        spec.addOption(valued("SECONDS", Duration.class, new LabForConverter(),
                "With --lab-serve only: stop after this many seconds.", "--lab-for").build());
        spec.addOption(valued("FILE", String.class, null,
                "Trace every name of FILE (- for standard input), one 'NAME [TYPE]' a line (# comments), sharing "
                        + "what the traces learn; one JSON object a line per name on standard output.",
                "--bulk").build());
        spec.addOption(valued("FILE", Path.class, null, "With --bulk: write the lines to FILE.", "--out").build());
        spec.addOption(flag("With --bulk and --out: skip the names FILE already holds, and append.", "--resume"));
        spec.addOption(flag("With --bulk: write each name's line when it is done, not in input order.",
                "--unordered"));
        spec.addOption(valued("N", int.class, null,
                "With --bulk: names traced at once, 1-4096 (default: ${DEFAULT-VALUE}).", PARALLEL)
                .defaultValue("" + BulkSettings.DEFAULT_PARALLEL).build());
        spec.addOption(valued("QPS", double.class, null,
                "With --bulk: queries a second to any one server address, 0 for no limit "
                        + "(default: ${DEFAULT-VALUE}).",
                RATE).defaultValue("20").build());
        spec.addOption(valued("N", int.class, null,
                "With --bulk: queries waiting for a reply at once, all servers together, 1-"
                        + MultiplexedTransport.MAX_IN_FLIGHT + " (default: ${DEFAULT-VALUE}).",
                IN_FLIGHT).defaultValue("" + MultiplexedTransport.DEFAULT_MAX_IN_FLIGHT).build());
        spec.addOption(flag("With --bulk: no progress bar (there is none unless standard error is a terminal).",
                "--no-progress"));
        spec.addOption(valued("FILE", Path.class, null,
                "Also write the whole run (what was asked, every query and reply with its timings) to FILE as JSON, "
                        + "for --replay.",
                "--save").build());
        spec.addOption(valued("FILE", Path.class, null,
                "Show a run saved with --save again, without the network: the same output as the live run (with -o, "
                        + "-v, --json, --fail-on as given now; what was asked comes from FILE).",
                "--replay").build());
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
        // HOST, and dig's habits around it: [@SERVER] HOST [TYPE], read by TraceCommand
        spec.addPositional(PositionalParamSpec.builder()
                .index("0..*")
                .arity("0..*")
                .paramLabel("HOST")
                .type(List.class)
                .auxiliaryTypes(String.class)
                .description("Name to trace; an IPv4 or IPv6 address is traced as its reverse (PTR) name, a "
                        + "non-ASCII name as its IDNA2008 (UTS #46) form. As in dig, @SERVER before or after it is "
                        + "-s SERVER, and a TYPE after it is -q TYPE.")
                .build());
        return spec;
    }

    private static void usage(UsageMessageSpec usage) {
        usage.sortOptions(false)
                .headerHeading("")
                .header("Trace a DNS name down every delegation path to its authoritative servers.")
                .synopsisHeading("%nUsage: ")
                // the forms people use, rather than all 50 options in brackets
                .customSynopsis("dnstracer [OPTIONS] [@SERVER] HOST [TYPE]",
                        "       dnstracer [OPTIONS] --zone ZONE [--ns NAME[/ADDRESS]]...",
                        "       dnstracer [OPTIONS] --bulk FILE",
                        "       dnstracer [OPTIONS] --replay FILE",
                        "       dnstracer --lab-serve [DIR] [-p PORT] [-D] [--lab-for SECONDS]")
                .descriptionHeading("%n")
                .description(
                        "Sends non-recursive queries, starting at a server (the first nameserver of /etc/resolv.conf "
                                + "unless -s is given; -s . starts at the root servers), and follows every referral "
                                + "to every name server address, down to the authoritative servers. Each server's "
                                + "line says what it did.",
                        "",
                        "After the tree comes a Findings: block, one line per fault, each against the server "
                                + "address that causes it: SEVERITY CODE  ZONE  SERVER (ADDRESS)  MESSAGE "
                                + "(EVIDENCE), then a summary line. Severities are error, warning and notice; the "
                                + "codes (LAME_REFUSED, UNRESPONSIVE_UDP, GLUE_MISMATCH, ...) are listed in man "
                                + "dnstracer and docs/findings.md; --explain CODE prints one. --check and --axfr add probes for what the trace alone "
                                + "cannot see.",
                        "",
                        "--lab starts a built-in DNS hierarchy with every kind of breakage on loopback and traces "
                                + "in it: try dnstracer --lab www.lame.com without any network.")
                .parameterListHeading("%nParameters:%n")
                .optionListHeading("")
                .footerHeading("%nExit status:%n");
        List<String> footer = new java.util.ArrayList<>();
        for (String[] status : EXIT_STATUS) {
            footer.add("  " + status[0] + "  " + status[1]);
        }
        footer.add(BULK_EXIT_STATUS);
        usage.footer(footer.toArray(new String[0]));
        // the options by task, then the examples, before the exit status; rendered only when help is asked for
        usage.sectionMap().put(UsageMessageSpec.SECTION_KEY_OPTION_LIST,
                new HelpSection(UsageMessageSpec.SECTION_KEY_OPTION_LIST));
        usage.sectionMap().put(EXAMPLES_HEADING, new HelpSection(EXAMPLES_HEADING));
        usage.sectionMap().put(EXAMPLES_LIST, new HelpSection(EXAMPLES_LIST));
        List<String> keys = new java.util.ArrayList<>(usage.sectionKeys());
        keys.addAll(keys.indexOf(UsageMessageSpec.SECTION_KEY_FOOTER_HEADING), List.of(EXAMPLES_HEADING, EXAMPLES_LIST));
        usage.sectionKeys(keys);
    }

    private static final String EXAMPLES_HEADING = "examplesHeading";
    private static final String EXAMPLES_LIST = "examples";

    private static String groupedOptions(CommandLine.Help help) {
        StringBuilder out = new StringBuilder();
        for (Group g : GROUPS) {
            List<OptionSpec> options = new java.util.ArrayList<>();
            for (String name : g.options()) {
                options.add(help.commandSpec().findOption(name));
            }
            out.append(System.lineSeparator()).append(g.heading()).append(":").append(System.lineSeparator());
            out.append(help.optionListExcludingGroups(options, help.createDefaultLayout(), null,
                    help.createDefaultParamLabelRenderer()));
        }
        return out.toString();
    }

    private static String examples() {
        StringBuilder out = new StringBuilder();
        for (Example e : EXAMPLES) {
            out.append("  ").append(e.command()).append(System.lineSeparator())
                    .append("      ").append(e.purpose()).append(System.lineSeparator());
        }
        return out.toString();
    }

    private static OptionSpec flag(String description, String... names) {
        return OptionSpec.builder(names).type(boolean.class).arity("0").initialValue(false)
                .description(description).build();
    }

    private static OptionSpec required(OptionSpec option) {
        return option.toBuilder().required(true).build();
    }

    private static OptionSpec.Builder valued(String label, Class<?> type, ITypeConverter<?> converter,
            String description, String... names) {
        OptionSpec.Builder b = OptionSpec.builder(names).paramLabel(label).type(type).description(description);
        if (converter == null && type == Path.class) {
            // picocli converts a Path by reflection (Paths.get through Method.invoke): 7 ms at each start
            converter = (ITypeConverter<Path>) Path::of;
        }
        return converter == null ? b : b.converters(converter);
    }

    /** {@code --lab [DIR]}: an optional value that {@link OptionalDirectory} takes only when it is a directory. */
    private static OptionSpec optionalDirectory(String description, String name) {
        return OptionSpec.builder(name).paramLabel("DIR").type(String.class).arity("0..1")
                .parameterConsumer(new OptionalDirectory()).description(description).build();
    }
}
