package org.dnstracer.report;

/**
 * The two text lines of a node, its row of badges when it has any, and the box they need (monospace text, so the
 * width follows the length).
 */
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
        return Math.max(Math.max(first(n).length(), second(n).length()) * CHAR_WIDTH, Badges.width(n.marks()))
                + 2 * PADDING;
    }

    static double height(GraphNode n) {
        return 2 * LINE_HEIGHT + PADDING + (n.marks().any() ? BADGE_ROW : 0);
    }

    /** The badges' row: the badge and a little space above it. */
    static final double BADGE_ROW = Badges.HEIGHT + 5;
}
