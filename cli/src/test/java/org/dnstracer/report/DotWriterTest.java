package org.dnstracer.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
    void quotesAndBackslashesInLabelsAreEscaped() {
        assertThat(DotWriter.quote("a\"b\\c\nd\u0007")).isEqualTo("\"a\\\"b\\\\c\\nd\"");
    }
}
