package org.dnstracer.findings;

import java.util.List;

/**
 * What the {@code --check} and {@code --axfr} probes found, kept next to the immutable trace: the findings
 * function reads both.
 *
 * @param cuts every zone cut probed, in tree order
 * @param notSent probes left out because the run's query budget was spent
 */
public record ProbeResults(List<CutProbes> cuts, int notSent) {
    public static final ProbeResults NONE = new ProbeResults(List.of(), 0);

    public ProbeResults {
        cuts = List.copyOf(cuts);
    }
}
