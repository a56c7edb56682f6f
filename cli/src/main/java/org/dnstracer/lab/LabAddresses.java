package org.dnstracer.lab;

import java.net.InetAddress;
import org.dnstracer.net.IpAddresses;

/** The one rule about where a lab may listen: loopback only (127.0.0.0/8 and ::1), never a real network. */
final class LabAddresses {
    private LabAddresses() {}

    static String notLoopbackMessage(InetAddress address) {
        return "address " + IpAddresses.format(address)
                + " is not a loopback address: the lab binds only 127.0.0.0/8 and ::1";
    }

    static void requireLoopback(InetAddress address) {
        if (!address.isLoopbackAddress()) {
            throw new IllegalArgumentException(notLoopbackMessage(address));
        }
    }
}
