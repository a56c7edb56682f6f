package org.dnstracer.cli;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/** Parsers of option values that need more than a picocli converter, each failing with a message fit for the user. */
final class Arguments {
    private Arguments() {}

    /**
     * A name as typed: ASCII as it is (DNS names may hold any label, {@code _dmarc} too), anything else through
     * IDNA first. Only then is the IDNA library loaded, so that ASCII names cost no start-up time.
     */
    static Name parseName(String text, String what) throws UsageException {
        if (text.isEmpty()) {
            throw new UsageException("empty " + what + " name");
        }
        String ascii = text;
        // a backslash escapes on purpose (www.exa\032mple.com): then any label is taken as written
        if (text.indexOf('\\') < 0) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x80 && !HOST_CHARACTERS.get(c)) {
                    throw new UsageException("invalid " + what + " name '" + text + "': " + describe(c) + " cannot be "
                            + "in a host name (letters, digits, '-', '_', '.', '*' and '/'; escape it, as in \\"
                            + String.format("%03d", (int) c) + ", to ask for it anyway)");
                }
            }
        }
        if (!text.chars().allMatch(c -> c < 0x80)) {
            try {
                ascii = Idna.toAscii(text); // bücher.example -> xn--bcher-kva.example
            } catch (Idna.InvalidNameException e) {
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

    /**
     * The ASCII characters a name may hold unescaped: those of host names (RFC 952, 1123), '_' of service labels
     * (_dmarc), '*' of wildcards and '/' of classless reverse delegations (RFC 2317).
     */
    private static final java.util.BitSet HOST_CHARACTERS = new java.util.BitSet(128);

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            HOST_CHARACTERS.set(c);
            HOST_CHARACTERS.set(Character.toUpperCase(c));
        }
        for (char c = '0'; c <= '9'; c++) {
            HOST_CHARACTERS.set(c);
        }
        for (char c : "-_.*/".toCharArray()) {
            HOST_CHARACTERS.set(c);
        }
    }

    private static String describe(char c) {
        return c == ' ' ? "a space" : c == '\t' ? "a tab" : c < 0x20 || c == 0x7f ? "a control character"
                : "'" + c + "'";
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
        InetAddress address = IpLiterals.parse(text)
                .orElseThrow(() -> new UsageException("-S needs an IP address, not '" + text + "'"));
        try (DatagramSocket probe = new DatagramSocket(null)) {
            probe.bind(new InetSocketAddress(address, 0));
            return address;
        } catch (SocketException e) {
            throw new UsageException("-S " + text + " is not an address of this machine");
        }
    }
}
