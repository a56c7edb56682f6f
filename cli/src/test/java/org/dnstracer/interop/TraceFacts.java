package org.dnstracer.interop;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What is compared between the two tracers, taken from the trace of the question (section 0) as
 * sets, because the classic tool walks servers in reverse wire order and the servers shuffle
 * their RRsets: the (zone, server, address) triples visited below the start server, the servers
 * that answered authoritatively, the failure verdicts, and the overview records.
 */
record TraceFacts(String startIp, Set<Visit> visited, Set<Server> authoritative, Set<Verdict> verdicts,
        Set<OverviewRecord> overview) {

    record Visit(String zone, String server, String ip) {}

    record Server(String server, String ip) {}

    record Verdict(String server, String ip, Outcome outcome) {}

    /** Outcomes that say a server failed; both tools must agree on them up to the allowances. */
    static final Set<Outcome> FAILURES = EnumSet.of(Outcome.LAME, Outcome.REFERS_BACKWARDS, Outcome.NO_REPLY,
            Outcome.NOT_QUERIED, Outcome.NO_IP);

    static TraceFacts of(TraceOutput output) {
        String start = null;
        Set<Visit> visited = new LinkedHashSet<>();
        Set<Server> authoritative = new LinkedHashSet<>();
        Set<Verdict> verdicts = new LinkedHashSet<>();
        for (TraceLine line : output.mainTree()) {
            if (line.depth() == 0) {
                start = line.ip();
                continue;
            }
            visited.add(new Visit(line.zone(), line.name(), line.ip()));
            Outcome outcome = line.outcome();
            if (outcome == Outcome.AUTHORITATIVE) {
                authoritative.add(new Server(line.name(), line.ip()));
            }
            if (FAILURES.contains(outcome)) {
                verdicts.add(new Verdict(line.name(), line.ip(), outcome));
            }
        }
        return new TraceFacts(start, visited, authoritative, verdicts, new LinkedHashSet<>(output.overview()));
    }
}
