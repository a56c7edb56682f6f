package org.dnstracer.render;

import org.dnstracer.net.Exchange;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/** What a parent said about a zone whose delegation {@code --ns} replaced: shown, since its line no longer does. */
final class Referrals {
    private Referrals() {}

    static String parentSaid(Exchange exchange, Name zone) {
        if (exchange == null || !exchange.answered()) {
            return "not asked";
        }
        Message reply = exchange.reply();
        for (Record r : reply.getSection(Section.AUTHORITY)) {
            if (r instanceof NSRecord && r.getName().equals(zone)) {
                return "its referral replaced";
            }
        }
        if (reply.getRcode() == Rcode.NXDOMAIN) {
            return "undelegated: NXDOMAIN";
        }
        return reply.getSection(Section.ANSWER).isEmpty() ? "undelegated: no referral" : "undelegated: answered";
    }
}
