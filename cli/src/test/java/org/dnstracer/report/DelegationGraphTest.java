package org.dnstracer.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DelegationGraphTest {
    private final SectionGraph graph = DelegationGraph.of(TestTraces.lameExample()).get(0);

    @Test
    void oneNodePerServerAddressWhateverHowOftenTheTreeNamesIt() {
        assertThat(graph.nodes()).extracting(GraphNode::server).containsExactly("a.root-servers.net",
                "a.gtld-servers.net", "ns1.example.com", "ns2.example.com", "ns3.example.com", "b.gtld-servers.net");
        assertThat(graph.nodes().get(2).visits()).hasSize(2);
    }

    @Test
    void outcomeIsWhatTheFirstQueryFoundNotTheLaterCachedLines() {
        assertThat(graph.nodes()).extracting(GraphNode::outcome).containsExactly(Outcome.REFERRAL, Outcome.REFERRAL,
                Outcome.AUTHORITATIVE, Outcome.LAME, Outcome.TIMEOUT, Outcome.REFERRAL);
    }

    @Test
    void edgesOfCachedLinesAreReferences() {
        List<GraphEdge> fromB = graph.edges().stream().filter(e -> e.from().equals(graph.nodes().get(5).id())).toList();
        assertThat(fromB).hasSize(3).allMatch(GraphEdge::reference);
        List<GraphEdge> fromA = graph.edges().stream().filter(e -> e.from().equals(graph.nodes().get(1).id())).toList();
        assertThat(fromA).hasSize(3).noneMatch(GraphEdge::reference);
    }

    @Test
    void bandsAreZoneDepthsFromTheRoot() {
        assertThat(graph.nodes()).extracting(GraphNode::depth).containsExactly(0, 1, 2, 2, 2, 1);
        assertThat(graph.nodes()).extracting(GraphNode::zone).containsExactly(".", "com.", "example.com.",
                "example.com.", "example.com.", "com.");
    }

    @Test
    void aBandNamesEachOfItsZonesOnceAndShortensALongList() {
        SectionGraph sibling = new SectionGraph(0, graph.section(), List.of(band("example.com."), band("ample.com."),
                band("example.com.")), List.of());
        assertThat(sibling.bandLabels()).containsExactly(java.util.Map.entry(2, "example.com., ample.com."));
        SectionGraph many = new SectionGraph(0, graph.section(), List.of(band("a."), band("b."), band("c."),
                band("d.")), List.of());
        assertThat(many.bandLabels()).containsExactly(java.util.Map.entry(2, "a., b. and 2 more"));
        assertThat(DotWriter.document(List.of(sibling))).contains("label=\"example.com., ample.com.\";");
    }

    private static int ids;

    private static GraphNode band(String zone) {
        return new GraphNode("n" + ids++, "ns." + zone, "127.0.0.1", zone, 2, Outcome.AUTHORITATIVE, List.of());
    }
}
