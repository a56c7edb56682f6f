package org.dnstracer.model;

import java.net.InetAddress;
import org.xbill.DNS.Name;

/**
 * Where every section of a trace starts.
 *
 * @param label the server as shown: as the user typed it, or the root server's name for {@code -s .}
 * @param address its address
 * @param zone "." when starting at a root server (so the start is checked like any delegated server), else null
 */
public record StartServer(String label, InetAddress address, Name zone) {}
