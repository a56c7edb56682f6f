package org.dnstracer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.dnstracer.findings.AnalysisOptions;
import org.dnstracer.findings.Severity;
import org.dnstracer.dnssec.TrustAnchors;
import java.util.function.Function;
import org.dnstracer.bulk.BulkSettings;
import org.dnstracer.bulk.ShardedTransport;
import org.dnstracer.lab.Lab;
import org.dnstracer.lab.LabDefinition;
import org.dnstracer.lab.LabException;
import org.dnstracer.model.Question;
import org.dnstracer.model.StartServer;
import org.dnstracer.net.DnsTransport;
import org.dnstracer.net.IpAddresses;
import org.dnstracer.net.Transport;
import org.dnstracer.net.TransportOptions;
import org.dnstracer.replay.Phase;
import org.dnstracer.replay.RecordingTransport;
import org.dnstracer.replay.ReplayTransport;
import org.dnstracer.replay.SavedRun;
import org.dnstracer.replay.SavedRunException;
import org.dnstracer.replay.SavedRunFile;
import org.dnstracer.trace.IpFamily;
import org.dnstracer.trace.Limits;
import org.dnstracer.trace.RootHints;
import org.dnstracer.trace.TraceRequest;
import org.dnstracer.trace.Tracer;
import org.xbill.DNS.Name;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Type;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The {@code dnstracer} command: options in, one trace out. */
@Command(
        name = "dnstracer",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        sortOptions = false,
        headerHeading = "",
        header = "Trace a DNS name down every delegation path to its authoritative servers.",
        synopsisHeading = "%nUsage: ",
        descriptionHeading = "%n",
        description = {
            "Sends non-recursive queries, starting at a server (the first nameserver of /etc/resolv.conf unless -s is "
                    + "given; -s . starts at the root servers), and follows every referral to every name server "
                    + "address, down to the authoritative servers. Each server's line says what it did.",
            "",
            "After the tree comes a Findings: block, one line per fault, each against the server address that "
                    + "causes it: SEVERITY CODE  ZONE  SERVER (ADDRESS)  MESSAGE (EVIDENCE). Severities are error, "
                    + "warning and notice; the codes (LAME_REFUSED, UNRESPONSIVE_UDP, GLUE_MISMATCH, ...) are listed "
                    + "in the README. --check and --axfr add probes for what the trace alone cannot see.",
        },
        parameterListHeading = "%nParameters:%n",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExit status:%n",
        footer = {
            "  0  at least one server answered authoritatively (NXDOMAIN and NODATA count)",
            "  1  no server answered authoritatively",
            "  2  usage error or bad input (one line on stderr)",
            "  3  I/O or internal error (one line on stderr)",
            "  4  a finding at or above the --fail-on severity (otherwise 0 or 1 as above)",
            "With --bulk: 0 every name got an authoritative answer, 1 some name did not (or failed), 2 a bad input "
                    + "line or a usage error, 3 an I/O or internal error.",
        })
public final class TraceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--no-cache"}, description = "Ask again at every place a server appears; no (cached) lines.")
    boolean noCache;

    @Option(names = {"-C", "--negative-cache"}, description = "Also skip every later query to a server that failed once.")
    boolean negativeCache;

    @Option(names = {"-o", "--overview"}, description = "Print an overview of the answers received after the tree.")
    boolean overview;

    @Option(names = {"-q", "--query-type"}, paramLabel = "TYPE", converter = QueryTypes.class,
            description = "Record type to ask for: a mnemonic (A, AAAA, MX, TXT, ANY, ...) or a number 1-65535; not "
                    + "OPT, TSIG, TKEY, AXFR or IXFR. Default: A, or PTR when the host is an IP address.")
    Integer queryType;

    @Option(names = {"-r", "--retries"}, paramLabel = "N", defaultValue = "3", converter = TriesConverter.class,
            description = "Number of tries per server, 1-20, as in dnstracer 1.9 (default: ${DEFAULT-VALUE}).")
    int tries;

    @Option(names = {"-s", "--server"}, paramLabel = "SERVER",
            description = "Start server: an IP address, a name (looked up from the root hints), or . for the root "
                    + "servers. Default: the first nameserver of /etc/resolv.conf (of the family of -4, -6 or -S), else "
                    + "127.0.0.1.")
    String server;

    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", defaultValue = "5", converter = TimeoutConverter.class,
            description = "Longest wait of one try, 0.001-3600; tries start shorter and double (default: "
                    + "${DEFAULT-VALUE}, 0 means 30).")
    Duration timeout;

    @Option(names = {"-v", "--verbose"}, description = "Dump every query sent and every reply received.")
    boolean verbose;

    @Option(names = {"-S", "--source"}, paramLabel = "ADDRESS", description = "Local IP address to send queries from.")
    String source;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    FamilyOption familyOption;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT", converter = PortConverter.class,
            description = "Destination port of every query, 1-65535 (default: 53; with --lab: the lab's port; with "
                    + "--lab-serve: the port to serve on).")
    Integer port;

    @Option(names = "--root-hints", paramLabel = "FILE",
            description = "Root hints in named.root format (default: the built-in IANA root hints).")
    Path rootHints;

    @Option(names = "--tcp", description = "Send every query over TCP.")
    boolean tcp;

    @Option(names = "--no-edns", description = "Send queries without an EDNS(0) OPT record.")
    boolean noEdns;

    @Option(names = "--edns-size", paramLabel = "N", defaultValue = "1232",
            description = "EDNS(0) UDP payload size, 512-65535 (default: ${DEFAULT-VALUE}).")
    int ednsSize;

    @Option(names = {"-D", "--dnssec"},
            description = "Check DNSSEC at every zone cut, server by server: every query sets DO, each server's "
                    + "DNSKEY set is fetched, and each line gets its status (secure, insecure, bogus, indeterminate). "
                    + "With --lab-serve: serve the lab's signed zones and print its trust anchor.")
    boolean dnssec;

    @Option(names = "--trust-anchor", paramLabel = "FILE",
            description = "With -D: DS or DNSKEY records in zone-file format to validate from (e.g. "
                    + "/usr/share/dns/root.key). Default: the IANA root anchors; with --lab, the lab's own.")
    Path trustAnchor;

    @Option(names = "--dnssec-time", paramLabel = "TIME",
            description = "With -D: check signature validity at this moment (2026-11-01 or 2026-11-01T12:00:00Z) "
                    + "instead of now.")
    String dnssecTime;

    @Option(names = "--json", description = "Print the whole trace as one JSON document instead of the tree.")
    boolean json;

    @Option(names = "--check",
            description = "After the trace, probe every zone cut on the traced paths for consistency: the child's "
                    + "NS set and glue against the parent's, SOA serials, TCP, EDNS, recursion, NS names that are "
                    + "CNAMEs (at most 7 queries per child server address, all at once).")
    boolean check;

    @Option(names = "--axfr",
            description = "With or without --check: also try a zone transfer (AXFR over TCP) from every child "
                    + "server of every zone cut; a transfer allowed to anyone is a finding.")
    boolean axfr;

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "Exit with status 4 when a finding of this severity or worse exists: error, warning or "
                    + "notice.")
    String failOn;

    @Option(names = "--no-follow-cname", description = "Do not trace the targets of CNAME answers.")
    boolean noFollowCname;

    @Option(names = "--max-time", paramLabel = "SECONDS", defaultValue = "120",
            description = "End the run after this many seconds; unfinished servers are marked so "
                    + "(default: ${DEFAULT-VALUE}).")
    int maxTime;

    @Option(names = "--max-ns", paramLabel = "N", defaultValue = "32",
            description = "Follow at most N name servers of each referral, in referral order; the rest are listed "
                    + "as not followed (default: ${DEFAULT-VALUE}).")
    int maxNs;

    @Option(names = "--lab", arity = "0..1", paramLabel = "DIR", parameterConsumer = OptionalDirectory.class,
            description = "Start the built-in DNS lab (or the lab in DIR) on loopback and trace in it from its root.")
    String lab;

    @Option(names = "--lab-serve", arity = "0..1", paramLabel = "DIR", parameterConsumer = OptionalDirectory.class,
            description = "Only serve the built-in lab (or the lab in DIR) and print its servers, until interrupted.")
    String labServe;

    @Option(names = "--lab-for", paramLabel = "SECONDS", converter = LabForConverter.class,
            description = "With --lab-serve only: stop after this many seconds.")
    Duration labFor;

    @Option(names = "--bulk", paramLabel = "FILE",
            description = "Trace every name of FILE (- for standard input), one 'NAME [TYPE]' a line (# comments), "
                    + "sharing what the traces learn; one JSON object a line per name on standard output.")
    String bulk;

    @Option(names = "--out", paramLabel = "FILE", description = "With --bulk: write the lines to FILE.")
    Path bulkOut;

    @Option(names = "--resume", description = "With --bulk and --out: skip the names FILE already holds, and append.")
    boolean resume;

    @Option(names = "--unordered", description = "With --bulk: write each name's line when it is done, not in "
            + "input order.")
    boolean unordered;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "64",
            description = "With --bulk: names traced at once, 1-4096 (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--rate", paramLabel = "QPS", defaultValue = "20",
            description = "With --bulk: queries a second to any one server address, 0 for no limit "
                    + "(default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--in-flight", paramLabel = "N", defaultValue = "24",
            description = "With --bulk: queries waiting for a reply at once, all servers together, 1-1024 "
                    + "(default: ${DEFAULT-VALUE}, as a single trace).")
    int inFlight;

    @Option(names = "--no-progress", description = "With --bulk: no progress bar (there is none unless standard "
            + "error is a terminal).")
    boolean noProgress;

    @Option(names = "--save", paramLabel = "FILE",
            description = "Also write the whole run (what was asked, every query and reply with its timings) to FILE "
                    + "as JSON, for --replay.")
    Path save;

    @Option(names = "--replay", paramLabel = "FILE",
            description = "Show a run saved with --save again, without the network: the same output as the live run "
                    + "(with -o, -v, --json, --fail-on as given now; what was asked comes from FILE).")
    Path replay;

    @Parameters(index = "0", arity = "0..1", paramLabel = "HOST",
            description = "Name to trace; an IPv4 or IPv6 address is traced as its reverse (PTR) name, a non-ASCII "
                    + "name as its IDNA2008 (UTS #46) form.")
    String host;

    private final Path resolvConf;
    private final Function<TransportOptions, Transport> transports;

    public TraceCommand() {
        this(ResolvConf.DEFAULT, DnsTransport::new);
    }

    /** For tests: another resolv.conf, and transports made to their needs. */
    TraceCommand(Path resolvConf, Function<TransportOptions, Transport> transports) {
        this.resolvConf = resolvConf;
        this.transports = transports;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (labServe != null) {
            validateLabServe();
            return LabServe.run(labDefinition(labServe), port == null ? 0 : port, labFor, dnssec, out);
        }
        if (labFor != null) {
            throw new UsageException("--lab-for needs --lab-serve");
        }
        if (replay != null) {
            return replay(out);
        }
        if (bulk != null) {
            validateBulk();
        } else if (bulkOut != null || resume || unordered || noProgress || isSet("--parallel") || isSet("--rate")
                || isSet("--in-flight")) {
            throw new UsageException("--out, --resume, --unordered, --parallel, --rate, --in-flight and --no-progress "
                    + "need --bulk");
        }
        Settings settings = validate();
        if (save != null) {
            validateSave();
        }
        TrustAnchors fileAnchors = dnssec && trustAnchor != null ? loadAnchors(trustAnchor) : null;
        Instant checkAt = dnssecTime == null ? Instant.now() : Arguments.parseInstant(dnssecTime, "--dnssec-time");
        Lab running = lab == null ? null : Lab.start(labDefinition(lab), port == null ? 0 : port, dnssec);
        try {
            RootHints hints = running != null ? labHints(running) : loadHints();
            int destinationPort = running != null ? running.port() : port == null ? 53 : port;
            if (bulk != null) {
                try (Transport transport = bulkTransport(settings)) {
                    Tracer tracer = new Tracer(transport);
                    StartServer bulkStart = StartServers.choose(server != null ? server : running != null ? "." : null,
                            resolvConf, hints, settings.family(), settings.familyCause(),
                            name -> tracer.lookup(name, hints, settings.family(), destinationPort));
                    return bulk(transport, settings, bulkStart, destinationPort, hints, running != null, out);
                }
            }
            SingleRun.Dnssec checking = dnssec
                    ? new SingleRun.Dnssec(fileAnchors != null ? fileAnchors : anchorsFor(running), checkAt) : null;
            return single(settings, hints, destinationPort, running != null, checking, out);
        } finally {
            if (running != null) {
                running.close();
            }
        }
    }

    /** One live trace; with --save, recorded on its way and written when the transport is closed. */
    private int single(Settings settings, RootHints hints, int destinationPort, boolean inLab,
            SingleRun.Dnssec checking, PrintWriter out) throws IOException, UsageException {
        Transport made = transports.apply(settings.transport());
        RecordingTransport recorder = save == null ? null : new RecordingTransport(made);
        Consumer<Phase> phases = recorder == null ? phase -> { } : recorder::phase;
        SingleRun.Plan plan;
        SingleRun.Result result;
        try (Transport transport = recorder != null ? recorder : made) {
            phases.accept(Phase.START);
            Tracer tracer = new Tracer(transport);
            String startGiven = server != null ? server : inLab ? "." : null;
            StartServer start = StartServers.choose(startGiven, resolvConf, hints, settings.family(),
                    settings.familyCause(), name -> tracer.lookup(name, hints, settings.family(), destinationPort));
            TraceRequest request = new TraceRequest(settings.question(), start, destinationPort, settings.family(),
                    !noCache, negativeCache, !noFollowCname, settings.limits(), hints, settings.transport().tries());
            plan = new SingleRun.Plan(request, check, axfr, checking, new AnalysisOptions(inLab, !noFollowCname));
            result = SingleRun.run(transport, phases, plan, output(settings.failOn()), null, out);
        }
        if (recorder != null) {
            // after close: what the run did not wait for has ended too, and is kept marked as late
            SavedRun.Dnssec dnssecInputs = checking == null ? null
                    : new SavedRun.Dnssec(checking.checkAt(), checking.anchors());
            SavedRun run = new SavedRun(Version.line(), Instant.now(),
                    spec.commandLine().getParseResult().originalArgs(), plan.request(), settings.transport().source(),
                    inLab, check, axfr,
                    dnssecInputs, result.trace().stats(),
                    result.trace().warnings().stream().anyMatch(w -> w.startsWith("time limit of ")),
                    recorder.recorded());
            writeSaved(run);
        }
        return result.status();
    }

    private SingleRun.Output output(Severity failOnThreshold) {
        return new SingleRun.Output(json, verbose, overview, failOnThreshold);
    }

    /** Written next to FILE first and then moved over it: an interrupted save leaves no half a document. */
    private void writeSaved(SavedRun run) throws IOException {
        Path target = save.toAbsolutePath();
        Path temporary = Files.createTempFile(target.getParent(), ".dnstracer-save-", ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                SavedRunFile.write(run, w);
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw new IOException("cannot write the saved trace " + save + ": " + e.getMessage(), e);
        }
    }

    /** Checked before anything is sent, so that a run is not made only to be lost. */
    private void validateSave() throws UsageException {
        Path parent = save.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new UsageException("--save " + save + ": no such directory " + parent);
        }
        if (Files.isDirectory(save)) {
            throw new UsageException("--save " + save + " is a directory");
        }
        if (!Files.isWritable(parent)) {
            throw new UsageException("--save " + save + ": cannot write in " + parent);
        }
    }

    /** The options a replay takes from its file: given on the command line, they would be silently ignored. */
    private static final List<String> ASKING_OPTIONS = List.of("-c", "-C", "-q", "-r", "-s", "-t", "-S", "-4", "-6",
            "-p", "--root-hints", "--tcp", "--no-edns", "--edns-size", "-D", "--check", "--axfr", "--no-follow-cname",
            "--max-time", "--max-ns", "--lab", "--bulk", "--out", "--resume", "--unordered", "--parallel", "--rate",
            "--in-flight", "--no-progress", "--save");

    /** A saved run shown again: its own question, exchanges and judgement inputs; only the output options are ours. */
    private int replay(PrintWriter out) throws UsageException {
        if (host != null) {
            throw new UsageException("--replay shows the saved trace's own question; no HOST ('" + host + "') as well");
        }
        // --lab takes its optional DIR through a parameter consumer, which picocli does not report as matched
        List<String> given = ASKING_OPTIONS.stream().filter(o -> isSet(o) || o.equals("--lab") && lab != null)
                .toList();
        if (!given.isEmpty()) {
            throw new UsageException("--replay takes what was asked from the saved trace: " + String.join(", ", given)
                    + " cannot be given with it (only -o, -v, --json, --fail-on, --trust-anchor, --dnssec-time)");
        }
        Severity threshold = failOnThreshold();
        SavedRun saved;
        try {
            saved = SavedRunFile.read(replay);
        } catch (SavedRunException e) {
            throw new UsageException(e.getMessage());
        }
        SingleRun.Dnssec checking = null;
        if (saved.dnssec() != null) {
            TrustAnchors anchors = trustAnchor != null ? loadAnchors(trustAnchor) : saved.dnssec().anchors();
            Instant at = dnssecTime != null ? Arguments.parseInstant(dnssecTime, "--dnssec-time")
                    : saved.dnssec().time();
            checking = new SingleRun.Dnssec(anchors, at);
        } else if (trustAnchor != null || dnssecTime != null) {
            throw new UsageException((trustAnchor != null ? "--trust-anchor" : "--dnssec-time")
                    + " needs a trace saved with -D; " + replay + " was saved without");
        }
        SingleRun.Plan plan = new SingleRun.Plan(saved.request(), saved.check(), saved.axfr(), checking,
                new AnalysisOptions(saved.lab(), saved.request().followCname()));
        if (saved.timeLimitReached()) {
            // timeouts took their time on the live run and take none on replay: what came in time is not reproduced
            PrintWriter err = spec.commandLine().getErr();
            err.println("dnstracer: note: " + replay + " was cut by its time limit (--max-time "
                    + saved.request().limits().maxTime().toSeconds() + "); its replay may differ in what came in time");
            err.flush();
        }
        // never the transport factory: a replay has no socket to open
        try (ReplayTransport transport = new ReplayTransport(saved.exchanges(), saved.timeLimitReached())) {
            return SingleRun.run(transport, transport::phase, plan, output(threshold), saved.stats(), out).status();
        }
    }

    private int bulk(Transport transport, Settings settings, StartServer start, int destinationPort, RootHints hints,
            boolean inLab, PrintWriter out) throws IOException {
        BulkSettings bulkSettings = BulkSettings.defaults(start, destinationPort, hints)
                .withFamily(settings.family())
                .withTries(settings.transport().tries())
                .withLimits(settings.limits())
                .withFollowCname(!noFollowCname)
                .withParallel(parallel)
                .withOrdered(!unordered)
                .withRate(rate);
        BulkRun.Files files = new BulkRun.Files(bulk, bulkOut, resume, json, !noProgress,
                queryType != null ? queryType : Type.A, new AnalysisOptions(inLab, !noFollowCname));
        return BulkRun.run(transport, bulkSettings, files, out, spec.commandLine().getErr());
    }

    /** --in-flight beyond one transport's cap: as many transports as it takes, each address always on the same one. */
    private Transport bulkTransport(Settings settings) {
        int shards = (inFlight + TransportOptions.MAX_IN_FLIGHT - 1) / TransportOptions.MAX_IN_FLIGHT;
        int each = (inFlight + shards - 1) / shards;
        return ShardedTransport.of(shards, i -> new DnsTransport(settings.transport().withMaxInFlight(each)));
    }

    private boolean isSet(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    /** Options of a single trace that mean nothing per name of a bulk run are refused rather than ignored. */
    private void validateBulk() throws UsageException {
        if (host != null) {
            throw new UsageException("--bulk reads the names from its file; no HOST ('" + host + "') as well");
        }
        if (verbose || overview || noCache || negativeCache) {
            throw new UsageException("-v, -o, -c and -C do not go with --bulk");
        }
        if (save != null) {
            throw new UsageException("--save keeps one trace and does not go with --bulk (its output is the record)");
        }
        if (resume && bulkOut == null) {
            throw new UsageException("--resume needs --out FILE (the output to continue)");
        }
        if (parallel < 1 || parallel > 4096) {
            throw new UsageException("--parallel must be between 1 and 4096, not " + parallel);
        }
        if (inFlight < 1 || inFlight > 1024) {
            throw new UsageException("--in-flight must be between 1 and 1024, not " + inFlight);
        }
        if (!(rate >= 0) || rate > 1_000_000) {
            throw new UsageException("--rate must be between 0 (no limit) and 1000000, not " + rate);
        }
    }

    /** @param familyCause the option that restricted the address family, if any, for messages */
    private record Settings(Question question, IpFamily family, String familyCause, TransportOptions transport,
            Limits limits, Severity failOn) {}

    /** The lab server takes only its own options: anything about a trace would be silently ignored. */
    private void validateLabServe() throws UsageException {
        if (lab != null) {
            throw new UsageException("--lab and --lab-serve cannot be used together");
        }
        if (host != null) {
            throw new UsageException("--lab-serve only serves the lab; it traces no HOST ('" + host + "')");
        }
        if (save != null || replay != null) {
            throw new UsageException((save != null ? "--save" : "--replay") + " does not go with --lab-serve");
        }
    }

    private Settings validate() throws UsageException {
        if (host == null && bulk == null) {
            throw new UsageException("no host to trace given (try --help)");
        }
        if (dnssec && noEdns) {
            throw new UsageException("-D needs EDNS (the DO bit lives in the OPT record): drop --no-edns");
        }
        if (!dnssec && (trustAnchor != null || dnssecTime != null)) {
            throw new UsageException((trustAnchor != null ? "--trust-anchor" : "--dnssec-time") + " needs -D");
        }
        if (ednsSize < 512 || ednsSize > 65535) {
            throw new UsageException("--edns-size must be between 512 and 65535, not " + ednsSize);
        }
        if (maxTime < 1 || maxTime > 86_400) {
            throw new UsageException("--max-time must be between 1 and 86400 seconds, not " + maxTime);
        }
        if (maxNs < 1 || maxNs > 1000) {
            throw new UsageException("--max-ns must be between 1 and 1000, not " + maxNs);
        }
        Limits limits = Limits.defaults().withMaxTime(Duration.ofSeconds(maxTime)).withMaxNameServers(maxNs);
        IpFamily family = familyOption == null ? IpFamily.ANY : familyOption.family();
        String familyCause = familyOption == null ? null : familyOption.flag();
        InetAddress sourceAddress = null;
        if (source != null) {
            sourceAddress = Arguments.localAddress(source);
            boolean v6 = IpAddresses.isIpv6(sourceAddress);
            if (v6 && family == IpFamily.V4_ONLY) {
                throw new UsageException("-S " + source + " is an IPv6 address but -4 asks for IPv4 only");
            }
            if (!v6 && family == IpFamily.V6_ONLY) {
                throw new UsageException("-S " + source + " is an IPv4 address but -6 asks for IPv6 only");
            }
            // a socket bound to one family cannot reach the other: those servers are shown as not queried
            family = v6 ? IpFamily.V6_ONLY : IpFamily.V4_ONLY;
            familyCause = "-S " + source;
        }
        Question question = bulk != null ? null : question();
        TransportOptions options = TransportOptions.defaults()
                .withTries(tries)
                .withMaxTimeout(timeout)
                .withSource(sourceAddress)
                .withTcpOnly(tcp)
                .withEdns(!noEdns, ednsSize)
                .withDnssecOk(dnssec);
        return new Settings(question, family, familyCause, options, limits, failOnThreshold());
    }

    private Severity failOnThreshold() throws UsageException {
        if (failOn == null) {
            return null;
        }
        Severity threshold = Severity.parse(failOn);
        if (threshold == null) {
            throw new UsageException("--fail-on must be error, warning or notice, not '" + failOn + "'");
        }
        return threshold;
    }

    private Question question() throws UsageException {
        Optional<InetAddress> literal = IpAddresses.parseLiteral(host);
        int type = queryType != null ? queryType : literal.isPresent() ? Type.PTR : Type.A;
        if (literal.isPresent()) {
            return new Question(ReverseMap.fromAddress(literal.get()), type);
        }
        return new Question(Arguments.parseName(host, "host"), type);
    }

    private RootHints loadHints() throws UsageException {
        if (rootHints == null) {
            return RootHints.builtIn();
        }
        try {
            return RootHints.load(rootHints);
        } catch (RootHints.HintsException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static RootHints labHints(Lab running) throws UsageException {
        try {
            return RootHints.fromRecords(running.rootHints(), "lab root hints");
        } catch (RootHints.HintsException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static TrustAnchors loadAnchors(Path file) throws UsageException {
        try {
            return TrustAnchors.load(file);
        } catch (TrustAnchors.AnchorException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The lab's own anchor when tracing in a lab (none for a lab that signs nothing), else the IANA root anchors. */
    private static TrustAnchors anchorsFor(Lab running) throws UsageException {
        if (running == null) {
            return TrustAnchors.builtIn();
        }
        if (running.trustAnchors().isEmpty()) {
            return TrustAnchors.none("lab without signed zones");
        }
        try {
            return TrustAnchors.of(running.trustAnchors(), "lab trust anchor");
        } catch (TrustAnchors.AnchorException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static LabDefinition labDefinition(String dir) throws UsageException {
        if (dir.isEmpty()) {
            return LabDefinition.builtIn();
        }
        try {
            return LabDefinition.load(Path.of(dir));
        } catch (LabException e) {
            throw new UsageException(e.getMessage());
        }
    }


}
