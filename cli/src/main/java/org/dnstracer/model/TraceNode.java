package org.dnstracer.model;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import org.dnstracer.net.Exchange;
import org.xbill.DNS.Name;

/**
 * One server visit in the delegation tree.
 *
 * @param server the name server's name as shown (no trailing dot), or the start server as the user gave it
 * @param address the address asked, or null when the name has none
 * @param zone the zone this server was expected to serve (the referral that led here), or null at an ordinary start
 * @param verdict what it did
 * @param exchange the conversation with it, or null when nothing was asked (cached, loop, not queried, ...)
 * @param children the servers its referral led to, in referral order
 */
public record TraceNode(String server, InetAddress address, Name zone, Verdict verdict, Exchange exchange,
        List<TraceNode> children) {
    public TraceNode {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(verdict, "verdict");
        children = List.copyOf(children);
    }

    public Status status() {
        return verdict.status();
    }

    public TraceNode withChildren(List<TraceNode> newChildren) {
        return new TraceNode(server, address, zone, verdict, exchange, newChildren);
    }

    /** True when this node or any node below it answered authoritatively. */
    public boolean anyAuthoritative() {
        return status().isAuthoritative() || children.stream().anyMatch(TraceNode::anyAuthoritative);
    }
}
