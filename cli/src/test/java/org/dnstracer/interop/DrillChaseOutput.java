package org.dnstracer.interop;

/**
 * {@code drill -S} chases the answer's signatures from a recursive resolver up to the trust anchor: one verdict for
 * the answer, ";; Chase successful" (secure, also for a proven NXDOMAIN) or ";; Chase failed" (bogus). It has no
 * insecure: an answer from an unsigned zone fails the chase too (allowance {@code DRILL_CHASE_HAS_NO_INSECURE}).
 */
final class DrillChaseOutput {
    private DrillChaseOutput() {}

    static String answer(String output) {
        if (output.contains(";; Chase successful")) {
            return "secure";
        }
        if (output.contains(";; Chase failed")) {
            return "bogus";
        }
        return "unknown";
    }
}
