package org.dnstracer.net;

import java.util.Objects;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/** What both transports refuse at the door, before a request is queued: a caller's mistake, not a network fault. */
final class RequestChecks {
    private RequestChecks() {}

    static void question(ServerAddress server, Name qname, int qtype) {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(qname, "qname");
        if (!qname.isAbsolute()) {
            throw new IllegalArgumentException("query name must be absolute: " + qname);
        }
        Type.check(qtype);
    }

    static void probe(ServerAddress server, Message query, Protocol protocol) {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(protocol, "protocol");
    }
}
