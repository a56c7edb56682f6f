package org.dnstracer.findings;

import java.net.InetAddress;
import org.dnstracer.model.Names;
import org.dnstracer.net.IpAddresses;
import org.xbill.DNS.Name;

/** How servers and zones are named in messages and evidence. */
final class ServerText {
    private ServerText() {}

    static String of(String server, InetAddress address) {
        return address == null ? server : server + " (" + IpAddresses.format(address) + ")";
    }

    static String zone(Name zone) {
        return zone == null ? "-" : zone.toString();
    }

    static String name(Name name) {
        return Names.display(name);
    }
}
