package org.dnstracer.interop;

/**
 * What a server line says happened, read tolerantly from the status text (by the words it
 * contains, not their exact position) so that both the classic tool's and our wording fit.
 */
enum Outcome {
    AUTHORITATIVE, ANSWER, LAME, REFERS_BACKWARDS, LOOP, NO_REPLY, NOT_QUERIED, NO_IP, CACHED, ERROR,
    /** Nothing printed after the address: a referral that was followed, or (classic) an ignored rcode. */
    NONE;

    static Outcome of(TraceLine line) {
        String s = line.status().trim();
        if (line.ip() == null) {
            return NO_IP;
        }
        if (s.startsWith("Not queried")) {
            return NOT_QUERIED;
        }
        if (s.contains("Got authoritative answer")) {
            return AUTHORITATIVE;
        }
        if (s.contains("Got answer")) {
            return ANSWER;
        }
        if (s.contains("Lame server")) {
            return LAME;
        }
        if (s.contains("Refers backwards")) {
            return REFERS_BACKWARDS;
        }
        if (s.startsWith("Loop")) {
            return LOOP;
        }
        if (s.startsWith("(cached)")) {
            return CACHED;
        }
        if (s.startsWith("*")) {
            return NO_REPLY;
        }
        if (s.startsWith("Error") || s.startsWith("[malformed")) {
            return ERROR;
        }
        return NONE;
    }
}
