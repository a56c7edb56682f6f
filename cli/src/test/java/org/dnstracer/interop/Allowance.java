package org.dnstracer.interop;

import java.util.Set;
import org.dnstracer.interop.Difference.Aspect;
import org.dnstracer.interop.Difference.Side;

/**
 * A deliberate difference between our tracer and dnstracer 1.9. A scenario names the allowances
 * it expects; a difference that none of its allowances explains fails the test. Each allowance
 * explains only what ours has in addition (never something ours lost), and only of one kind.
 */
enum Allowance {
    RCODE_SHOWN("REFUSED/SERVFAIL replies are shown by us as lame; classic ignores the rcode and prints nothing") {
        @Override
        boolean explains(Difference d, Scenario s, TraceOutput classic, TraceOutput ours) {
            return d.side() == Side.ONLY_OURS && d.aspect() == Aspect.VERDICT
                    && d.item() instanceof TraceFacts.Verdict v && v.outcome() == Outcome.LAME
                    && oursLine(ours, v.server(), v.ip(), "REFUSED", "SERVFAIL", "NOTAUTH");
        }
    },
    AA_EMPTY_SHOWN("an authoritative NXDOMAIN/NODATA is shown by us; classic prints nothing for an AA reply without answers") {
        @Override
        boolean explains(Difference d, Scenario s, TraceOutput classic, TraceOutput ours) {
            return d.side() == Side.ONLY_OURS && d.aspect() == Aspect.AUTHORITATIVE
                    && d.item() instanceof TraceFacts.Server v && oursLine(ours, v.server(), v.ip(), "NXDOMAIN", "NODATA");
        }
    },
    TRUNCATION_HANDLED("classic takes a truncated UDP reply as it is (NSD/Knot send it empty, BIND partly filled); "
            + "we use EDNS or retry over TCP and get the whole answer") {
        @Override
        boolean explains(Difference d, Scenario s, TraceOutput classic, TraceOutput ours) {
            return d.side() == Side.ONLY_OURS && (d.aspect() == Aspect.AUTHORITATIVE
                    || d.aspect() == Aspect.OVERVIEW && ((OverviewRecord) d.item()).owner().equals(s.qname()));
        }
    },
    AAAA_GLUE_VIA_EDNS("without EDNS the referral only has room for the A glue; with EDNS we also get the AAAA glue "
            + "and visit (or, with -4, list as not queried) the IPv6 addresses of the same servers") {
        @Override
        boolean explains(Difference d, Scenario s, TraceOutput classic, TraceOutput ours) {
            if (d.side() != Side.ONLY_OURS) {
                return false;
            }
            record Address(String server, String ip) {}
            Address a = switch (d.aspect()) {
                case VISITED -> new Address(((TraceFacts.Visit) d.item()).server(), ((TraceFacts.Visit) d.item()).ip());
                case AUTHORITATIVE -> new Address(((TraceFacts.Server) d.item()).server(), ((TraceFacts.Server) d.item()).ip());
                case VERDICT -> new Address(((TraceFacts.Verdict) d.item()).server(), ((TraceFacts.Verdict) d.item()).ip());
                case OVERVIEW -> new Address(((OverviewRecord) d.item()).server(), ((OverviewRecord) d.item()).ip());
                case START -> null;
            };
            // an IPv6 address of a server that classic visited too (by its IPv4 glue)
            return a != null && a.ip() != null && a.ip().contains(":")
                    && classic.mainTree().stream().anyMatch(l -> l.name().equals(a.server()) && l.depth() > 0);
        }
    },
    CNAME_TARGET_FOLLOWED("we trace CNAME targets in further sections, so our overview also has the target's records") {
        @Override
        boolean explains(Difference d, Scenario s, TraceOutput classic, TraceOutput ours) {
            return d.side() == Side.ONLY_OURS && d.aspect() == Aspect.OVERVIEW
                    && !((OverviewRecord) d.item()).owner().equals(s.qname());
        }
    };

    private final String why;

    Allowance(String why) {
        this.why = why;
    }

    String why() {
        return why;
    }

    abstract boolean explains(Difference d, Scenario s, TraceOutput classic, TraceOutput ours);

    /** Our trace has a line for this server and address whose status carries one of these tags. */
    static boolean oursLine(TraceOutput ours, String server, String ip, String... tags) {
        return ours.mainTree().stream().filter(l -> l.name().equals(server) && ip != null && ip.equals(l.ip()))
                .anyMatch(l -> Set.of(tags).stream().anyMatch(l::hasTag));
    }
}
