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
import java.util.Objects;
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
import org.dnstracer.model.Names;
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
import org.dnstracer.trace.ZoneDelegation;
import org.xbill.DNS.Name;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Type;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The {@code dnstracer} command: options in, one trace out. The options and help texts are in {@link CommandModel};
 * a run reads their values from one {@link TraceOptions}, made from the parsed model.
 */
public final class TraceCommand implements Callable<Integer> {
    private CommandSpec spec;
    private TraceOptions options;
    // its groups, as --help groups them: set with it, at the start of each call
    private TraceOptions.Target target;
    private TraceOptions.Faults faults;
    private TraceOptions.Output output;
    private TraceOptions.ManyNames many;
    /** Zone mode's delegation of the zone checked ({@code --zone}, {@code --ns}), or null. */
    private ZoneDelegation zoneMode;
    private TraceOptions.Sending sending;
    private TraceOptions.LabOptions lab;
    private Instant started;

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
        return spec;
    }

    /**
     * The words after the options, read as dig reads them: {@code @SERVER} is {@code -s SERVER}, a word after the
     * host is its type ({@code -q}); anything else is refused rather than traced as part of a name.
     */
    private static TraceOptions.Target digHabits(TraceOptions parsed) throws UsageException {
        TraceOptions.Target target = parsed.target();
        String host = null;
        Integer queryType = target.queryType();
        String server = target.server();
        boolean serverFromWord = false;
        boolean typeFromWord = false;
        for (String word : parsed.words()) {
            if (word.startsWith("@")) {
                if (word.length() == 1) {
                    throw new UsageException("@ needs a server after it, as in @192.0.2.53 (or -s SERVER)");
                }
                if (server != null) {
                    throw new UsageException("the start server is given twice: " + (parsed.given("--server")
                            ? "-s " + server : "@" + server) + " and " + word);
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
        return new TraceOptions.Target(host, queryType, server, serverFromWord, target.noFollowCname());
    }

    /** {@code --explain CODE}: the code's documentation, from the source docs/findings.md is generated from. */
    private int explain(PrintWriter out) throws UsageException {
        if (target.host() != null) {
            throw new UsageException("--explain prints a finding code's documentation; no HOST ('" + target.host()
                    + "')");
        }
        if (faults.zone() != null || faults.nameServers() != null) {
            throw new UsageException("--explain prints a finding code's documentation; no "
                    + (faults.zone() != null ? "--zone" : "--ns") + " as well");
        }
        FindingCode code = FindingDoc.code(faults.explain());
        if (code == null) {
            throw new UsageException("--explain: no finding code '" + faults.explain()
                    + "' (the codes: docs/findings.md)");
        }
        out.print(FindingDoc.explain(code));
        out.flush();
        return 0;
    }

    @Override
    public Integer call() throws Exception {
        TraceOptions parsed = TraceOptions.from(spec);
        options = parsed.withTarget(digHabits(parsed));
        target = options.target();
        faults = options.faults();
        output = options.output();
        many = options.manyNames();
        sending = options.sending();
        lab = options.lab();
        PrintWriter out = spec.commandLine().getOut();
        started = Instant.now();
        if (faults.explain() != null) {
            return explain(out);
        }
        if (new ReportFiles(output.html(), output.svg(), output.dot()).any()
                && (lab.labServe() != null || many.bulk() != null)) {
            throw new UsageException("--html, --svg and --dot report on one trace; not with --lab-serve or --bulk");
        }
        if (output.json() && (output.overview() || output.verbose())) {
            throw new UsageException((output.overview() ? "-o" : "-v") + " prints text; --json holds the answers and "
                    + "every exchange already: drop " + (output.overview() ? "-o" : "-v"));
        }
        // every file the run writes or reads is checked before anything is sent, so that no run is made to be lost
        checkOutput("--save", output.save());
        checkOutput("--html", output.html());
        checkOutput("--svg", output.svg());
        checkOutput("--dot", output.dot());
        checkOutput("--out", many.out());
        if (lab.labServe() != null) {
            validateLabServe();
            return LabServe.run(labDefinition(lab.labServe()), sending.port() == null ? 0 : sending.port(),
                    lab.labFor(), faults.dnssec(), out);
        }
        if (lab.labFor() != null) {
            throw new UsageException("--lab-for needs --lab-serve");
        }
        if (output.replay() != null) {
            return replay(out);
        }
        if (many.bulk() != null) {
            validateBulk();
        } else if (many.out() != null || many.resume() || many.unordered() || many.noProgress()
                || options.given(CommandModel.PARALLEL) || options.given(CommandModel.RATE)
                || options.given(CommandModel.IN_FLIGHT)) {
            throw new UsageException("--out, --resume, --unordered, --parallel, --rate, --in-flight and --no-progress "
                    + "need --bulk");
        }
        zoneMode = ZoneMode.of(faults.zone(), faults.nameServers(), target.host(), target.queryType() != null,
                many.bulk());
        Settings settings = validate();
        if (many.bulk() != null && !"-".equals(many.bulk())) {
            checkInput(Path.of(many.bulk())); // after the usage errors, before the lab or the network is touched
        }
        TrustAnchors fileAnchors = faults.dnssec() && faults.trustAnchor() != null
                ? loadAnchors(faults.trustAnchor()) : null;
        Instant checkAt = faults.dnssecTime() == null ? Instant.now()
                : Arguments.parseInstant(faults.dnssecTime(), "--dnssec-time");
        Lab running = lab.lab() == null ? null
                : Lab.start(labDefinition(lab.lab()), sending.port() == null ? 0 : sending.port(), faults.dnssec());
        try {
            RootHints hints = running != null ? labHints(running) : loadHints();
            int destinationPort = running != null ? running.port() : sending.port() == null ? 53 : sending.port();
            SavedRun.Dnssec checking = faults.dnssec()
                    ? new SavedRun.Dnssec(checkAt, fileAnchors != null ? fileAnchors : anchorsFor(running)) : null;
            if (many.bulk() != null) {
                try (Transport transport = bulkTransport(settings)) {
                    Tracer tracer = new Tracer(transport);
                    StartServer bulkStart = StartServers.choose(
                            target.server() != null ? target.server() : running != null ? "." : null,
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
        RecordingTransport recorder = output.save() == null ? null : new RecordingTransport(made);
        Consumer<Phase> phases = recorder == null ? phase -> { } : recorder::phase;
        SingleRun.Plan plan;
        SingleRun.Result result;
        try (Transport transport = recorder != null ? recorder : made) {
            phases.accept(Phase.START);
            Tracer tracer = new Tracer(transport);
            String startGiven = target.server() != null ? target.server() : inLab ? "." : null;
            StartServer start = StartServers.choose(startGiven, resolvConf, hints, settings.family(),
                    settings.familyCause(), name -> tracer.lookup(name, hints, settings.family(), destinationPort));
            TraceRequest request = new TraceRequest(settings.question(), start, destinationPort, settings.family(),
                    !sending.noCache(), sending.negativeCache(), !target.noFollowCname(), settings.limits(), hints,
                    settings.transport().tries());
            // zone mode is a check of the zone: its probes come with it
            plan = new SingleRun.Plan(request, faults.check() || zoneMode != null, faults.axfr(), checking,
                    new AnalysisOptions(inLab, !target.noFollowCname()), zoneMode);
            result = SingleRun.run(transport, phases, plan, output(settings.failOn(), started), null, out);
        }
        if (recorder != null) {
            // after close: what the run did not wait for has ended too, and is kept marked as late
            SavedRun run = new SavedRun(Version.line(), Instant.now(),
                    spec.commandLine().getParseResult().originalArgs(), plan.request(), settings.transport().source(),
                    inLab, plan.check(), faults.axfr(), zoneMode,
                    checking, result.trace().stats(),
                    result.trace().warnings().stream().anyMatch(w -> w.startsWith(Tracer.TIME_LIMIT_WARNING)),
                    recorder.recorded());
            writeSaved(run);
        }
        return result.status();
    }

    /** @param when when the run shown started (a replay's: when the saved run did) */
    private SingleRun.Output output(Severity failOnThreshold, Instant when) throws UsageException {
        return new SingleRun.Output(output.json(), output.verbose(), output.overview(), failOnThreshold,
                findingFilter(),
                new ReportFiles(output.html(), output.svg(), output.dot()), when);
    }

    /** {@code --level} and {@code --ignore}. */
    private FindingFilter findingFilter() throws UsageException {
        Severity mildest = null;
        if (faults.level() != null) {
            mildest = Severity.parse(faults.level());
            if (mildest == null) {
                throw new UsageException("--level must be error, warning or notice, not '" + faults.level() + "'");
            }
        }
        try {
            return new FindingFilter(mildest,
                    faults.ignore() == null ? Set.of() : FindingFilter.parseCodes(faults.ignore()));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--ignore: " + e.getMessage());
        }
    }

    /** Written next to FILE first and then moved over it: an interrupted save leaves no half a document. */
    private void writeSaved(SavedRun run) throws IOException {
        Path target = output.save().toAbsolutePath();
        Path temporary = Files.createTempFile(target.getParent(), ".dnstracer-save-", ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                SavedRunFile.write(run, w);
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw new IOException("cannot write the saved trace " + output.save() + ": " + e.getMessage(), e);
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
        if (target.host() != null) {
            throw new UsageException("--replay shows the saved trace's own question; no HOST ('" + target.host()
                    + "') as well");
        }
        // --lab takes its optional DIR through a parameter consumer, which picocli does not report as matched
        List<String> given = new java.util.ArrayList<>(ASKING_OPTIONS.stream()
                .filter(o -> options.given(o) || o.equals("--lab") && lab.lab() != null).toList());
        if (target.serverFromWord()) {
            given.add("@" + target.server());
        }
        // --zone and --ns alone are checked against the file below: they may say again what it holds
        if (!ZONE_OPTIONS.containsAll(given)) {
            throw new UsageException("--replay takes what was asked from the saved trace: " + String.join(", ", given)
                    + " cannot be given with it (only -o, -v, --json, --fail-on, --level, --ignore, --html, --svg, "
                    + "--dot, --trust-anchor, --dnssec-time)");
        }
        Severity threshold = failOnThreshold();
        findingFilter();
        SavedRun saved;
        try {
            saved = SavedRunFile.read(output.replay());
        } catch (SavedRunException e) {
            throw new UsageException(e.getMessage());
        }
        if (!given.isEmpty()) {
            checkZoneAgrees(saved.zone());
        }
        SavedRun.Dnssec checking = null;
        if (saved.dnssec() != null) {
            TrustAnchors anchors = faults.trustAnchor() != null ? loadAnchors(faults.trustAnchor())
                    : saved.dnssec().anchors();
            Instant at = faults.dnssecTime() != null ? Arguments.parseInstant(faults.dnssecTime(), "--dnssec-time")
                    : saved.dnssec().time();
            checking = new SavedRun.Dnssec(at, anchors);
        } else if (faults.trustAnchor() != null || faults.dnssecTime() != null) {
            throw new UsageException((faults.trustAnchor() != null ? "--trust-anchor" : "--dnssec-time")
                    + " needs a trace saved with -D; " + output.replay() + " was saved without");
        }
        SingleRun.Plan plan = new SingleRun.Plan(saved.request(), saved.check(), saved.axfr(), checking,
                new AnalysisOptions(saved.lab(), saved.request().followCname()), saved.zone());
        if (saved.timeLimitReached()) {
            // timeouts took their time on the live run and take none on replay: what came in time is not reproduced
            PrintWriter err = spec.commandLine().getErr();
            err.println("dnstracer: note: " + output.replay() + " was cut by its time limit (--max-time "
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

    /** What a replay may be told again: zone mode's options, when they agree with the saved run's. */
    private static final List<String> ZONE_OPTIONS = List.of("--zone", "--ns");

    /**
     * {@code --zone} (and {@code --ns}) given with {@code --replay}: accepted when they say what the file holds, as
     * a reminder of what is replayed; refused when they differ, rather than replaying another zone's run silently.
     */
    private void checkZoneAgrees(ZoneDelegation saved) throws UsageException {
        String options = faults.nameServers() == null ? "--zone" : faults.zone() == null ? "--ns" : "--zone and --ns";
        if (saved == null) {
            throw new UsageException("--replay " + output.replay() + " is not a zone-mode run: " + options
                    + " cannot be given with it");
        }
        ZoneDelegation asked = ZoneMode.of(faults.zone(), faults.nameServers(), null, false,
                null);
        boolean agrees = asked.zone().equals(saved.zone())
                && (faults.nameServers() == null || Objects.equals(asked.given(), saved.given()));
        if (!agrees) {
            throw new UsageException("--replay " + output.replay() + " checked " + zoneText(saved) + "; "
                    + options + " given here do" + (faults.nameServers() == null ? "es" : "") + " not agree");
        }
    }

    /** Zone mode as the user gave it: {@code --zone ZONE} and each {@code --ns NAME[/ADDRESS]}. */
    private static String zoneText(ZoneDelegation zone) {
        StringBuilder text = new StringBuilder("--zone " + Names.display(zone.zone()));
        if (zone.given() != null) {
            for (Name ns : zone.given().nameServers()) {
                List<InetAddress> addresses = zone.given().glueFor(ns);
                if (addresses.isEmpty()) {
                    text.append(" --ns ").append(Names.display(ns));
                }
                for (InetAddress a : addresses) {
                    text.append(" --ns ").append(Names.display(ns)).append('/')
                            .append(IpAddresses.format(a));
                }
            }
        }
        return text.toString();
    }

    private int bulk(Transport transport, Settings settings, StartServer start, int destinationPort, RootHints hints,
            boolean inLab, SavedRun.Dnssec checking, PrintWriter out) throws IOException, UsageException {
        BulkSettings bulkSettings = BulkSettings.defaults(start, destinationPort, hints)
                .withFamily(settings.family())
                .withTries(settings.transport().tries())
                .withLimits(settings.limits())
                .withFollowCname(!target.noFollowCname())
                .withParallel(many.parallel())
                .withOrdered(!many.unordered())
                .withRate(many.rate());
        BulkRun.Files files = new BulkRun.Files(many.bulk(), many.out(), many.resume(), output.json(),
                !many.noProgress(),
                target.queryType() != null ? target.queryType() : Type.A);
        NameJudging judging = new NameJudging(faults.check(), faults.axfr(), checking, settings.failOn(),
                findingFilter(),
                new AnalysisOptions(inLab, !target.noFollowCname()));
        return BulkRun.run(transport, bulkSettings, files, judging, out, spec.commandLine().getErr());
    }

    /** Many names at once: the bulk run's transport, as the Spark job's. */
    private Transport bulkTransport(Settings settings) {
        return BulkSetup.transport(settings.transport(), many.inFlight());
    }

    /** Options of a single trace that mean nothing per name of a bulk run are refused rather than ignored. */
    private void validateBulk() throws UsageException {
        if (target.host() != null) {
            throw new UsageException("--bulk reads the names from its file; no HOST ('" + target.host() + "') as well");
        }
        if (output.verbose() || output.overview() || sending.noCache() || sending.negativeCache()) {
            throw new UsageException("-v, -o, -c and -C do not go with --bulk");
        }
        if (output.save() != null) {
            throw new UsageException("--save keeps one trace and does not go with --bulk (its output is the record)");
        }
        if (many.resume() && many.out() == null) {
            throw new UsageException("--resume needs --out FILE (the output to continue)");
        }
        if (many.parallel() < 1 || many.parallel() > 4096) {
            throw new UsageException("--parallel must be between 1 and 4096, not " + many.parallel());
        }
        if (many.inFlight() < 1 || many.inFlight() > MultiplexedTransport.MAX_IN_FLIGHT) {
            throw new UsageException("--in-flight must be between 1 and " + MultiplexedTransport.MAX_IN_FLIGHT
                    + ", not " + many.inFlight());
        }
        if (!(many.rate() >= 0) || many.rate() > 1_000_000) {
            throw new UsageException("--rate must be between 0 (no limit) and 1000000, not " + many.rate());
        }
    }

    /** @param familyCause the option that restricted the address family, if any, for messages */
    private record Settings(Question question, IpFamily family, String familyCause, TransportOptions transport,
            Limits limits, Severity failOn) {}

    /** The lab server takes only its own options: anything about a trace would be silently ignored. */
    private void validateLabServe() throws UsageException {
        if (lab.lab() != null) {
            throw new UsageException("--lab and --lab-serve cannot be used together");
        }
        if (target.host() != null) {
            throw new UsageException("--lab-serve only serves the lab; it traces no HOST ('" + target.host() + "')");
        }
        if (target.serverFromWord()) {
            throw new UsageException("--lab-serve only serves the lab; it traces from no @" + target.server());
        }
        if (output.save() != null || output.replay() != null) {
            throw new UsageException((output.save() != null ? "--save" : "--replay") + " does not go with --lab-serve");
        }
        // by their long names, which are their longest ones
        List<String> others = options.given().stream().filter(n -> n.startsWith("--"))
                .filter(n -> !LAB_SERVE_OPTIONS.contains(n)).toList();
        if (!others.isEmpty()) {
            throw new UsageException("--lab-serve only serves the lab (with -p, -D, --lab-for): "
                    + String.join(", ", others) + " would be ignored");
        }
    }

    /** What the lab server takes; it traces nothing, so every option about a trace is refused rather than ignored. */
    private static final List<String> LAB_SERVE_OPTIONS = List.of("--lab-serve", "--port", "--dnssec", "--lab-for");

    private Settings validate() throws UsageException {
        if (target.host() == null && many.bulk() == null && zoneMode == null) {
            throw new UsageException("no host to trace given (try --help)");
        }
        if (lab.lab() != null && sending.rootHints() != null) {
            throw new UsageException("--lab traces from the lab's own root; --root-hints would be ignored");
        }
        if (faults.dnssec() && sending.noEdns()) {
            throw new UsageException("-D needs EDNS (the DO bit lives in the OPT record): drop --no-edns");
        }
        if (!faults.dnssec() && (faults.trustAnchor() != null || faults.dnssecTime() != null)) {
            throw new UsageException((faults.trustAnchor() != null ? "--trust-anchor" : "--dnssec-time") + " needs -D");
        }
        if (sending.ednsSize() < 512 || sending.ednsSize() > 65535) {
            throw new UsageException("--edns-size must be between 512 and 65535, not " + sending.ednsSize());
        }
        if (sending.maxTime() < 1 || sending.maxTime() > 86_400) {
            throw new UsageException("--max-time must be between 1 and 86400 seconds, not " + sending.maxTime());
        }
        if (sending.maxNs() < 1 || sending.maxNs() > 1000) {
            throw new UsageException("--max-ns must be between 1 and 1000, not " + sending.maxNs());
        }
        Limits limits = Limits.defaults().withMaxTime(Duration.ofSeconds(sending.maxTime()))
                .withMaxNameServers(sending.maxNs());
        IpFamily family = sending.ipv4() ? IpFamily.V4_ONLY : sending.ipv6() ? IpFamily.V6_ONLY : IpFamily.ANY;
        String familyCause = sending.ipv4() ? "-4" : sending.ipv6() ? "-6" : null;
        InetAddress sourceAddress = null;
        if (sending.source() != null) {
            sourceAddress = Arguments.localAddress(sending.source());
            boolean v6 = IpAddresses.isIpv6(sourceAddress);
            if (v6 && family == IpFamily.V4_ONLY) {
                throw new UsageException("-S " + sending.source() + " is an IPv6 address but -4 asks for IPv4 only");
            }
            if (!v6 && family == IpFamily.V6_ONLY) {
                throw new UsageException("-S " + sending.source() + " is an IPv4 address but -6 asks for IPv6 only");
            }
            // a socket bound to one family cannot reach the other: those servers are shown as not queried
            family = v6 ? IpFamily.V6_ONLY : IpFamily.V4_ONLY;
            familyCause = "-S " + sending.source();
        }
        Question question = many.bulk() != null ? null : zoneMode != null ? ZoneMode.question(zoneMode) : question();
        TransportOptions options = TransportOptions.defaults()
                .withTries(sending.retries())
                .withMaxTimeout(sending.timeout())
                .withSource(sourceAddress)
                .withTcpOnly(sending.tcp())
                .withEdns(!sending.noEdns(), sending.ednsSize())
                .withDnssecOk(faults.dnssec());
        findingFilter(); // checked before anything is sent
        return new Settings(question, family, familyCause, options, limits, failOnThreshold());
    }

    private Severity failOnThreshold() throws UsageException {
        if (faults.failOn() == null) {
            return null;
        }
        Severity threshold = Severity.parse(faults.failOn());
        if (threshold == null) {
            throw new UsageException("--fail-on must be error, warning or notice, not '" + faults.failOn() + "'");
        }
        return threshold;
    }

    private Question question() throws UsageException {
        Optional<InetAddress> literal = IpAddresses.parseLiteral(target.host());
        int type = target.queryType() != null ? target.queryType() : literal.isPresent() ? Type.PTR : Type.A;
        if (literal.isPresent()) {
            return new Question(ReverseMap.fromAddress(literal.get()), type);
        }
        return new Question(Arguments.parseName(target.host(), "host"), type);
    }

    private RootHints loadHints() throws UsageException {
        if (sending.rootHints() == null) {
            return RootHints.builtIn();
        }
        try {
            return RootHints.load(sending.rootHints());
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
