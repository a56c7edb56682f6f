package org.dnstracer.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The command line, typed: every option's value (or its default), read once from picocli's parsed model by
 * {@link #from}, the only place that reads options by name. Every mode (a trace, {@code --bulk}, {@code --replay},
 * {@code --lab-serve}, {@code --explain}) reads these. The groups are those of {@code --help}
 * ({@link CommandModel#GROUPS}); a new option is one component of its group and one line where the group is read.
 *
 * @param words the words after the options (HOST, and dig's {@code @SERVER} and TYPE), as given
 * @param given every name (short and long) of every option given on the command line, in the order given: for the
 *     checks of options that are refused in a mode, including those that have a default
 */
record TraceOptions(Target target, Faults faults, Output output, ManyNames manyNames, Sending sending,
        LabOptions lab, List<String> words, Set<String> given) {

    /**
     * What to trace.
     *
     * @param host null until the words are read ({@link #withTarget}); so are a server or type given as words
     * @param serverFromWord the server was given as dig's {@code @SERVER}, not {@code -s}
     */
    record Target(String host, Integer queryType, String server, boolean serverFromWord, boolean noFollowCname) {}

    /** Faults and DNSSEC. */
    record Faults(boolean check, boolean axfr, boolean dnssec, Path trustAnchor, String dnssecTime, String failOn,
            String level, String ignore, String explain, String zone, List<String> nameServers) {}

    /** Output. */
    record Output(boolean verbose, boolean overview, boolean json, Path html, Path svg, Path dot, Path save,
            Path replay) {}

    /** Many names: {@code --bulk} and what goes with it. */
    record ManyNames(String bulk, Path out, boolean resume, boolean unordered, int parallel, double rate,
            int inFlight, boolean noProgress) {}

    /** How queries are sent. */
    record Sending(int retries, Duration timeout, String source, boolean ipv4, boolean ipv6, Integer port,
            Path rootHints, boolean tcp, boolean noEdns, int ednsSize, boolean noCache, boolean negativeCache,
            int maxTime, int maxNs) {}

    /** The built-in lab. */
    record LabOptions(String lab, String labServe, Duration labFor) {}

    /** The values of a parsed model (built by {@link CommandModel#of}), defaults included. */
    static TraceOptions from(CommandSpec parsed) {
        return read(new Reader(parsed));
    }

    /** @param r says afterwards which options it did not read (a test checks that there is none) */
    static TraceOptions read(Reader r) {
        Target target = new Target(null, r.value("--query-type"), r.value("--server"), false,
                r.flag("--no-follow-cname"));
        Faults faults = new Faults(r.flag("--check"), r.flag("--axfr"), r.flag("--dnssec"), r.value("--trust-anchor"),
                r.value("--dnssec-time"), r.value("--fail-on"), r.value("--level"), r.value("--ignore"),
                r.value("--explain"), r.value("--zone"), r.value("--ns"));
        Output output = new Output(r.flag("--verbose"), r.flag("--overview"), r.flag("--json"), r.value("--html"),
                r.value("--svg"), r.value("--dot"), r.value("--save"), r.value("--replay"));
        ManyNames manyNames = new ManyNames(r.value("--bulk"), r.value("--out"), r.flag("--resume"),
                r.flag("--unordered"), r.value(CommandModel.PARALLEL), r.value(CommandModel.RATE),
                r.value(CommandModel.IN_FLIGHT), r.flag("--no-progress"));
        Sending sending = new Sending(r.value(CommandModel.RETRIES), r.value(CommandModel.TIMEOUT), r.value("--source"),
                r.flag("--ipv4"), r.flag("--ipv6"), r.value("--port"), r.value("--root-hints"), r.flag("--tcp"),
                r.flag("--no-edns"), r.value("--edns-size"), r.flag("--no-cache"), r.flag("--negative-cache"),
                r.value("--max-time"), r.value("--max-ns"));
        LabOptions lab = new LabOptions(r.value("--lab"), r.value("--lab-serve"), r.value("--lab-for"));
        r.read("--help");
        r.read("--version");
        return new TraceOptions(target, faults, output, manyNames, sending, lab, r.words(), r.given());
    }

    /** The same options with the words read into what to trace (see {@code TraceCommand}'s dig habits). */
    TraceOptions withTarget(Target read) {
        return new TraceOptions(read, faults, output, manyNames, sending, lab, words, given);
    }

    /** @param name any of the option's names, as in {@code -p} or {@code --port} */
    boolean given(String name) {
        return given.contains(name);
    }

    /**
     * Reads the parsed model's options by name, and notes which it read. By name once through a map: picocli's
     * {@code findOption} interpolates every option's names on each call (start-up).
     */
    static final class Reader {
        private final CommandSpec spec;
        private final Map<String, OptionSpec> byName = new HashMap<>();
        private final Set<OptionSpec> read = new HashSet<>();

        Reader(CommandSpec spec) {
            this.spec = spec;
            for (OptionSpec option : spec.options()) {
                for (String name : option.names()) {
                    byName.put(name, option);
                }
            }
        }

        /** An option without a value; picocli leaves an unset one in an exclusive group null. */
        boolean flag(String name) {
            return Boolean.TRUE.equals(read(name).getValue());
        }

        <T> T value(String name) {
            return read(name).getValue();
        }

        OptionSpec read(String name) {
            OptionSpec option = byName.get(name);
            if (option == null) {
                throw new IllegalArgumentException("no option " + name + " in the command model");
            }
            read.add(option);
            return option;
        }

        List<String> words() {
            List<String> words = spec.positionalParameters().get(0).getValue();
            return words == null ? List.of() : List.copyOf(words);
        }

        Set<String> given() {
            Set<String> names = new LinkedHashSet<>();
            for (OptionSpec option : spec.commandLine().getParseResult().matchedOptions()) {
                names.addAll(List.of(option.names()));
            }
            return names;
        }

        /** The longest names of the model's options that were not read. */
        List<String> unread() {
            return spec.options().stream().filter(o -> !read.contains(o)).map(OptionSpec::longestName).toList();
        }
    }
}
