package org.dnstracer.interop;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One question asked of both tracers in the lab: which root server to start from, extra flags
 * ({@code -4}, {@code -q TYPE}), the zone the trace must reach (a check that the lab works), the
 * allowances that explain the expected differences, and our expected exit status (null: not checked).
 */
record Scenario(String name, String root, List<String> flags, String qname, String zone, Set<Allowance> allowances,
        Integer ourExit) {

    /** Common flags: one try per server and a 1 s bound, so a silent server costs 1 s per visit. */
    List<String> tracerArgs() {
        List<String> args = new ArrayList<>(List.of("-r", "1", "-t", "1", "-s", root, "-o"));
        args.addAll(flags);
        args.add(qname);
        return args;
    }

    @Override
    public String toString() {
        return name;
    }
}
