package org.dnstracer.trace;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * The name servers a referral hands over to, in the order the referral lists them, with the glue that came
 * with it.
 *
 * @param zone the delegated zone
 * @param nameServers NS targets in authority-section order, each once
 * @param glue addresses per name server from the additional section, in wire order; only names with usable glue
 */
public record Delegation(Name zone, List<Name> nameServers, Map<Name, List<InetAddress>> glue) {
    public Delegation {
        nameServers = List.copyOf(nameServers);
        glue = Map.copyOf(glue);
    }

    /**
     * Reads a referral.
     *
     * @param reply the referral
     * @param zone the delegated zone (the verdict's referral zone)
     * @param bailiwick the zone of the server that sent it: glue is trusted only for names inside it (so sibling
     *     glue is used, while an out-of-bailiwick address is looked up instead); null trusts every glue record
     */
    public static Delegation from(Message reply, Name zone, Name bailiwick) {
        Set<Name> targets = new LinkedHashSet<>();
        for (Record r : reply.getSection(Section.AUTHORITY)) {
            if (r instanceof NSRecord ns && r.getName().equals(zone)) {
                targets.add(ns.getTarget()); // Name.equals ignores case: NS1.EXAMPLE.COM matches ns1.example.com glue
            }
        }
        Map<Name, List<InetAddress>> glue = new LinkedHashMap<>();
        for (Record r : reply.getSection(Section.ADDITIONAL)) {
            InetAddress address = r instanceof ARecord a ? a.getAddress()
                    : r instanceof AAAARecord aaaa ? aaaa.getAddress() : null;
            if (address == null || !targets.contains(r.getName())) {
                continue;
            }
            if (bailiwick != null && !r.getName().subdomain(bailiwick)) {
                continue;
            }
            List<InetAddress> list = glue.computeIfAbsent(r.getName(), k -> new ArrayList<>());
            if (!list.contains(address)) {
                list.add(address);
            }
        }
        return new Delegation(zone, new ArrayList<>(targets), glue);
    }

    /**
     * How long a referral may be reused: the smallest TTL of its NS records and of the glue it came with (0 when
     * the reply carries none of them).
     */
    public static long ttl(Message reply, Delegation delegation) {
        long ttl = Long.MAX_VALUE;
        for (Record r : reply.getSection(Section.AUTHORITY)) {
            if (r instanceof NSRecord && r.getName().equals(delegation.zone())) {
                ttl = Math.min(ttl, r.getTTL());
            }
        }
        for (Record r : reply.getSection(Section.ADDITIONAL)) {
            if ((r instanceof ARecord || r instanceof AAAARecord) && delegation.glue().containsKey(r.getName())) {
                ttl = Math.min(ttl, r.getTTL());
            }
        }
        return ttl == Long.MAX_VALUE ? 0 : ttl;
    }

    /** Glue for one name server, or an empty list (Name keys compare case-insensitively). */
    public List<InetAddress> glueFor(Name nameServer) {
        return glue.getOrDefault(nameServer, List.of());
    }
}
