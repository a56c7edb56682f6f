package org.dnstracer.trace;

import java.net.InetAddress;
import org.xbill.DNS.Name;

/**
 * One way down a delegation: a name server (shown by its name) at one of its addresses, expected to serve a zone.
 *
 * @param label the server as shown
 * @param address the address to ask, or null when the name has no address
 * @param zone the zone the server was delegated, or null for a start server with no expectation
 * @param noAddressReason why there is no address, when address is null
 */
record Edge(String label, InetAddress address, Name zone, String noAddressReason) {}
