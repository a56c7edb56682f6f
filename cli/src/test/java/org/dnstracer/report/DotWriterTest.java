package org.dnstracer.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.dnstracer.findings.Finding;
import org.dnstracer.findings.FindingCode;
import org.dnstracer.findings.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DotWriterTest {
    private final String dot = DotWriter.document(DelegationGraph.of(TestTraces.lameExample()));

    @Test
    void everyServerAddressIsOneNodeInTheClusterOfItsZone() {
        assertThat(dot).startsWith("digraph delegation {").endsWith("}\n");
        assertThat(dot.lines().filter(l -> l.contains("[label=\"ns1.example.com\\n127.53.2.1\""))).hasSize(1);
        assertThat(dot).contains("subgraph cluster_s0_d2 {\n      label=\"example.com.\";");
    }

    @Test
    void outcomesAreShapesAndCachedReferencesDashed() {
        assertThat(dot).containsPattern("\\[label=\"ns2.example.com\\\\n127.53.2.2\", shape=hexagon");
        assertThat(dot).contains("s0n5 -> s0n2 [style=dashed");
        assertThat(dot).containsPattern("s0n1 -> s0n2;");
    }

    @Test
    void aNodeWithAFindingSaysItsSeverityInItsLabelAndHasAThickBorder() {
        Finding lame = new Finding(Severity.ERROR, FindingCode.LAME_REFUSED, TestTraces.name("example.com."),
                "ns2.example.com", TestTraces.ip(127, 53, 2, 2), "answered REFUSED", List.of());
        Path file = dir.resolve("graph.dot");
        String marked = write(file, List.of(lame));
        assertThat(marked).containsPattern("\\[label=\"ns2.example.com\\\\n127.53.2.2\\\\n\\[error\\]\", "
                + "shape=hexagon, [^\\]]*color=\"#c62828\", penwidth=3");
        assertThat(marked.lines().filter(l -> l.contains("penwidth"))).hasSize(1);
    }

    @TempDir
    Path dir;

    /** The file as {@code --dot} writes it. */
    private static String write(Path file, List<Finding> findings) {
        try {
            new ReportFiles(null, null, file).write(TestTraces.lameExample(), findings, null, Instant.EPOCH, 0);
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void quotesAndBackslashesInLabelsAreEscaped() {
        assertThat(DotWriter.quote("a\"b\\c\nd\u0007")).isEqualTo("\"a\\\"b\\\\c\\nd\"");
    }
}
