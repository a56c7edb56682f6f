package org.dnstracer.cli;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.dnstracer.model.StartServer;
import org.dnstracer.net.IpAddresses;
import org.dnstracer.trace.IpFamily;
import org.dnstracer.trace.RootHints;
import org.xbill.DNS.Name;

/** Where a trace starts: {@code -s ADDRESS}, {@code -s NAME}, {@code -s .}, or the first resolv.conf nameserver. */
final class StartServers {
    private static final InetAddress LOCALHOST = IpAddresses.parseLiteral("127.0.0.1").orElseThrow();

    private StartServers() {}

    /**
     * @param given the {@code -s} value, "." for the root, or null for the default
     * @param resolvConf where the default comes from
     * @param hints root hints, for "." and for looking a name up
     * @param family the address family allowed
     * @param familyCause the option that restricted the family ({@code -4}, {@code -6}, {@code -S ::1}), for messages
     * @param lookup iterative address lookup of a server name from the root hints
     */
    static StartServer choose(String given, Path resolvConf, RootHints hints, IpFamily family, String familyCause,
            Function<Name, List<InetAddress>> lookup) throws UsageException {
        if (given == null) {
            return fromResolvConf(resolvConf, family, familyCause);
        }
        if (given.equals(".")) {
            RootHints.Server root = hints.preferredStart();
            InetAddress address = root.addresses().stream().filter(family::allows).findFirst()
                    .orElseThrow(() -> new UsageException("root server " + root.name().toString(true)
                            + " has no address of the family asked for"));
            return new StartServer(root.name().toString(true), address, Name.root);
        }
        Optional<InetAddress> literal = IpLiterals.parse(given);
        if (literal.isPresent()) {
            if (!family.allows(literal.get())) {
                throw new UsageException("-s " + given + " is not of the address family asked for");
            }
            return new StartServer(given, literal.get(), null);
        }
        List<InetAddress> addresses = lookup.apply(Arguments.parseName(given, "server"));
        InetAddress chosen = addresses.stream().filter(family::allows).findFirst()
                .orElseThrow(() -> new UsageException("cannot find an address for server " + given
                        + " (looked up from the root hints)"));
        return new StartServer(given, chosen, null);
    }

    /**
     * The first nameserver of the family allowed: with -6 an IPv6 one further down the file is the start, not an
     * IPv4 one above it that could only be shown as not queried.
     */
    private static StartServer fromResolvConf(Path resolvConf, IpFamily family, String familyCause)
            throws UsageException {
        List<InetAddress> listed = ResolvConf.nameservers(resolvConf);
        // with no nameserver line the C library asks the local machine
        List<InetAddress> candidates = listed.isEmpty() ? List.of(LOCALHOST) : listed;
        InetAddress address = candidates.stream().filter(family::allows).findFirst()
                .orElseThrow(() -> new UsageException(familyCause + ": no " + (family == IpFamily.V6_ONLY ? "IPv6" : "IPv4")
                        + " start server (" + (listed.isEmpty() ? "the default 127.0.0.1" : "the nameservers of "
                        + resolvConf + " are all " + (family == IpFamily.V6_ONLY ? "IPv4" : "IPv6"))
                        + "); give one with -s, or -s . to start at the root servers"));
        return new StartServer(IpAddresses.formatWithZone(address), address, null);
    }
}
