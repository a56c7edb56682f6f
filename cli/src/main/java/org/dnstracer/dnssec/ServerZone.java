package org.dnstracer.dnssec;

import java.net.InetAddress;
import org.xbill.DNS.Name;

/** One server address, as asked about one zone. */
public record ServerZone(InetAddress address, Name zone) {}
