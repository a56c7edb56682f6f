package org.dnstracer.findings;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.Name;

/**
 * One zone cut met on the traced paths, as the parent drew it and as the probes found it.
 *
 * @param zone the delegated zone
 * @param parentNameServers the NS names of the parent's referrals (all referrals met, in order)
 * @param glue the glue of those referrals, per NS name
 * @param parents the parent servers that gave the referral, probed with {@link Probe#REFERRAL_NO_EDNS}
 * @param children every address of the child's servers, probed with the other probes
 * @param mnameServers the addresses of the SOA MNAME (the primary) the look-ups found that are none of the
 *     child's, asked {@link Probe#MNAME_SOA}: is it authoritative? Empty without look-ups
 */
public record CutProbes(Name zone, List<Name> parentNameServers, Map<Name, List<InetAddress>> glue,
        List<ServerProbes> parents, List<ServerProbes> children, List<ServerProbes> mnameServers) {
    public CutProbes {
        parentNameServers = List.copyOf(parentNameServers);
        glue = Map.copyOf(glue);
        parents = List.copyOf(parents);
        children = List.copyOf(children);
        mnameServers = List.copyOf(mnameServers);
    }

    public CutProbes(Name zone, List<Name> parentNameServers, Map<Name, List<InetAddress>> glue,
            List<ServerProbes> parents, List<ServerProbes> children) {
        this(zone, parentNameServers, glue, parents, children, List.of());
    }
}
