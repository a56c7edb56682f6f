package org.dnstracer.findings;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import org.xbill.DNS.Name;

/**
 * One fault, named against the server address that causes it.
 *
 * @param severity how bad it is (the code's default severity)
 * @param code what it is
 * @param zone the zone concerned, or null when none applies (a start server that is not expected to serve a zone)
 * @param server the name server's name as shown in the tree, or null for a finding about a whole zone
 * @param address the address at fault, or null when the finding is about a name or a whole zone
 * @param message one line for people
 * @param evidence what backs it up (who delegated to the server, what the other servers said), one item each
 */
public record Finding(Severity severity, FindingCode code, Name zone, String server, InetAddress address,
        String message, List<String> evidence) {
    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        evidence = List.copyOf(evidence);
    }
}
