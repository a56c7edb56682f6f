package org.dnstracer.findings;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dnstracer.net.Exchange;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;

/**
 * The name server identifier (NSID, RFC 5001) one server address gave to the {@link Probe#NSID} probe: which
 * instance behind an anycast address answered. Shown, never judged: RFC 5001 leaves its content to the operator.
 *
 * @param server the server's name as the tree shows it
 * @param address the address probed
 * @param nsid the identifier as text when it is printable ASCII, else as hex digits (as dig shows it)
 */
public record ServerNsid(String server, InetAddress address, String nsid) {
    /** Every address that gave an NSID, once each, in the order probed. */
    public static List<ServerNsid> of(ProbeResults probes) {
        Map<InetAddress, ServerNsid> byAddress = new LinkedHashMap<>();
        for (CutProbes cut : probes.cuts()) {
            for (ServerProbes p : cut.children()) {
                Exchange e = p.get(Probe.NSID);
                String nsid = e == null ? null : text(e.reply());
                if (nsid != null) {
                    byAddress.putIfAbsent(p.address(), new ServerNsid(p.server(), p.address(), nsid));
                }
            }
        }
        return new ArrayList<>(byAddress.values());
    }

    /** The NSID of a reply, or null when it carries none (or an empty one). */
    static String text(Message reply) {
        OPTRecord opt = reply == null ? null : reply.getOPT();
        if (opt == null) {
            return null;
        }
        for (EDNSOption option : opt.getOptions(EDNSOption.Code.NSID)) {
            // dnsjava keeps the option's data package-private: its wire form is code (2), length (2), data
            byte[] wire = option.toWire();
            byte[] data = Arrays.copyOfRange(wire, 4, wire.length);
            if (data.length == 0) {
                continue;
            }
            boolean printable = true;
            for (byte b : data) {
                printable &= b >= 0x20 && b < 0x7f;
            }
            return printable ? new String(data, StandardCharsets.US_ASCII) : HexFormat.of().formatHex(data);
        }
        return null;
    }
}
