package org.dnstracer.cli;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.dnstracer.model.Names;
import org.dnstracer.model.StartServer;
import org.dnstracer.net.IpAddresses;
import org.dnstracer.trace.IpFamily;
import org.dnstracer.trace.RootHints;
import org.xbill.DNS.Name;

/** Where a trace starts: {@code -s ADDRESS}, {@code -s NAME}, {@code -s .}, or the first resolv.conf nameserver. */
final class StartServers {
    private StartServers() {}

    /**
     * @param given the {@code -s} value, "." for the root, or null for the default
     * @param resolvConf where the default comes from
     * @param hints root hints, for "." and for looking a name up
     * @param family the address family allowed
     * @param lookup iterative address lookup of a server name from the root hints
     */
    static StartServer choose(String given, Path resolvConf, RootHints hints, IpFamily family,
            Function<Name, List<InetAddress>> lookup) throws UsageException {
        if (given == null) {
            InetAddress address = ResolvConf.firstNameserver(resolvConf)
                    .orElseGet(() -> IpAddresses.parseLiteral("127.0.0.1").orElseThrow());
            return new StartServer(IpAddresses.format(address), address, null);
        }
        if (given.equals(".")) {
            RootHints.Server root = hints.preferredStart();
            InetAddress address = root.addresses().stream().filter(family::allows).findFirst()
                    .orElseThrow(() -> new UsageException("root server " + Names.display(root.name())
                            + " has no address of the family asked for"));
            return new StartServer(Names.display(root.name()), address, Name.root);
        }
        Optional<InetAddress> literal = IpAddresses.parseLiteral(given);
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
}
