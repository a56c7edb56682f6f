package org.dnstracer.interop;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.dnstracer.interop.Difference.Aspect;
import org.dnstracer.interop.Difference.Side;

/** Compares the facts of the two traces and sorts every difference into explained or not. */
record Comparison(List<Difference> unexplained, List<String> explained) {

    /** One line per allowance used: how many differences it explained, and the first of them. */
    List<String> summary() {
        java.util.Map<String, List<String>> byAllowance = new java.util.TreeMap<>();
        for (String e : explained) {
            byAllowance.computeIfAbsent(e.substring(e.lastIndexOf('[') + 1, e.length() - 1), k -> new ArrayList<>()).add(e);
        }
        List<String> lines = new ArrayList<>();
        byAllowance.forEach((allowance, list) -> lines.add(allowance + " explains " + list.size()
                + " difference(s), e.g. " + list.get(0).substring(0, list.get(0).lastIndexOf("  ["))));
        return lines;
    }

    static Comparison of(Scenario scenario, TraceOutput classic, TraceOutput ours) {
        TraceFacts c = TraceFacts.of(classic);
        TraceFacts o = TraceFacts.of(ours);
        List<Difference> all = new ArrayList<>();
        if (!Objects.equals(c.startIp(), o.startIp())) {
            all.add(new Difference(Aspect.START, Side.ONLY_OURS, c.startIp() + " vs ours " + o.startIp()));
        }
        diff(all, Aspect.VISITED, c.visited(), o.visited());
        diff(all, Aspect.AUTHORITATIVE, c.authoritative(), o.authoritative());
        diff(all, Aspect.VERDICT, c.verdicts(), o.verdicts());
        diff(all, Aspect.OVERVIEW, c.overview(), o.overview());
        List<Difference> unexplained = new ArrayList<>();
        List<String> explained = new ArrayList<>();
        for (Difference d : all) {
            Allowance why = scenario.allowances().stream().filter(a -> a.explains(d, scenario, classic, ours)).findFirst()
                    .orElse(null);
            if (why == null) {
                unexplained.add(d);
            } else {
                explained.add(d + "  [" + why + "]");
            }
        }
        return new Comparison(unexplained, explained);
    }

    private static <T> void diff(List<Difference> out, Aspect aspect, Set<T> classic, Set<T> ours) {
        Set<T> onlyClassic = new LinkedHashSet<>(classic);
        onlyClassic.removeAll(ours);
        Set<T> onlyOurs = new LinkedHashSet<>(ours);
        onlyOurs.removeAll(classic);
        onlyClassic.forEach(x -> out.add(new Difference(aspect, Side.ONLY_CLASSIC, x)));
        onlyOurs.forEach(x -> out.add(new Difference(aspect, Side.ONLY_OURS, x)));
    }
}
