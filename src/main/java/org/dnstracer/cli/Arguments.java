package org.dnstracer.cli;

import java.net.DatagramSocket;
import java.net.IDN;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import org.dnstracer.net.IpAddresses;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/** Parsers of option values, each failing with a message fit for the user. */
final class Arguments {
    private Arguments() {}

    static Name parseName(String text, String what) throws UsageException {
        if (text.isEmpty()) {
            throw new UsageException("empty " + what + " name");
        }
        String ascii = text;
        if (!text.chars().allMatch(c -> c < 0x80)) {
            try {
                ascii = IDN.toASCII(text, IDN.ALLOW_UNASSIGNED); // bücher.example -> xn--bcher-kva.example
            } catch (IllegalArgumentException e) {
                throw new UsageException("invalid " + what + " name '" + text + "': " + e.getMessage());
            }
        }
        try {
            return Name.fromString(ascii, Name.root);
        } catch (TextParseException e) {
            String reason = e.getMessage();
            int colon = reason.lastIndexOf(": ");
            throw new UsageException("invalid " + what + " name '" + text + "': "
                    + (colon >= 0 ? reason.substring(colon + 2) : reason));
        }
    }

    static int parseInt(String text, String option) throws UsageException {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a whole number, not '" + text + "'");
        }
    }

    static Duration parseSeconds(String text) throws UsageException {
        double seconds;
        try {
            seconds = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("-t needs a number of seconds, not '" + text + "'");
        }
        if (!(seconds >= 0) || seconds > 3600) {
            throw new UsageException("-t must be between 0 and 3600 seconds, not " + text);
        }
        return seconds == 0 ? Duration.ofSeconds(30) : Duration.ofNanos((long) (seconds * 1e9));
    }

    /** {@code 2026-11-01T12:00:00Z}, or a day {@code 2026-11-01} (its midnight, UTC). */
    static java.time.Instant parseInstant(String text, String option) throws UsageException {
        String t = text.trim();
        try {
            return t.length() == 10 ? java.time.LocalDate.parse(t).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                    : java.time.OffsetDateTime.parse(t).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new UsageException(option + " needs a date (2026-11-01) or a moment (2026-11-01T12:00:00Z), not '"
                    + text + "'");
        }
    }

    static InetAddress localAddress(String text) throws UsageException {
        InetAddress address = IpAddresses.parseLiteral(text)
                .orElseThrow(() -> new UsageException("-S needs an IP address, not '" + text + "'"));
        try (DatagramSocket probe = new DatagramSocket(null)) {
            probe.bind(new InetSocketAddress(address, 0));
            return address;
        } catch (SocketException e) {
            throw new UsageException("-S " + text + " is not an address of this machine");
        }
    }
}
