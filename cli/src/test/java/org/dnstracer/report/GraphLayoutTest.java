package org.dnstracer.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dnstracer.model.Trace;
import org.junit.jupiter.api.Test;

class GraphLayoutTest {
    private final LaidOutGraph laidOut = GraphLayout.layout(DelegationGraph.of(TestTraces.lameExample()).get(0));

    @Test
    void eachZoneDepthIsABandBelowTheOneAbove() {
        List<Band> bands = laidOut.bands();
        assertThat(bands).extracting(Band::label).containsExactly(".", "com.", "example.com.");
        for (int i = 1; i < bands.size(); i++) {
            assertThat(bands.get(i).top()).isGreaterThanOrEqualTo(bands.get(i - 1).bottom());
        }
        for (GraphNode n : laidOut.graph().nodes()) {
            Band band = bands.stream().filter(b -> b.depth() == n.depth()).findFirst().orElseThrow();
            NodeBox box = laidOut.boxes().get(n.id());
            assertThat(box.y()).isGreaterThanOrEqualTo(band.top());
            assertThat(box.y() + box.height()).isLessThanOrEqualTo(band.bottom());
        }
    }

    @Test
    void nodesOfABandAreInReferralOrderLeftToRight() {
        for (Trace trace : List.of(TestTraces.lameExample(), TestTraces.reversedReferrals())) {
            LaidOutGraph g = GraphLayout.layout(DelegationGraph.of(trace).get(0));
            for (int depth = 0; depth <= 2; depth++) {
                int d = depth;
                List<GraphNode> band = g.graph().nodes().stream().filter(n -> n.depth() == d).toList();
                for (int i = 1; i < band.size(); i++) {
                    assertThat(g.boxes().get(band.get(i).id()).x())
                            .as("%s right of %s", band.get(i).server(), band.get(i - 1).server())
                            .isGreaterThan(g.boxes().get(band.get(i - 1).id()).x());
                }
            }
        }
    }

    @Test
    void aLongZoneNameIsDrawnWholeLeftOfTheNodes() {
        String zone = "a-zone-name-much-longer-than-the-old-label-room.example.com.";
        LaidOutGraph g = GraphLayout.layout(DelegationGraph.of(TestTraces.oneServer("ns1." + zone, zone)).get(0));
        String svg = SvgWriter.element(g);
        assertThat(svg).contains(">" + zone + "</tspan>").doesNotContain("\u2026");
        for (NodeBox box : g.boxes().values()) {
            assertThat(box.x()).isGreaterThan(zone.length() * 7.0);
        }
    }

    @Test
    void nodesDoNotOverlapAndFitTheDrawing() {
        List<NodeBox> boxes = List.copyOf(laidOut.boxes().values());
        for (int i = 0; i < boxes.size(); i++) {
            NodeBox a = boxes.get(i);
            assertThat(a.x() + a.width()).isLessThanOrEqualTo(laidOut.width());
            assertThat(a.y() + a.height()).isLessThanOrEqualTo(laidOut.height());
            for (int j = i + 1; j < boxes.size(); j++) {
                NodeBox b = boxes.get(j);
                boolean apart = a.x() + a.width() <= b.x() || b.x() + b.width() <= a.x()
                        || a.y() + a.height() <= b.y() || b.y() + b.height() <= a.y();
                assertThat(apart).as("%s and %s", a, b).isTrue();
            }
        }
    }

    @Test
    void everyEdgeIsRoutedFromItsSourceToItsTarget() {
        List<GraphEdge> edges = laidOut.graph().edges();
        for (int i = 0; i < edges.size(); i++) {
            double[] p = laidOut.routes().get(i);
            NodeBox from = laidOut.boxes().get(edges.get(i).from());
            NodeBox to = laidOut.boxes().get(edges.get(i).to());
            assertThat(p.length).isGreaterThanOrEqualTo(4);
            assertThat(p[1]).isCloseTo(from.y() + from.height(), org.assertj.core.data.Offset.offset(1.0));
            assertThat(p[p.length - 1]).isCloseTo(to.y(), org.assertj.core.data.Offset.offset(1.0));
        }
    }
}
