package org.dnstracer.interop;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BIND's {@code delv} judges one answer, not zones: "; fully validated" (secure), "; unsigned answer" (insecure), or
 * "resolution failed" (bogus; but an NXDOMAIN proven by NSEC is "; negative response, fully validated") after lines like ";; validating expired.sec/DNSKEY: ..." that name the zone it could
 * not validate. Read per zone along our chain: the zones above the one it blames (or above the answer's zone) it
 * validated on its way down, so they are secure; the blamed zone gets the verdict; zones below it were not reached.
 */
final class DelvOutput {
    private static final Pattern VALIDATING = Pattern.compile("(?m)^;; validating ([^/\\s]+)/");
    private static final Pattern FAILED = Pattern.compile("(?m)^;; resolution failed: (?!ncache )");

    private DelvOutput() {}

    /**
     * The answer's verdict is that of its weakest part: delv prints one block per part of a CNAME chain (a validated
     * CNAME, then "; negative response, unsigned answer" for a target in an insecure zone is an insecure answer). A
     * "resolution failed" other than a cached negative answer ("ncache nxdomain", "ncache nxrrset") is bogus.
     */
    static String answer(String output) {
        if (FAILED.matcher(output).find()) {
            return "bogus";
        }
        if (output.contains("unsigned answer")) {
            return "insecure";
        }
        // also "; negative response, fully validated" (after a ";; resolution failed: ncache nxdomain" line)
        if (output.contains("fully validated")) {
            return "secure";
        }
        if (output.contains("resolution failed")) {
            return "bogus";
        }
        return "unknown";
    }

    /** @param chain our chain's zones, from the root down (trailing dots) */
    static ZoneVerdicts alongChain(String output, List<String> chain) {
        String verdict = answer(output);
        String blamed = chain.get(chain.size() - 1);
        Matcher m = VALIDATING.matcher(output);
        if (verdict.equals("bogus") && m.find()) {
            blamed = absolute(m.group(1));
        }
        Map<String, String> zones = new LinkedHashMap<>();
        for (String zone : chain) {
            if (zone.equals(blamed)) {
                zones.put(zone, verdict);
                break;
            }
            zones.put(zone, "secure");
        }
        return new ZoneVerdicts(zones);
    }

    private static String absolute(String name) {
        return name.endsWith(".") ? name : name + ".";
    }
}
