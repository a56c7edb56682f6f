package org.dnstracer.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TraceOutputParserTest {
    /** Real dnstracer 1.9 output from the lab (trailing spaces as printed). */
    static final String CLASSIC = """
            Tracing to www.example.com[a] via 127.54.0.2, maximum of 1 retries
            127.54.0.2 (127.54.0.2)\s
             |\\___ b.gtld-servers.net [com] (127.54.1.2)\s
             |     |\\___ ns3.example.com [example.com] (127.54.10.3) Got authoritative answer\s
             |     |\\___ ns2.example.com [example.com] (127.54.10.2) Got authoritative answer\s
             |     |\\___ ns1.example.com [example.com] (fd00:0000:0000:0000:0000:0054:0010:0001) Got authoritative answer\s
             |      \\___ ns1.example.com [example.com] (127.54.10.1) Got authoritative answer\s
              \\___ a.gtld-servers.net [com] (127.54.1.1)\s
                   |\\___ ns2.example.com [example.com] (127.54.10.2) (cached)
                   |\\___ ns3.example.com [example.com] (127.54.10.3) (cached)
                   |\\___ ns1.example.com [example.com] (fd00:0000:0000:0000:0000:0054:0010:0001) (cached)
                    \\___ ns1.example.com [example.com] (127.54.10.1) (cached)

            ns1.example.com (127.54.10.1)           www.example.com -> 192.0.2.80
            ns1.example.com (fd00:0000:0000:0000:0000:0054:0010:0001) www.example.com -> 192.0.2.80
            ns2.example.com (127.54.10.2)           www.example.com -> 192.0.2.80
            ns3.example.com (127.54.10.3)           www.example.com -> 192.0.2.80
            """;

    /** Our layout as specified: wire order, RFC 5952, reply codes, a CNAME-target section. */
    static final String OURS = """
            Tracing to alias.example.com[A] via 127.54.0.2, maximum of 1 retries
            127.54.0.2 (127.54.0.2)\s
             |\\___ a.gtld-servers.net [com] (127.54.1.1)\s
             |     |\\___ NS1.example.com. [Example.COM] (fd00::54:10:1) [truncated, retried over TCP] Got authoritative answer [received type is CNAME]\s
             |      \\___ ns2.lame.com [lame.com] (127.54.12.2) Lame server [REFUSED]\s
              \\___ b.gtld-servers.net [com] (127.54.1.2)\s
                    \\___ ns4.example.com [example.com] (No IP address)
            Tracing to www.example.org[A] via 127.54.0.2, maximum of 1 retries
            127.54.0.2 (127.54.0.2)\s
              \\___ e.gtld-servers.net [org] (127.54.3.1) * * * [timeout]\s

            ns1.example.com (fd00::54:10:1)         alias.example.com -> www.example.org.
            ns1.example.org (127.54.17.1)           example.org -> 10 MAIL.example.org.
            """;

    @Test
    void readsClassicTreeWithDepthsZonesAndNormalisedIpv6() {
        TraceOutput out = TraceOutputParser.parse(CLASSIC);

        assertThat(out.headers()).containsExactly("Tracing to www.example.com[a] via 127.54.0.2, maximum of 1 retries");
        assertThat(out.lines()).hasSize(11);
        assertThat(out.lines().get(0)).isEqualTo(new TraceLine(0, 0, "127.54.0.2", null, "127.54.0.2", ""));
        assertThat(out.lines().get(1)).isEqualTo(new TraceLine(0, 1, "b.gtld-servers.net", "com", "127.54.1.2", ""));
        assertThat(out.lines().get(4).ip()).isEqualTo("fd00::54:10:1");
        assertThat(out.lines().get(4).depth()).isEqualTo(2);
        assertThat(out.lines().get(4).outcome()).isEqualTo(Outcome.AUTHORITATIVE);
        assertThat(out.lines().get(7).outcome()).isEqualTo(Outcome.CACHED);
        assertThat(out.overview()).hasSize(4).contains(
                new OverviewRecord("ns1.example.com", "fd00::54:10:1", "www.example.com", "192.0.2.80"));
    }

    @Test
    void readsOurTreeSectionsTagsAndOverview() {
        TraceOutput out = TraceOutputParser.parse(OURS);

        assertThat(out.headers()).hasSize(2);
        assertThat(out.mainTree()).hasSize(6);
        TraceLine ns1 = out.lines().get(2);
        assertThat(ns1).extracting(TraceLine::name, TraceLine::zone, TraceLine::ip)
                .containsExactly("ns1.example.com", "example.com", "fd00::54:10:1");
        assertThat(ns1.outcome()).isEqualTo(Outcome.AUTHORITATIVE);
        assertThat(ns1.hasTag("truncated")).isTrue();
        assertThat(out.lines().get(3).outcome()).isEqualTo(Outcome.LAME);
        assertThat(out.lines().get(3).hasTag("REFUSED")).isTrue();
        assertThat(out.lines().get(5).outcome()).isEqualTo(Outcome.NO_IP);
        assertThat(out.lines().get(7)).extracting(TraceLine::section, TraceLine::depth, TraceLine::name)
                .containsExactly(1, 1, "e.gtld-servers.net");
        assertThat(out.lines().get(7).outcome()).isEqualTo(Outcome.NO_REPLY);
        assertThat(out.overview()).containsExactly(
                new OverviewRecord("ns1.example.com", "fd00::54:10:1", "alias.example.com", "www.example.org"),
                new OverviewRecord("ns1.example.org", "127.54.17.1", "example.org", "10 mail.example.org"));
    }

    @Test
    void classicStatusTextsMapToOutcomes() {
        List<String> statuses = List.of("Lame server ", "Refers backwards ", "* * * ", "", "Not queried");
        assertThat(statuses).map(s -> new TraceLine(0, 1, "n", "z", "127.0.0.1", s).outcome())
                .containsExactly(Outcome.LAME, Outcome.REFERS_BACKWARDS, Outcome.NO_REPLY, Outcome.NONE,
                        Outcome.NOT_QUERIED);
    }
}
