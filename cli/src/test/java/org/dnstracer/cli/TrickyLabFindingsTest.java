package org.dnstracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The built-in lab's {@code tricky.org} group: healthy set-ups that look odd (per-server answers, independent
 * serials, a lagging secondary, anycast-style addresses, glueless out-of-bailiwick servers, wildcards, empty
 * non-terminals, DNAME, a TXT set only TCP can carry, NS TTLs that differ, a CNAME into another zone, RA=1 with
 * recursion refused). {@code --check} must name no error and no warning on any of them: what it does name is a
 * notice, pinned here so that a louder severity fails.
 */
class TrickyLabFindingsTest {
    /** Each line as "severity CODE zone server (address)". */
    private static List<String> findings(String... args) {
        List<String> argv = new ArrayList<>(List.of("--lab", "--check"));
        argv.addAll(List.of(args));
        return FindingLines.of(argv).stream().map(FindingLines.Line::withSeverity).toList();
    }

    @Test
    void geoDnsAnswersPerServerAreANoticeNotAWarning() {
        assertThat(findings("www.geo.tricky.org"))
                .containsExactly("notice ANSWER_MISMATCH geo.tricky.org. ns2.geo.tricky.org (127.53.61.12)");
    }

    @Test
    void serialsThatDifferOverTheSameDataAreANotice() {
        // two providers numbering independently (date vs Unix time), and a secondary one change behind
        assertThat(findings("www.multi.tricky.org")).containsExactly(
                "notice SOA_SERIAL_ONLY_MISMATCH multi.tricky.org. ns2.multi.tricky.org (127.53.61.22)");
        assertThat(findings("www.lagging.tricky.org")).containsExactly(
                "notice SOA_SERIAL_ONLY_MISMATCH lagging.tricky.org. ns2.lagging.tricky.org (127.53.61.32)");
    }

    @Test
    void nsTtlsThatDifferBetweenParentAndChildAreANoticeAtEachChildAddress() {
        assertThat(findings("www.nsttl.tricky.org")).containsExactly(
                "notice NS_TTL_DIFFERS nsttl.tricky.org. ns1.nsttl.tricky.org (127.53.61.71)",
                "notice NS_TTL_DIFFERS nsttl.tricky.org. ns2.nsttl.tricky.org (127.53.61.72)");
    }

    @Test
    void recursionAdvertisedButRefusedIsNoFinding() {
        assertThat(findings("www.ra.tricky.org")).isEmpty();
    }

    @Test
    void unusualButHealthyZonesGiveNoFindingAtAll() {
        assertThat(findings("www.anycast.tricky.org")).isEmpty();
        assertThat(findings("www.oob.tricky.org")).isEmpty();
        assertThat(findings("x.wild.content.tricky.org")).isEmpty();
        assertThat(findings("b.ent.content.tricky.org")).isEmpty();
        assertThat(findings("www.dname.content.tricky.org")).isEmpty();
        assertThat(findings("alias.content.tricky.org")).isEmpty();
        assertThat(findings("-q", "TXT", "big.content.tricky.org")).isEmpty();
    }

    @Test
    void withDnssecValidationTooTheGroupGivesNoErrorAndNoWarning() {
        // org is signed and tricky.org is not: -D proves the insecure delegation and must find nothing worse
        for (String name : List.of("www.geo.tricky.org", "www.multi.tricky.org", "www.ra.tricky.org",
                "www.oob.tricky.org", "x.wild.content.tricky.org", "b.ent.content.tricky.org",
                "www.dname.content.tricky.org")) {
            assertThat(findings("-D", name)).as(name).allMatch(f -> f.startsWith("notice "));
        }
    }
}
