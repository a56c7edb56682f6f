package org.dnstracer.net;

/** Whether an exchange had to give up EDNS to get its reply, and why. */
public enum EdnsFallback {
    /** The reply answers the query as first built (with EDNS unless it was turned off). */
    NONE,
    /** The server rejected EDNS (FORMERR or NOTIMP without OPT, or BADVERS); the reply came without EDNS. */
    REJECTED,
    /** Every EDNS query went unanswered; the one extra query without EDNS got the reply (a dropping middlebox). */
    DROPPED
}
