package org.dnstracer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.dnstracer.findings.AnalysisOptions;
import org.dnstracer.findings.Checker;
import org.dnstracer.findings.Finding;
import org.dnstracer.findings.Findings;
import org.dnstracer.findings.ProbeResults;
import org.dnstracer.findings.Severity;
import org.dnstracer.dnssec.ChainValidator;
import org.dnstracer.dnssec.DnskeyFetcher;
import org.dnstracer.dnssec.DnssecReport;
import org.dnstracer.dnssec.TrustAnchors;
import java.util.function.Function;
import org.dnstracer.bulk.BulkSettings;
import org.dnstracer.lab.Lab;
import org.dnstracer.lab.LabDefinition;
import org.dnstracer.lab.LabException;
import org.dnstracer.model.Question;
import org.dnstracer.model.StartServer;
import org.dnstracer.model.Trace;
import org.dnstracer.net.DnsTransport;
import org.dnstracer.net.MultiplexedTransport;
import org.dnstracer.net.IpAddresses;
import org.dnstracer.net.Transport;
import org.dnstracer.net.TransportOptions;
import org.dnstracer.render.DnssecText;
import org.dnstracer.render.FindingsBlock;
import org.dnstracer.render.JsonRenderer;
import org.dnstracer.render.Trailer;
import org.dnstracer.render.TreePrinter;
import org.dnstracer.report.ReportFiles;
import org.dnstracer.trace.IpFamily;
import org.dnstracer.trace.Limits;
import org.dnstracer.trace.RootHints;
import org.dnstracer.trace.TraceListener;
import org.dnstracer.trace.TraceRequest;
import org.dnstracer.trace.Tracer;
import org.xbill.DNS.Name;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Type;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The {@code dnstracer} command: options in, one trace out. The options and help texts are in {@link CommandModel};
 * their values are copied into the fields below before a run.
 */
public final class TraceCommand implements Callable<Integer> {
    private CommandSpec spec;

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

    /** A fresh command model whose parsed values {@link #call()} reads. */
    CommandSpec model() {
        spec = CommandModel.of(this);
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
        host = spec.positionalParameters().get(0).getValue();
    }

    /** An option without a value; picocli leaves an unset one in an exclusive group null. */
    private boolean flag(String option) {
        return Boolean.TRUE.equals(spec.findOption(option).getValue());
    }

    private <T> T value(String option) {
        return spec.findOption(option).getValue();
    }

    @Override
    public Integer call() throws Exception {
        load();
        PrintWriter out = spec.commandLine().getOut();
        Instant started = Instant.now();
        ReportFiles reports = new ReportFiles(htmlFile, svgFile, dotFile);
        if (reports.any() && (labServe != null || bulk != null)) {
            throw new UsageException("--html, --svg and --dot report on one trace; not with --lab-serve or --bulk");
        }
        if (labServe != null) {
            validateLabServe();
            return LabServe.run(labDefinition(labServe), port == null ? 0 : port, labFor, dnssec, out);
        }
        if (labFor != null) {
            throw new UsageException("--lab-for needs --lab-serve");
        }
        if (bulk != null) {
            validateBulk();
        } else if (bulkOut != null || resume || unordered || noProgress || isSet(CommandModel.PARALLEL)
                || isSet(CommandModel.RATE) || isSet(CommandModel.IN_FLIGHT)) {
            throw new UsageException("--out, --resume, --unordered, --parallel, --rate, --in-flight and --no-progress "
                    + "need --bulk");
        }
        Settings settings = validate();
        TrustAnchors fileAnchors = dnssec && trustAnchor != null ? loadAnchors(trustAnchor) : null;
        Instant checkAt = dnssecTime == null ? Instant.now() : Arguments.parseInstant(dnssecTime, "--dnssec-time");
        Lab running = lab == null ? null : Lab.start(labDefinition(lab), port == null ? 0 : port, dnssec);
        try {
            RootHints hints = running != null ? labHints(running) : loadHints();
            int destinationPort = running != null ? running.port() : port == null ? 53 : port;
            try (Transport transport = bulk == null ? transports.apply(settings.transport()) : bulkTransport(settings)) {
                Tracer tracer = new Tracer(transport);
                if (bulk != null) {
                    StartServer bulkStart = StartServers.choose(server != null ? server : running != null ? "." : null,
                            resolvConf, hints, settings.family(), settings.familyCause(),
                            name -> tracer.lookup(name, hints, settings.family(), destinationPort));
                    return bulk(transport, settings, bulkStart, destinationPort, hints, running != null, out);
                }
                String startGiven = server != null ? server : running != null ? "." : null;
                StartServer start = StartServers.choose(startGiven, resolvConf, hints, settings.family(),
                        settings.familyCause(), name -> tracer.lookup(name, hints, settings.family(), destinationPort));
                TraceRequest request = new TraceRequest(settings.question(), start, destinationPort, settings.family(),
                        !noCache, negativeCache, !noFollowCname, settings.limits(), hints,
                        settings.transport().tries());
                // with -D the status of a line is known only after the whole trace: the tree is printed then
                TraceListener live = json || dnssec ? TraceListener.NONE
                        : new TreePrinter(out, verbose, start, settings.transport().tries());
                Trace trace = tracer.run(request, live);
                ProbeResults probes = check || axfr
                        ? new Checker(transport, destinationPort, request.limits().maxQueries()
                                - trace.stats().queries(), axfr, check).run(trace)
                        : ProbeResults.NONE;
                DnssecReport report = null;
                if (dnssec) {
                    TrustAnchors anchors = fileAnchors != null ? fileAnchors : anchorsFor(running);
                    report = ChainValidator.validate(trace, DnskeyFetcher.fetch(trace, transport), anchors, checkAt);
                }
                List<Finding> findings = Findings.of(trace, probes,
                        new AnalysisOptions(running != null, !noFollowCname), report);
                if (json) {
                    JsonRenderer.render(trace, findings, report, out);
                } else {
                    if (report != null) {
                        // with -D the status of a line is known only after the whole trace: the tree comes now
                        DnssecReport r = report;
                        TreePrinter.render(trace, verbose, out, node -> DnssecText.suffix(r, node));
                        DnssecText.render(trace, report, out);
                    }
                    Trailer.render(trace, overview, out);
                    FindingsBlock.render(findings, out);
                    if (probes.notSent() > 0) {
                        out.println("Warning: " + probes.notSent() + " --check/--axfr probes not sent: the query "
                                + "budget of " + request.limits().maxQueries() + " was spent");
                    }
                }
                out.flush();
                int status = settings.failOn() != null && Findings.anyAtLeast(findings, settings.failOn())
                        ? Cli.FINDINGS
                        : trace.anyAuthoritative() ? Cli.OK : Cli.NO_AUTHORITATIVE_ANSWER;
                if (reports.any()) {
                    reports.write(trace, findings, report, started, status);
                }
                return status;
            }
        } finally {
            if (running != null) {
                running.close();
            }
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

    /** Many names at once: UDP queries multiplexed on a selector, so --in-flight costs sockets, not threads. */
    private Transport bulkTransport(Settings settings) {
        return new MultiplexedTransport(settings.transport(), inFlight);
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
        Question question = bulk != null ? null : question();
        TransportOptions options = TransportOptions.defaults()
                .withTries(tries)
                .withMaxTimeout(timeout)
                .withSource(sourceAddress)
                .withTcpOnly(tcp)
                .withEdns(!noEdns, ednsSize)
                .withDnssecOk(dnssec);
        Severity threshold = null;
        if (failOn != null) {
            threshold = Severity.parse(failOn);
            if (threshold == null) {
                throw new UsageException("--fail-on must be error, warning or notice, not '" + failOn + "'");
            }
        }
        return new Settings(question, family, familyCause, options, limits, threshold);
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
