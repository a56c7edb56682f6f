package org.dnstracer.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.dnstracer.lab.Lab;
import org.dnstracer.lab.LabDefinition;
import org.dnstracer.lab.LabException;
import org.dnstracer.model.Question;
import org.dnstracer.model.StartServer;
import org.dnstracer.model.Trace;
import org.dnstracer.net.DnsTransport;
import org.dnstracer.net.IpAddresses;
import org.dnstracer.net.Transport;
import org.dnstracer.net.TransportOptions;
import org.dnstracer.render.JsonRenderer;
import org.dnstracer.render.Trailer;
import org.dnstracer.render.TreePrinter;
import org.dnstracer.trace.IpFamily;
import org.dnstracer.trace.Limits;
import org.dnstracer.trace.RootHints;
import org.dnstracer.trace.TraceListener;
import org.dnstracer.trace.TraceRequest;
import org.dnstracer.trace.Tracer;
import org.xbill.DNS.Name;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Type;
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
        },
        parameterListHeading = "%nParameters:%n",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExit status:%n",
        footer = {
            "  0  at least one server answered authoritatively (NXDOMAIN and NODATA count)",
            "  1  no server answered authoritatively",
            "  2  usage error or bad input",
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

    @Option(names = {"-q", "--query-type"}, paramLabel = "TYPE",
            description = "Record type to ask for: a mnemonic (A, AAAA, MX, TXT, ...) or a number 1-65535. Default: A, "
                    + "or PTR when the host is an IP address.")
    String queryType;

    @Option(names = {"-r", "--retries"}, paramLabel = "N", defaultValue = "3",
            description = "Number of tries per server, as in dnstracer 1.9 (default: ${DEFAULT-VALUE}).")
    String tries;

    @Option(names = {"-s", "--server"}, paramLabel = "SERVER",
            description = "Start server: an IP address, a name (looked up from the root hints), or . for the root "
                    + "servers. Default: the first nameserver of /etc/resolv.conf, else 127.0.0.1.")
    String server;

    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", defaultValue = "5",
            description = "Longest wait of one try; tries start shorter and double (default: ${DEFAULT-VALUE}, "
                    + "0 means 30).")
    String timeout;

    @Option(names = {"-v", "--verbose"}, description = "Dump every query sent and every reply received.")
    boolean verbose;

    @Option(names = {"-S", "--source"}, paramLabel = "ADDRESS", description = "Local IP address to send queries from.")
    String source;

    @Option(names = {"-4", "--ipv4"}, description = "Query IPv4 servers only (IPv6 ones are shown as not queried).")
    boolean ipv4;

    @Option(names = {"-6", "--ipv6"}, description = "Query IPv6 servers only.")
    boolean ipv6;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT",
            description = "Destination port of every query (default: 53; with --lab: the lab's port).")
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

    @Option(names = "--json", description = "Print the whole trace as one JSON document instead of the tree.")
    boolean json;

    @Option(names = "--no-follow-cname", description = "Do not trace the targets of CNAME answers.")
    boolean noFollowCname;

    @Option(names = "--lab", arity = "0..1", paramLabel = "DIR", parameterConsumer = OptionalDirectory.class,
            description = "Start the built-in DNS lab (or the lab in DIR) on loopback and trace in it from its root.")
    String lab;

    @Option(names = "--lab-serve", arity = "0..1", paramLabel = "DIR", parameterConsumer = OptionalDirectory.class,
            description = "Only serve the built-in lab (or the lab in DIR) and print its servers, until interrupted.")
    String labServe;

    @Option(names = "--lab-for", paramLabel = "SECONDS", description = "With --lab-serve: stop after this many seconds.")
    Integer labFor;

    @Parameters(index = "0", arity = "0..1", paramLabel = "HOST",
            description = "Name to trace; an IPv4 or IPv6 address is traced as its reverse (PTR) name.")
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
            return LabServe.run(labDefinition(labServe), port == null ? 0 : port, labFor, out);
        }
        Settings settings = validate();
        Lab running = lab == null ? null : Lab.start(labDefinition(lab), port == null ? 0 : port);
        try {
            RootHints hints = running != null ? labHints(running) : loadHints();
            int destinationPort = running != null ? running.port() : port == null ? 53 : port;
            try (Transport transport = transports.apply(settings.transport())) {
                Tracer tracer = new Tracer(transport);
                String startGiven = server != null ? server : running != null ? "." : null;
                StartServer start = StartServers.choose(startGiven, resolvConf, hints, settings.family(),
                        name -> tracer.lookup(name, hints, settings.family(), destinationPort));
                TraceRequest request = new TraceRequest(settings.question(), start, destinationPort, settings.family(),
                        !noCache, negativeCache, !noFollowCname, Limits.defaults(), hints, settings.transport().tries());
                TraceListener live = json ? TraceListener.NONE
                        : new TreePrinter(out, verbose, start, settings.transport().tries());
                Trace trace = tracer.run(request, live);
                if (json) {
                    JsonRenderer.render(trace, out);
                } else {
                    Trailer.render(trace, overview, out);
                }
                out.flush();
                return trace.anyAuthoritative() ? 0 : 1;
            }
        } finally {
            if (running != null) {
                running.close();
            }
        }
    }

    private record Settings(Question question, IpFamily family, TransportOptions transport) {}

    private Settings validate() throws UsageException {
        if (ipv4 && ipv6) {
            throw new UsageException("-4 and -6 cannot be used together");
        }
        if (host == null) {
            throw new UsageException("no host to trace given (try --help)");
        }
        int triesValue = Arguments.parseInt(tries, "-r");
        if (triesValue < 1 || triesValue > 20) {
            throw new UsageException("-r must be between 1 and 20 tries, not " + tries);
        }
        Duration maxTimeout = Arguments.parseSeconds(timeout);
        if (port != null && (port < 1 || port > 65535)) {
            throw new UsageException("-p must be a port number 1-65535, not " + port);
        }
        if (ednsSize < 512 || ednsSize > 65535) {
            throw new UsageException("--edns-size must be between 512 and 65535, not " + ednsSize);
        }
        IpFamily family = ipv4 ? IpFamily.V4_ONLY : ipv6 ? IpFamily.V6_ONLY : IpFamily.ANY;
        InetAddress sourceAddress = null;
        if (source != null) {
            sourceAddress = Arguments.localAddress(source);
            boolean v6 = IpAddresses.isIpv6(sourceAddress);
            if (v6 && ipv4) {
                throw new UsageException("-S " + source + " is an IPv6 address but -4 asks for IPv4 only");
            }
            if (!v6 && ipv6) {
                throw new UsageException("-S " + source + " is an IPv4 address but -6 asks for IPv6 only");
            }
            // a socket bound to one family cannot reach the other: those servers are shown as not queried
            family = v6 ? IpFamily.V6_ONLY : IpFamily.V4_ONLY;
        }
        Question question = question();
        TransportOptions options = TransportOptions.defaults()
                .withTries(triesValue)
                .withMaxTimeout(maxTimeout)
                .withSource(sourceAddress)
                .withTcpOnly(tcp)
                .withEdns(!noEdns, ednsSize);
        return new Settings(question, family, options);
    }

    private Question question() throws UsageException {
        Optional<InetAddress> literal = IpAddresses.parseLiteral(host);
        int type = queryType == null ? (literal.isPresent() ? Type.PTR : Type.A) : QueryTypes.parse(queryType);
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
