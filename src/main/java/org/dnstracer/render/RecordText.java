package org.dnstracer.render;

import java.util.List;
import org.dnstracer.model.Names;
import org.dnstracer.net.IpAddresses;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DNAMERecord;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.SPFRecord;
import org.xbill.DNS.TXTRecord;

/**
 * Record data as the overview shows it: names without their trailing dot as the classic tool printed them, IPv6
 * in RFC 5952 form, TXT as quoted strings, everything else in dnsjava's presentation format.
 */
public final class RecordText {
    private RecordText() {}

    public static String data(Record r) {
        if (r instanceof ARecord a) {
            return IpAddresses.format(a.getAddress());
        }
        if (r instanceof AAAARecord aaaa) {
            return IpAddresses.format(aaaa.getAddress());
        }
        if (r instanceof MXRecord mx) {
            return mx.getPriority() + " " + Names.display(mx.getTarget());
        }
        if (r instanceof SRVRecord srv) {
            return srv.getPriority() + " " + srv.getWeight() + " " + srv.getPort() + " " + Names.display(srv.getTarget());
        }
        if (r instanceof SOARecord soa) {
            return Names.display(soa.getHost()) + " " + Names.display(soa.getAdmin()) + " " + soa.getSerial() + " "
                    + soa.getRefresh() + " " + soa.getRetry() + " " + soa.getExpire() + " " + soa.getMinimum();
        }
        if (r instanceof NSRecord ns) {
            return Names.display(ns.getTarget());
        }
        if (r instanceof CNAMERecord cname) {
            return Names.display(cname.getTarget());
        }
        if (r instanceof PTRRecord ptr) {
            return Names.display(ptr.getTarget());
        }
        if (r instanceof DNAMERecord dname) {
            return Names.display(dname.getTarget());
        }
        List<byte[]> strings = r instanceof TXTRecord txt ? txt.getStringsAsByteArrays()
                : r instanceof SPFRecord spf ? spf.getStringsAsByteArrays() : null;
        if (strings != null) {
            StringBuilder out = new StringBuilder();
            for (byte[] s : strings) {
                if (out.length() > 0) {
                    out.append(' ');
                }
                out.append(quote(s));
            }
            return out.toString();
        }
        return r.rdataToString();
    }

    /** A character-string in zone-file form: quoted, with {@code "} and {@code \} escaped, and \DDD for the rest. */
    static String quote(byte[] bytes) {
        StringBuilder out = new StringBuilder("\"");
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c == '"' || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c < 0x20 || c >= 0x7f) {
                out.append(String.format("\\%03d", c));
            } else {
                out.append((char) c);
            }
        }
        return out.append('"').toString();
    }
}
