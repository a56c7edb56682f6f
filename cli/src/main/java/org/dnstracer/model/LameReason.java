package org.dnstracer.model;

/** Why a server counts as lame for the zone it was delegated. */
public enum LameReason {
    REFUSED("REFUSED"),
    SERVFAIL("SERVFAIL"),
    NOTAUTH("NOTAUTH"),
    /** A reply without the AA bit where the server should have been authoritative. */
    NOT_AUTHORITATIVE("not authoritative"),
    /** A referral to the very zone the server was delegated. */
    SAME_ZONE_REFERRAL("referral to same zone"),
    /** A referral to a zone that does not contain the name. */
    UNRELATED_REFERRAL("referral to unrelated zone");

    private final String text;

    LameReason(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
