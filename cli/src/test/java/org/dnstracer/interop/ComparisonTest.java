package org.dnstracer.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ComparisonTest {
    private static final String CLASSIC_LAME = """
            Tracing to www.lame.com[a] via 127.54.0.2, maximum of 1 retries
            127.54.0.2 (127.54.0.2)\s
             |\\___ b.gtld-servers.net [com] (127.54.1.2)\s
             |      \\___ ns1.lame.com [lame.com] (127.54.12.1)\s
              \\___ a.gtld-servers.net [com] (127.54.1.1)\s
                    \\___ ns1.lame.com [lame.com] (127.54.12.1) (cached)

            """;
    private static final String OURS_LAME = """
            Tracing to www.lame.com[A] via 127.54.0.2, maximum of 1 retries
            127.54.0.2 (127.54.0.2)\s
             |\\___ a.gtld-servers.net [com] (127.54.1.1)\s
             |      \\___ ns1.lame.com [lame.com] (127.54.12.1) Lame server [REFUSED]\s
              \\___ b.gtld-servers.net [com] (127.54.1.2)\s
                    \\___ ns1.lame.com [lame.com] (127.54.12.1) (cached)

            """;

    private static Scenario lame(Set<Allowance> allowances) {
        return new Scenario("lame", "127.54.0.2", List.of(), "www.lame.com", "lame.com", allowances, 1);
    }

    @Test
    void sameFactsInAnotherOrderAreEqual() {
        String reordered = """
                Tracing to www.lame.com[a] via 127.54.0.2, maximum of 1 retries
                127.54.0.2 (127.54.0.2)\s
                 |\\___ a.gtld-servers.net [com] (127.54.1.1)\s
                 |      \\___ NS1.lame.com. [lame.com] (127.54.12.1)\s
                  \\___ b.gtld-servers.net [com] (127.54.1.2)\s
                        \\___ ns1.lame.com [lame.com] (127.54.12.1)\s
                """;
        Comparison c = Comparison.of(lame(Set.of()), TraceOutputParser.parse(CLASSIC_LAME),
                TraceOutputParser.parse(reordered));
        assertThat(c.unexplained()).isEmpty();
        assertThat(c.explained()).isEmpty();
    }

    @Test
    void refusedShownByUsNeedsItsAllowance() {
        TraceOutput classic = TraceOutputParser.parse(CLASSIC_LAME);
        TraceOutput ours = TraceOutputParser.parse(OURS_LAME);

        assertThat(Comparison.of(lame(Set.of()), classic, ours).unexplained()).singleElement().asString()
                .contains("VERDICT ONLY_OURS").contains("LAME");
        Comparison allowed = Comparison.of(lame(Set.of(Allowance.RCODE_SHOWN)), classic, ours);
        assertThat(allowed.unexplained()).isEmpty();
        assertThat(allowed.explained()).singleElement().asString().contains("RCODE_SHOWN");
    }

    @Test
    void aServerOursLostIsNeverExplained() {
        TraceOutput classic = TraceOutputParser.parse(CLASSIC_LAME);
        TraceOutput ours = TraceOutputParser.parse(OURS_LAME.replace("(127.54.12.1)", "(127.54.12.9)"));
        Comparison c = Comparison.of(lame(Set.of(Allowance.values())), classic, ours);
        assertThat(c.unexplained()).extracting(Difference::side).contains(Difference.Side.ONLY_CLASSIC);
    }

    @Test
    void aaaaGlueAllowanceCoversOnlyIpv6Additions() {
        String classic = """
                Tracing to www.wide.com[a] via 127.54.0.3, maximum of 1 retries
                127.54.0.3 (127.54.0.3)\s
                  \\___ a.gtld-servers.net [com] (127.54.1.1)\s
                        \\___ ns01.wide.com [wide.com] (127.54.20.1) Got authoritative answer\s
                """;
        String ours = classic.replace("        \\___ ns01", "       |\\___ ns01.wide.com [wide.com] (fd00::54:20:1) "
                + "Got authoritative answer \n        \\___ ns01");
        Scenario wide = new Scenario("wide", "127.54.0.3", List.of(), "www.wide.com", "wide.com",
                Set.of(Allowance.AAAA_GLUE_VIA_EDNS), 0);
        Comparison c = Comparison.of(wide, TraceOutputParser.parse(classic), TraceOutputParser.parse(ours));
        assertThat(c.unexplained()).isEmpty();
        assertThat(c.explained()).hasSize(2);
    }
}
