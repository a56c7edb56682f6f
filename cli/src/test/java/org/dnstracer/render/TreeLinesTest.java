package org.dnstracer.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TreeLinesTest {
    @Test
    void depthZoneHasNoDrawing() {
        assertThat(TreeLines.prefix(List.of())).isEmpty();
    }

    @Test
    void eachLevelTakesSixColumnsAsInTheClassicTool() {
        assertThat(TreeLines.prefix(List.of(false))).isEqualTo(" |\\___ ");
        assertThat(TreeLines.prefix(List.of(true))).isEqualTo("  \\___ ");
        assertThat(TreeLines.prefix(List.of(false, false))).isEqualTo(" |     |\\___ ");
        assertThat(TreeLines.prefix(List.of(false, true))).isEqualTo(" |      \\___ ");
        assertThat(TreeLines.prefix(List.of(true, false))).isEqualTo("       |\\___ ");
        assertThat(TreeLines.prefix(List.of(true, true))).isEqualTo("        \\___ ");
    }
}
