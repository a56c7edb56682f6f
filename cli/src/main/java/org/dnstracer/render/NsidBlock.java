package org.dnstracer.render;

import java.io.PrintWriter;
import java.util.List;
import org.dnstracer.findings.ServerNsid;
import org.dnstracer.net.IpAddresses;

/**
 * The {@code -v} block of the NSIDs (RFC 5001) that {@code --check}'s probe got: one line per server address,
 * {@code SERVER (ADDRESS)  NSID}. Nothing without any.
 */
public final class NsidBlock {
    private NsidBlock() {}

    public static void render(List<ServerNsid> nsids, PrintWriter out) {
        if (nsids.isEmpty()) {
            return;
        }
        out.println();
        out.println("Server identifiers (NSID):");
        for (ServerNsid n : nsids) {
            out.println(n.server() + " (" + IpAddresses.format(n.address()) + ")  " + n.nsid());
        }
    }
}
