package org.dnstracer.report;

/** The two text lines of a node and the box they need (monospace text, so the width follows the length). */
final class NodeLabel {
    static final double CHAR_WIDTH = 7.2;
    static final double LINE_HEIGHT = 15;
    static final double PADDING = 12;

    private NodeLabel() {}

    static String first(GraphNode n) {
        return n.server();
    }

    static String second(GraphNode n) {
        return n.address() == null ? "(no address)" : n.address();
    }

    static double width(GraphNode n) {
        return Math.max(first(n).length(), second(n).length()) * CHAR_WIDTH + 2 * PADDING;
    }

    static double height() {
        return 2 * LINE_HEIGHT + PADDING;
    }
}
