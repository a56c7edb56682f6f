package org.dnstracer.lab;

import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import org.xbill.DNS.Name;
import org.xbill.DNS.Zone;

/**
 * One server of a lab as described, before anything is bound.
 *
 * @param name the server's host name, absolute (it is also the NS target other zones use for it)
 * @param addresses loopback addresses it binds, in lab-file order
 * @param zones the zones it serves; a zone object may be shared with other servers serving the same file
 * @param axfrZones origins of the zones it transfers (AXFR over TCP); every other transfer is REFUSED
 * @param behaviour how it behaves when the lab starts (changeable at runtime through {@link LabServer})
 */
public record ServerDefinition(
        Name name, List<InetAddress> addresses, List<Zone> zones, Set<Name> axfrZones, Behaviour behaviour) {

    public ServerDefinition {
        addresses = List.copyOf(addresses);
        zones = List.copyOf(zones);
        axfrZones = Set.copyOf(axfrZones);
    }

    /** The name as people write it: lower case, no trailing dot (the root would be "."). */
    public String displayName() {
        return LabNames.display(name);
    }
}
