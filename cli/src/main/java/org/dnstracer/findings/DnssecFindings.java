package org.dnstracer.findings;

import java.util.ArrayList;
import java.util.List;
import org.dnstracer.dnssec.DnssecProblem;
import org.dnstracer.dnssec.DnssecReport;

/** The DNSSEC validator's problems ({@code -D}) as findings: same code names, same server address. */
final class DnssecFindings {
    private DnssecFindings() {}

    static List<Finding> of(DnssecReport report) {
        List<Finding> out = new ArrayList<>();
        if (report == null) {
            return out;
        }
        for (DnssecProblem p : report.problems()) {
            Severity severity = switch (p.severity()) {
                case ERROR -> Severity.ERROR;
                case WARNING -> Severity.WARNING;
                case NOTICE -> Severity.NOTICE;
            };
            out.add(new Finding(severity, FindingCode.valueOf(p.code().name()), p.zone(), p.server(), p.address(),
                    p.message(), List.of()));
        }
        return out;
    }
}
