package org.dnstracer.findings;

import java.util.List;
import java.util.Map;
import org.xbill.DNS.Name;

/**
 * What the {@code --check} and {@code --axfr} probes found, kept next to the immutable trace: the findings
 * function reads both.
 *
 * @param cuts every zone cut probed, in tree order
 * @param notSent probes left out because the run's query budget was spent
 * @param hosts what the look-ups found for name server names, SOA MNAMEs and MX targets, per name
 */
public record ProbeResults(List<CutProbes> cuts, int notSent, Map<Name, HostAnswers> hosts) {
    public static final ProbeResults NONE = new ProbeResults(List.of(), 0);

    public ProbeResults {
        cuts = List.copyOf(cuts);
        hosts = Map.copyOf(hosts);
    }

    public ProbeResults(List<CutProbes> cuts, int notSent) {
        this(cuts, notSent, Map.of());
    }

    /** What the look-ups found for the name, or null when it was not looked up. */
    HostAnswers host(Name name) {
        return hosts.get(name);
    }
}
