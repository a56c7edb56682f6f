package org.dnstracer.dnssec;

import java.net.InetAddress;
import java.util.Objects;
import org.dnstracer.model.Names;
import org.dnstracer.net.IpAddresses;
import org.xbill.DNS.Name;

/**
 * One DNSSEC defect, named after the server that served the bad data.
 *
 * @param code what is wrong
 * @param severity error for bogus data, warning for undecided or deliberately insecure data
 * @param zone the zone whose data is at fault
 * @param server the server's name as shown in the tree, or null when no single server is at fault
 * @param address the server's address, or null
 * @param message one sentence, without the server
 */
public record DnssecProblem(DnssecProblemCode code, DnssecSeverity severity, Name zone, String server,
        InetAddress address, String message) {
    public DnssecProblem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(message, "message");
    }

    /** {@code DNSSEC_RRSIG_EXPIRED (error) expired.example [ns1.expired.example (192.0.2.1)]: RRSIG ... expired ...} */
    public String text() {
        StringBuilder out = new StringBuilder(code.name()).append(" (").append(severity.word()).append(") ")
                .append(Names.display(zone));
        if (server != null) {
            out.append(" at ").append(server);
            if (address != null) {
                out.append(" (").append(IpAddresses.format(address)).append(')');
            }
        }
        return out.append(": ").append(message).toString();
    }
}
