package org.dnstracer.report;

import org.dnstracer.dnssec.DnssecStatus;
import org.dnstracer.findings.Severity;

/**
 * The badges under a node's name: its worst finding's severity, its DNSSEC status, and "given by --ns" for a server
 * zone mode's user named, each a coloured box with the
 * word in it, so that the graph reads without colour too. The same boxes make the legend.
 */
final class Badges {
    static final double HEIGHT = 15;
    static final double CHAR_WIDTH = 6.7;
    static final double GAP = 6;
    private static final double PADDING = 8;
    /** A server named by --ns: pale violet, neither a fault's colour nor a DNSSEC status's. */
    static final String GIVEN_FILL = "#ede7f6";
    static final String GIVEN_INK = "#4527a0";

    private Badges() {}

    /** The width of a node's row of badges (0 without any). */
    static double width(NodeMarks marks) {
        double width = 0;
        for (String text : marks.badges()) {
            width += (width == 0 ? 0 : GAP) + badgeWidth(text);
        }
        return width;
    }

    /** Draws the node's badges as a row centred on {@code cx}, the boxes' top at {@code top}. */
    static void draw(StringBuilder out, NodeMarks marks, double cx, double top) {
        double x = cx - width(marks) / 2;
        out.append("<g class=\"badges\">");
        if (marks.worst() != null) {
            x = badge(out, "severity " + marks.worst().label(), marks.worst().label(), fill(marks.worst()), "#ffffff",
                    x, top) + GAP;
        }
        if (marks.dnssec() != null) {
            x = badge(out, "dnssec " + marks.dnssec().word(), "DNSSEC " + marks.dnssec().word(), fill(marks.dnssec()),
                    text(marks.dnssec()), x, top) + GAP;
        }
        if (marks.given()) {
            badge(out, "given", NodeMarks.GIVEN, GIVEN_FILL, GIVEN_INK, x, top);
        }
        out.append("</g>");
    }

    /** One badge at {@code x}; returns its right edge. */
    static double badge(StringBuilder out, String cls, String text, String fill, String ink, double x, double top) {
        double w = badgeWidth(text);
        out.append("<g class=\"badge ").append(cls).append("\"><rect x=\"").append(SvgWriter.num(x)).append("\" y=\"")
                .append(SvgWriter.num(top)).append("\" width=\"").append(SvgWriter.num(w)).append("\" height=\"")
                .append(SvgWriter.num(HEIGHT)).append("\" rx=\"3\" fill=\"").append(fill)
                .append("\" stroke=\"#37474f\" stroke-width=\"0.6\"/><text x=\"").append(SvgWriter.num(x + w / 2))
                .append("\" y=\"").append(SvgWriter.num(top + 11.5))
                .append("\" text-anchor=\"middle\" font-size=\"11\" fill=\"").append(ink).append("\">")
                .append(Xml.escape(text)).append("</text></g>");
        return x + w;
    }

    static double badgeWidth(String text) {
        return text.length() * CHAR_WIDTH + PADDING;
    }

    static String fill(Severity s) {
        return switch (s) {
            case ERROR -> "#c62828";
            case WARNING -> "#ef6c00";
            case NOTICE -> "#1565c0";
        };
    }

    static String fill(DnssecStatus s) {
        return switch (s) {
            case BOGUS -> "#b71c1c";
            case INDETERMINATE -> "#757575";
            case INSECURE -> "#fff8e1";
            case SECURE -> "#2e7d32";
        };
    }

    static String text(DnssecStatus s) {
        return s == DnssecStatus.INSECURE ? "#4e342e" : "#ffffff";
    }

    /**
     * The colour of the ring drawn around a node that needs attention (an error, a warning, bogus DNSSEC), or null.
     */
    static String ring(NodeMarks marks) {
        if (marks.worst() == Severity.ERROR || marks.dnssec() == DnssecStatus.BOGUS) {
            return fill(Severity.ERROR);
        }
        return marks.worst() == Severity.WARNING ? fill(Severity.WARNING) : null;
    }
}
