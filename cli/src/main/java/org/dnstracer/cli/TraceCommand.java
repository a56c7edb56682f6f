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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.dnstracer.findings.AnalysisOptions;
import org.dnstracer.findings.FindingFilter;
import org.dnstracer.findings.FindingCode;
import org.dnstracer.findings.FindingDoc;
import org.dnstracer.findings.Severity;
import org.dnstracer.dnssec.TrustAnchors;
import java.util.function.Function;
import org.dnstracer.bulk.BulkSettings;
import org.dnstracer.bulk.BulkSetup;
import org.dnstracer.bulk.NameJudging;
import org.dnstracer.lab.Lab;
import org.dnstracer.lab.LabDefinition;
import org.dnstracer.lab.LabException;
import org.dnstracer.model.Question;
import org.dnstracer.model.StartServer;
import org.dnstracer.net.DnsTransport;
import org.dnstracer.net.MultiplexedTransport;
import org.dnstracer.net.IpAddresses;
import org.dnstracer.net.Transport;
import org.dnstracer.net.TransportOptions;
import org.dnstracer.replay.Phase;
import org.dnstracer.replay.RecordingTransport;
import org.dnstracer.replay.ReplayTransport;
import org.dnstracer.replay.SavedRun;
import org.dnstracer.replay.SavedRunException;
import org.dnstracer.replay.SavedRunFile;
import org.dnstracer.report.ReportFiles;
import org.dnstracer.trace.IpFamily;
import org.dnstracer.trace.Limits;
import org.dnstracer.trace.RootHints;
import org.dnstracer.trace.TraceRequest;
import org.dnstracer.trace.Tracer;
import org.xbill.DNS.Name;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Type;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code dnstracer} command: options in, one trace out. The options and help texts are in {@link CommandModel};
 * their values are copied into the fields below before a run.
 */
public final class TraceCommand implements Callable<Integer> {
    private CommandSpec spec;
    private final Map<String, OptionSpec> options = new HashMap<>();
    private Instant started;

    boolean noCache;
    boolean negativeCache;
    boolean overview;
    Integer queryType;
    int tries;
    String server;
    Duration timeout;
    boolean verbose;
    String source;
    boolean ipv4;
    boolean ipv6;
    Integer port;
    Path rootHints;
    boolean tcp;
    boolean noEdns;
    int ednsSize;
    boolean dnssec;
    Path trustAnchor;
    String dnssecTime;
    boolean json;
    Path htmlFile;
    Path svgFile;
    Path dotFile;
    boolean check;
    boolean axfr;
    String failOn;
    String level;
    String ignore;
    String explain;
    boolean noFollowCname;
    int maxTime;
    int maxNs;
    String lab;
    String labServe;
    Duration labFor;
    String bulk;
    Path bulkOut;
    boolean resume;
    boolean unordered;
    int parallel;
    double rate;
    int inFlight;
    boolean noProgress;
    Path save;
    Path replay;
    String host;
    String zone;
    List<String> givenNameServers;
    /** Zone mode's delegation of the zone checked ({@code --zone}, {@code --ns}), or null. */
    private org.dnstracer.trace.ZoneDelegation zoneMode;

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

    /** A fresh command model whose parsed values {@link #call()} reads. */
    CommandSpec model() {
        spec = CommandModel.of(this);
        // by name once: picocli's findOption interpolates every option's names on each call
        options.clear();
        for (OptionSpec option : spec.options()) {
            for (String name : option.names()) {
                options.put(name, option);
            }
        }
        return spec;
    }

    /** Copies the parsed (or default) option values into the fields. */
    private void load() {
        noCache = flag("--no-cache");
        negativeCache = flag("--negative-cache");
        overview = flag("--overview");
        queryType = value("--query-type");
        tries = value(CommandModel.RETRIES);
        server = value("--server");
        timeout = value(CommandModel.TIMEOUT);
        verbose = flag("--verbose");
        source = value("--source");
        ipv4 = flag("--ipv4");
        ipv6 = flag("--ipv6");
        port = value("--port");
        rootHints = value("--root-hints");
        tcp = flag("--tcp");
        noEdns = flag("--no-edns");
        ednsSize = value("--edns-size");
        dnssec = flag("--dnssec");
        trustAnchor = value("--trust-anchor");
        dnssecTime = value("--dnssec-time");
        json = flag("--json");
        htmlFile = value("--html");
        svgFile = value("--svg");
        dotFile = value("--dot");
        check = flag("--check");
        axfr = flag("--axfr");
        failOn = value("--fail-on");
        level = value("--level");
        ignore = value("--ignore");
        explain = value("--explain");
        noFollowCname = flag("--no-follow-cname");
        maxTime = value("--max-time");
        maxNs = value("--max-ns");
        lab = value("--lab");
        labServe = value("--lab-serve");
        labFor = value("--lab-for");
        bulk = value("--bulk");
        bulkOut = value("--out");
        resume = flag("--resume");
        unordered = flag("--unordered");
        parallel = value(CommandModel.PARALLEL);
        rate = value(CommandModel.RATE);
        inFlight = value(CommandModel.IN_FLIGHT);
        noProgress = flag("--no-progress");
        save = value("--save");
        replay = value("--replay");
        zone = value("--zone");
        givenNameServers = value("--ns");
        words = spec.positionalParameters().get(0).getValue();
    }

    private List<String> words;

    /**
     * The words after the options, read as dig reads them: {@code @SERVER} is {@code -s SERVER}, a word after the
     * host is its type ({@code -q}); anything else is refused rather than traced as part of a name.
     */
    private void digHabits() throws UsageException {
        host = null;
        if (words == null) {
            return;
        }
        for (String word : words) {
            if (word.startsWith("@")) {
                if (word.length() == 1) {
                    throw new UsageException("@ needs a server after it, as in @192.0.2.53 (or -s SERVER)");
                }
                if (server != null) {
                    throw new UsageException("the start server is given twice: " + (isSet("--server") ? "-s " + server
                            : "@" + server) + " and " + word);
                }
                server = word.substring(1);
                serverFromWord = true;
            } else if (host == null) {
                host = word;
            } else if (queryType == null || !typeFromWord) {
                if (queryType != null) {
                    throw new UsageException("the query type is given twice: -q and '" + word + "' after the host");
                }
                try {
                    queryType = new QueryTypes().convert(word);
                    typeFromWord = true;
                } catch (picocli.CommandLine.TypeConversionException e) {
                    throw new UsageException("unexpected '" + word + "' after the host '" + host + "': a word after it "
                            + "is its query type, as in dig, and " + e.getMessage());
                }
            } else {
                throw new UsageException("unexpected '" + word + "': give one HOST, then at most a TYPE (or -q) and "
                        + "an @SERVER (or -s)");
            }
        }
    }

    private boolean typeFromWord;
    private boolean serverFromWord;

    /** {@code --explain CODE}: the code's documentation, from the source docs/findings.md is generated from. */
    private int explain(PrintWriter out) throws UsageException {
        if (host != null) {
            throw new UsageException("--explain prints a finding code's documentation; no HOST ('" + host + "')");
        }
        if (zone != null || givenNameServers != null) {
            throw new UsageException("--explain prints a finding code's documentation; no " + (zone != null
                    ? "--zone" : "--ns") + " as well");
        }
        FindingCode code = FindingDoc.code(explain);
        if (code == null) {
            throw new UsageException("--explain: no finding code '" + explain + "' (the codes: docs/findings.md)");
        }
        out.print(FindingDoc.explain(code));
        out.flush();
        return 0;
    }

    /** An option without a value; picocli leaves an unset one in an exclusive group null. */
    private boolean flag(String option) {
        return Boolean.TRUE.equals(options.get(option).getValue());
    }

    private <T> T value(String option) {
        return options.get(option).getValue();
    }

    @Override
    public Integer call() throws Exception {
        load();
        typeFromWord = false;
        serverFromWord = false;
        digHabits();
        PrintWriter out = spec.commandLine().getOut();
        started = Instant.now();
        if (explain != null) {
            return explain(out);
        }
        if (new ReportFiles(htmlFile, svgFile, dotFile).any() && (labServe != null || bulk != null)) {
            throw new UsageException("--html, --svg and --dot report on one trace; not with --lab-serve or --bulk");
        }
        if (json && (overview || verbose)) {
            throw new UsageException((overview ? "-o" : "-v") + " prints text; --json holds the answers and every "
                    + "exchange already: drop " + (overview ? "-o" : "-v"));
        }
        // every file the run writes or reads is checked before anything is sent, so that no run is made to be lost
        checkOutput("--save", save);
        checkOutput("--html", htmlFile);
        checkOutput("--svg", svgFile);
        checkOutput("--dot", dotFile);
        checkOutput("--out", bulkOut);
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
        } else if (bulkOut != null || resume || unordered || noProgress || isSet(CommandModel.PARALLEL)
                || isSet(CommandModel.RATE) || isSet(CommandModel.IN_FLIGHT)) {
            throw new UsageException("--out, --resume, --unordered, --parallel, --rate, --in-flight and --no-progress "
                    + "need --bulk");
        }
        zoneMode = ZoneMode.of(zone, givenNameServers, host, queryType != null, bulk, save);
        Settings settings = validate();
        if (bulk != null && !"-".equals(bulk)) {
            checkInput(Path.of(bulk)); // after the usage errors, before the lab or the network is touched
        }
        TrustAnchors fileAnchors = dnssec && trustAnchor != null ? loadAnchors(trustAnchor) : null;
        Instant checkAt = dnssecTime == null ? Instant.now() : Arguments.parseInstant(dnssecTime, "--dnssec-time");
        Lab running = lab == null ? null : Lab.start(labDefinition(lab), port == null ? 0 : port, dnssec);
        try {
            RootHints hints = running != null ? labHints(running) : loadHints();
            int destinationPort = running != null ? running.port() : port == null ? 53 : port;
            SavedRun.Dnssec checking = dnssec
                    ? new SavedRun.Dnssec(checkAt, fileAnchors != null ? fileAnchors : anchorsFor(running)) : null;
            if (bulk != null) {
                try (Transport transport = bulkTransport(settings)) {
                    Tracer tracer = new Tracer(transport);
                    StartServer bulkStart = StartServers.choose(server != null ? server : running != null ? "." : null,
                            resolvConf, hints, settings.family(), settings.familyCause(),
                            name -> tracer.lookup(name, hints, settings.family(), destinationPort));
                    return bulk(transport, settings, bulkStart, destinationPort, hints, running != null, checking, out);
                }
            }
            return single(settings, hints, destinationPort, running != null, checking, out);
        } finally {
            if (running != null) {
                running.close();
            }
        }
    }

    /** One live trace; with --save, recorded on its way and written when the transport is closed. */
    private int single(Settings settings, RootHints hints, int destinationPort, boolean inLab,
            SavedRun.Dnssec checking, PrintWriter out) throws IOException, UsageException {
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
            // zone mode is a check of the zone: its probes come with it
            plan = new SingleRun.Plan(request, check || zoneMode != null, axfr, checking,
                    new AnalysisOptions(inLab, !noFollowCname), zoneMode);
            result = SingleRun.run(transport, phases, plan, output(settings.failOn(), started), null, out);
        }
        if (recorder != null) {
            // after close: what the run did not wait for has ended too, and is kept marked as late
            SavedRun run = new SavedRun(Version.line(), Instant.now(),
                    spec.commandLine().getParseResult().originalArgs(), plan.request(), settings.transport().source(),
                    inLab, check, axfr,
                    checking, result.trace().stats(),
                    result.trace().warnings().stream().anyMatch(w -> w.startsWith(Tracer.TIME_LIMIT_WARNING)),
                    recorder.recorded());
            writeSaved(run);
        }
        return result.status();
    }

    /** @param when when the run shown started (a replay's: when the saved run did) */
    private SingleRun.Output output(Severity failOnThreshold, Instant when) throws UsageException {
        return new SingleRun.Output(json, verbose, overview, failOnThreshold, findingFilter(),
                new ReportFiles(htmlFile, svgFile, dotFile), when);
    }

    /** {@code --level} and {@code --ignore}. */
    private FindingFilter findingFilter() throws UsageException {
        Severity mildest = null;
        if (level != null) {
            mildest = Severity.parse(level);
            if (mildest == null) {
                throw new UsageException("--level must be error, warning or notice, not '" + level + "'");
            }
        }
        try {
            return new FindingFilter(mildest, ignore == null ? Set.of() : FindingFilter.parseCodes(ignore));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--ignore: " + e.getMessage());
        }
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

    /** A file the run will write: checked before anything is sent, so that a run is not made only to be lost. */
    private static void checkOutput(String option, Path file) throws UsageException {
        if (file == null) {
            return;
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new UsageException(option + " " + file + ": no such directory " + parent);
        }
        if (Files.isDirectory(file)) {
            throw new UsageException(option + " " + file + " is a directory");
        }
        if (!Files.isWritable(parent) || Files.exists(file) && !Files.isWritable(file)) {
            throw new UsageException(option + " " + file + ": cannot write " + (Files.exists(file) ? "it" : "in "
                    + parent));
        }
    }

    /** The --bulk input: an I/O error (3) that says why, before the lab or the network is touched. */
    private static void checkInput(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new IOException("cannot read " + file + ": no such file");
        }
        if (Files.isDirectory(file)) {
            throw new IOException("cannot read " + file + ": it is a directory");
        }
        if (!Files.isReadable(file)) {
            throw new IOException("cannot read " + file + ": permission denied");
        }
    }

    /** The options a replay takes from its file: given on the command line, they would be silently ignored. */
    private static final List<String> ASKING_OPTIONS = List.of("-c", "-C", "-q", "-r", "-s", "-t", "-S", "-4", "-6",
            "-p", "--root-hints", "--tcp", "--no-edns", "--edns-size", "-D", "--check", "--axfr", "--no-follow-cname",
            "--max-time", "--max-ns", "--lab", "--bulk", "--out", "--resume", "--unordered", "--parallel", "--rate",
            "--in-flight", "--no-progress", "--save", "--zone", "--ns");

    /** A saved run shown again: its own question, exchanges and judgement inputs; only the output options are ours. */
    private int replay(PrintWriter out) throws UsageException, IOException {
        if (host != null) {
            throw new UsageException("--replay shows the saved trace's own question; no HOST ('" + host + "') as well");
        }
        // --lab takes its optional DIR through a parameter consumer, which picocli does not report as matched
        List<String> given = new java.util.ArrayList<>(ASKING_OPTIONS.stream()
                .filter(o -> isSet(o) || o.equals("--lab") && lab != null).toList());
        if (serverFromWord) {
            given.add("@" + server);
        }
        if (!given.isEmpty()) {
            throw new UsageException("--replay takes what was asked from the saved trace: " + String.join(", ", given)
                    + " cannot be given with it (only -o, -v, --json, --fail-on, --level, --ignore, --html, --svg, "
                    + "--dot, --trust-anchor, --dnssec-time)");
        }
        Severity threshold = failOnThreshold();
        findingFilter();
        SavedRun saved;
        try {
            saved = SavedRunFile.read(replay);
        } catch (SavedRunException e) {
            throw new UsageException(e.getMessage());
        }
        SavedRun.Dnssec checking = null;
        if (saved.dnssec() != null) {
            TrustAnchors anchors = trustAnchor != null ? loadAnchors(trustAnchor) : saved.dnssec().anchors();
            Instant at = dnssecTime != null ? Arguments.parseInstant(dnssecTime, "--dnssec-time")
                    : saved.dnssec().time();
            checking = new SavedRun.Dnssec(at, anchors);
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
            Instant when = saved.savedAt().minusMillis(saved.stats().elapsedMillis());
            return SingleRun.run(transport, transport::phase, plan, output(threshold, when), saved.stats(), out)
                    .status();
        }
    }

    private int bulk(Transport transport, Settings settings, StartServer start, int destinationPort, RootHints hints,
            boolean inLab, SavedRun.Dnssec checking, PrintWriter out) throws IOException, UsageException {
        BulkSettings bulkSettings = BulkSettings.defaults(start, destinationPort, hints)
                .withFamily(settings.family())
                .withTries(settings.transport().tries())
                .withLimits(settings.limits())
                .withFollowCname(!noFollowCname)
                .withParallel(parallel)
                .withOrdered(!unordered)
                .withRate(rate);
        BulkRun.Files files = new BulkRun.Files(bulk, bulkOut, resume, json, !noProgress,
                queryType != null ? queryType : Type.A);
        NameJudging judging = new NameJudging(check, axfr, checking, settings.failOn(), findingFilter(),
                new AnalysisOptions(inLab, !noFollowCname));
        return BulkRun.run(transport, bulkSettings, files, judging, out, spec.commandLine().getErr());
    }

    /** Many names at once: the bulk run's transport, as the Spark job's. */
    private Transport bulkTransport(Settings settings) {
        return BulkSetup.transport(settings.transport(), inFlight);
    }

    private boolean isSet(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(options.get(option));
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
        if (inFlight < 1 || inFlight > MultiplexedTransport.MAX_IN_FLIGHT) {
            throw new UsageException("--in-flight must be between 1 and " + MultiplexedTransport.MAX_IN_FLIGHT
                    + ", not " + inFlight);
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
        if (serverFromWord) {
            throw new UsageException("--lab-serve only serves the lab; it traces from no @" + server);
        }
        if (save != null || replay != null) {
            throw new UsageException((save != null ? "--save" : "--replay") + " does not go with --lab-serve");
        }
        List<String> others = spec.commandLine().getParseResult().matchedOptions().stream()
                .filter(o -> !LAB_SERVE_OPTIONS.contains(o.longestName()))
                .map(OptionSpec::longestName).distinct().toList();
        if (!others.isEmpty()) {
            throw new UsageException("--lab-serve only serves the lab (with -p, -D, --lab-for): "
                    + String.join(", ", others) + " would be ignored");
        }
    }

    /** What the lab server takes; it traces nothing, so every option about a trace is refused rather than ignored. */
    private static final List<String> LAB_SERVE_OPTIONS = List.of("--lab-serve", "--port", "--dnssec", "--lab-for");

    private Settings validate() throws UsageException {
        if (host == null && bulk == null && zoneMode == null) {
            throw new UsageException("no host to trace given (try --help)");
        }
        if (lab != null && rootHints != null) {
            throw new UsageException("--lab traces from the lab's own root; --root-hints would be ignored");
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
        IpFamily family = ipv4 ? IpFamily.V4_ONLY : ipv6 ? IpFamily.V6_ONLY : IpFamily.ANY;
        String familyCause = ipv4 ? "-4" : ipv6 ? "-6" : null;
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
        Question question = bulk != null ? null : zoneMode != null ? ZoneMode.question(zoneMode) : question();
        TransportOptions options = TransportOptions.defaults()
                .withTries(tries)
                .withMaxTimeout(timeout)
                .withSource(sourceAddress)
                .withTcpOnly(tcp)
                .withEdns(!noEdns, ednsSize)
                .withDnssecOk(dnssec);
        findingFilter(); // checked before anything is sent
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
