package org.dnstracer.replay;

import java.util.Locale;

/** Which method of the transport a recorded exchange answered. */
public enum Kind {
    /** {@link org.dnstracer.net.Transport#exchange}: RD=0, with the transport's EDNS, TCP and retry policy. */
    EXCHANGE,
    /** {@link org.dnstracer.net.Transport#exchangeRecursive}: the same with RD=1. */
    RECURSIVE,
    /** {@link org.dnstracer.net.Transport#probe}: a query sent exactly as built, over one protocol. */
    PROBE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind of a label, or null. */
    public static Kind of(String label) {
        for (Kind k : values()) {
            if (k.label().equals(label)) {
                return k;
            }
        }
        return null;
    }
}
