package org.dnstracer.cli;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dnstracer.model.Question;
import org.dnstracer.trace.Delegation;
import org.dnstracer.trace.ZoneDelegation;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * Zone mode's options, read and checked: {@code --zone ZONE} checks a zone rather than a name (every server of
 * the parent's delegation and of the child's NS set, with the {@code --check} probes), and {@code --ns
 * NAME[/ADDRESS]} (repeatable) checks it as if delegated to those servers, before the delegation exists. The
 * syntax is zonemaster-cli's ({@code zonemaster-cli --ns ns1.example.com/192.0.2.1 example.com}).
 */
final class ZoneMode {
    private ZoneMode() {}

    /** The question zone mode traces: the zone's SOA, which every server of the zone must answer. */
    static Question question(ZoneDelegation zone) {
        return new Question(zone.zone(), Type.SOA);
    }

    /**
     * @param zone {@code --zone}, or null
     * @param ns the {@code --ns} values, or null
     * @return the zone's delegation as zone mode follows it, or null outside zone mode
     * @throws UsageException for a bad value, or an option zone mode cannot honour
     */
    static ZoneDelegation of(String zone, List<String> ns, String host, boolean typeGiven, String bulk)
            throws UsageException {
        if (zone == null) {
            if (ns != null && !ns.isEmpty()) {
                throw new UsageException("--ns checks a zone as if delegated to these servers: give the zone with "
                        + "--zone ZONE");
            }
            return null;
        }
        if (host != null) {
            throw new UsageException("--zone " + zone + " checks that zone; no HOST ('" + host + "') as well");
        }
        if (typeGiven) {
            throw new UsageException("--zone asks every server of the zone for its SOA; -q does not go with it");
        }
        if (bulk != null) {
            throw new UsageException("--zone and --ns check one zone; not with --bulk (one name a line: --check)");
        }
        Name apex = Arguments.parseName(zone, "--zone");
        return new ZoneDelegation(apex, ns == null || ns.isEmpty() ? null : given(apex, ns));
    }

    /** The {@code --ns} servers as a delegation of {@code zone}: names in the order given, addresses as glue. */
    private static Delegation given(Name zone, List<String> values) throws UsageException {
        Map<Name, List<InetAddress>> glue = new LinkedHashMap<>();
        List<Name> names = new ArrayList<>();
        for (String value : values) {
            int slash = value.lastIndexOf('/');
            String nameText = slash < 0 ? value : value.substring(0, slash);
            InetAddress address = null;
            if (slash >= 0) {
                String addressText = value.substring(slash + 1);
                Optional<InetAddress> literal = IpLiterals.parse(addressText);
                if (literal.isEmpty()) {
                    throw new UsageException("--ns " + value + ": '" + addressText + "' is not an IP address (--ns "
                            + "NAME or NAME/ADDRESS, as in ns1.example.com/192.0.2.1)");
                }
                address = literal.get();
            }
            if (nameText.isEmpty()) {
                throw new UsageException("--ns " + value + ": no server name (--ns NAME or NAME/ADDRESS)");
            }
            Name name = Arguments.parseName(nameText, "--ns server");
            if (!names.contains(name)) {
                names.add(name);
            }
            if (address != null) {
                List<InetAddress> addresses = glue.computeIfAbsent(name, n -> new ArrayList<>());
                if (!addresses.contains(address)) {
                    addresses.add(address);
                }
            }
        }
        return new Delegation(zone, names, glue);
    }
}
