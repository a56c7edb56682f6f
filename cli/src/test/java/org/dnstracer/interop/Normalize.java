package org.dnstracer.interop;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.dnstracer.net.IpAddresses;

/**
 * Puts the classic tool's text and ours into one form before comparing: names are compared
 * case-insensitively without a trailing dot, and IPv6 is compared in RFC 5952 form (the classic
 * tool prints eight groups of four hex digits).
 */
final class Normalize {
    private Normalize() {}

    /** Lower case, no trailing dot; the root stays ".". */
    static String name(String name) {
        if (name == null) {
            return null;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.length() > 1 && lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    /** RFC 5952 for IPv6, dotted quad for IPv4; anything that is not an IP literal is left as it is. */
    static String ip(String text) {
        if (text == null) {
            return null;
        }
        return IpAddresses.parseLiteral(text.trim()).map(IpAddresses::format).orElse(text.trim());
    }

    /** Record data: each space-separated token normalised as an IP literal or else as a name. */
    static String data(String data) {
        return Arrays.stream(data.trim().split("\\s+"))
                .map(token -> IpAddresses.parseLiteral(token).isPresent() ? ip(token) : name(token))
                .collect(Collectors.joining(" "));
    }
}
