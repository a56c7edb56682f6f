package org.dnstracer.render;

import java.util.List;
import java.util.stream.Collectors;
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
 * Record data as the overview shows it: names without their trailing dot as the classic tool printed them
 * (dnsjava's {@code toString(true)}), IPv6 in RFC 5952 form, TXT as quoted strings, everything else in dnsjava's
 * presentation format.
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
            return mx.getPriority() + " " + mx.getTarget().toString(true);
        }
        if (r instanceof SRVRecord srv) {
            return srv.getPriority() + " " + srv.getWeight() + " " + srv.getPort() + " " + srv.getTarget().toString(true);
        }
        if (r instanceof SOARecord soa) {
            return soa.getHost().toString(true) + " " + soa.getAdmin().toString(true) + " " + soa.getSerial() + " "
                    + soa.getRefresh() + " " + soa.getRetry() + " " + soa.getExpire() + " " + soa.getMinimum();
        }
        if (r instanceof NSRecord ns) {
            return ns.getTarget().toString(true);
        }
        if (r instanceof CNAMERecord cname) {
            return cname.getTarget().toString(true);
        }
        if (r instanceof PTRRecord ptr) {
            return ptr.getTarget().toString(true);
        }
        if (r instanceof DNAMERecord dname) {
            return dname.getTarget().toString(true);
        }
        // dnsjava quotes a string only when it holds a space; the overview quotes every one, as dig does, so that
        // "v=spf1" and "v=spf1 -all" look alike. The escaping (\" \\ \DDD) is dnsjava's.
        List<String> strings = r instanceof TXTRecord txt ? txt.getStrings()
                : r instanceof SPFRecord spf ? spf.getStrings() : null;
        if (strings != null) {
            return strings.stream().map(s -> '"' + s + '"').collect(Collectors.joining(" "));
        }
        return r.rdataToString();
    }
}
