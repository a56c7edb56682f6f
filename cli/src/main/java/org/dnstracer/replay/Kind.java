package org.dnstracer.replay;

/** Which method of the transport a recorded exchange answered. */
public enum Kind {
    /** {@link org.dnstracer.net.Transport#exchange}: RD=0, with the transport's EDNS, TCP and retry policy. */
    EXCHANGE,
    /** {@link org.dnstracer.net.Transport#exchangeRecursive}: the same with RD=1. */
    RECURSIVE,
    /** {@link org.dnstracer.net.Transport#probe}: a query sent exactly as built, over one protocol. */
    PROBE;
}
