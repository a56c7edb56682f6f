package org.dnstracer.render;

import java.io.PrintWriter;
import java.util.List;
import org.dnstracer.findings.Finding;
import org.dnstracer.net.IpAddresses;

/**
 * The {@code Findings:} block after the trees: one line per finding, fields separated by two spaces (the
 * severity is padded to 7 columns), the message last:
 * {@code SEVERITY  CODE  ZONE  SERVER (ADDRESS)  MESSAGE (EVIDENCE; EVIDENCE)}. Nothing at all without findings.
 */
public final class FindingsBlock {
    private FindingsBlock() {}

    public static void render(List<Finding> findings, PrintWriter out) {
        if (findings.isEmpty()) {
            return;
        }
        out.println();
        out.println("Findings:");
        for (Finding f : findings) {
            out.println(line(f));
        }
        out.flush();
    }

    public static String line(Finding f) {
        String severity = String.format("%-7s", f.severity().label());
        String zone = f.zone() == null ? "-" : f.zone().toString();
        String server = f.server() == null ? "-" : f.server();
        if (f.address() != null) {
            server += " (" + IpAddresses.format(f.address()) + ")";
        }
        String evidence = f.evidence().isEmpty() ? "" : " (" + String.join("; ", f.evidence()) + ")";
        return severity + " " + f.code().name() + "  " + zone + "  " + server + "  " + f.message() + evidence;
    }
}
