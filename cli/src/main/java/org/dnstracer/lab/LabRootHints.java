package org.dnstracer.lab;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/** The lab's named.root: the servers that serve "." as NS records, then their addresses. */
final class LabRootHints {
    /** named.root's TTL (41 days, 16 h), so hints look like the file every resolver ships. */
    static final long TTL = 3_600_000L;

    private LabRootHints() {}

    static List<Record> of(List<ServerDefinition> servers, Predicate<InetAddress> bound) {
        List<Record> ns = new ArrayList<>();
        List<Record> addresses = new ArrayList<>();
        for (ServerDefinition server : servers) {
            if (server.zones().stream().noneMatch(z -> z.getOrigin().equals(Name.root))) {
                continue;
            }
            Name name = server.name();
            ns.add(new NSRecord(Name.root, DClass.IN, TTL, name));
            for (InetAddress a : server.addresses()) {
                if (!bound.test(a)) {
                    continue;
                }
                addresses.add(a instanceof Inet4Address
                        ? new ARecord(name, DClass.IN, TTL, a)
                        : new AAAARecord(name, DClass.IN, TTL, a));
            }
        }
        List<Record> all = new ArrayList<>(ns);
        all.addAll(addresses);
        return List.copyOf(all);
    }
}
