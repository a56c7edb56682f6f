package org.dnstracer.findings;

import java.util.List;

/**
 * What the {@code --check} and {@code --axfr} probes found, next to the immutable trace: findings about the zone
 * cuts that the trace's own queries cannot show.
 *
 * @param findings the findings of the probes, in zone-cut order
 */
public record ProbeResults(List<Finding> findings) {
    public static final ProbeResults NONE = new ProbeResults(List.of());

    public ProbeResults {
        findings = List.copyOf(findings);
    }
}
