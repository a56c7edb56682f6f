package org.dnstracer.trace;

import java.net.InetAddress;
import org.dnstracer.model.Verdict;
import org.xbill.DNS.Name;

/**
 * One way down a delegation: a name server (shown by its name) at one of its addresses, expected to serve a zone.
 *
 * @param label the server as shown
 * @param address the address to ask, or null when there is none to ask
 * @param zone the zone the server was delegated, or null for a start server with no expectation
 * @param blocked why this edge is not followed (no address, not followed by a bound), or null when it is
 */
record Edge(String label, InetAddress address, Name zone, Verdict blocked) {}
