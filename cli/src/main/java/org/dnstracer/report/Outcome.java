package org.dnstracer.report;

import java.util.Locale;
import org.dnstracer.model.Status;

/**
 * What a server did, in the eight classes the graph draws: each with its own colour AND shape, so that the graph
 * can be read without telling colours apart (and printed in grey).
 */
public enum Outcome {
    AUTHORITATIVE("authoritative answer", "#c8e6c9", "#1b5e20", Shape.PILL, false),
    REFERRAL("referral", "#bbdefb", "#0d47a1", Shape.BOX, false),
    LAME("lame", "#ffe0b2", "#e65100", Shape.HEXAGON, false),
    TIMEOUT("timeout", "#fff59d", "#8d6e00", Shape.BOX, true),
    UNREACHABLE("unreachable", "#e1bee7", "#4a148c", Shape.PARALLELOGRAM, false),
    ERROR("error", "#ffcdd2", "#b71c1c", Shape.OCTAGON, false),
    CACHED("cached", "#eeeeee", "#757575", Shape.NOTE, true),
    NOT_QUERIED("not queried", "#ffffff", "#616161", Shape.BOX, true);

    /** The outline of a node; {@link #dashed} adds a dashed border on top. */
    public enum Shape { PILL, BOX, HEXAGON, PARALLELOGRAM, OCTAGON, NOTE }

    private final String label;
    private final String fill;
    private final String stroke;
    private final Shape shape;
    private final boolean dashed;

    Outcome(String label, String fill, String stroke, Shape shape, boolean dashed) {
        this.label = label;
        this.fill = fill;
        this.stroke = stroke;
        this.shape = shape;
        this.dashed = dashed;
    }

    /** The class of one tree line's status. An answer of a start resolver counts with the authoritative ones. */
    public static Outcome of(Status status) {
        return switch (status) {
            case AUTHORITATIVE_ANSWER, AUTHORITATIVE_NXDOMAIN, AUTHORITATIVE_NODATA, ANSWER, NXDOMAIN, NODATA ->
                    AUTHORITATIVE;
            case REFERRAL -> REFERRAL;
            case LAME, UPWARD_REFERRAL -> LAME;
            case TIMEOUT -> TIMEOUT;
            case UNREACHABLE -> UNREACHABLE;
            case SERVER_ERROR, MALFORMED, SEND_ERROR, INTERNAL_ERROR, LOOP -> ERROR;
            case CACHED -> CACHED;
            case NOT_QUERIED, NO_ADDRESS, LIMIT, UNFINISHED -> NOT_QUERIED;
        };
    }

    /** The name in data attributes and CSS classes: {@code not-queried}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String label() {
        return label;
    }

    public String fill() {
        return fill;
    }

    public String stroke() {
        return stroke;
    }

    public Shape shape() {
        return shape;
    }

    public boolean dashed() {
        return dashed;
    }
}
