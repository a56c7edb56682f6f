package org.dnstracer.net;

import com.google.common.net.InetAddresses;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.xbill.DNS.Address;

/** IP literals in and out: parsing that never asks a resolver, and RFC 5952 text for IPv6. */
public final class IpAddresses {
    private IpAddresses() {}

    /** Parses an IPv4 or IPv6 literal (no zone id, no brackets); empty when the text is not one. */
    public static Optional<InetAddress> parseLiteral(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Address.getByAddress(text)); // a literal or an exception: never a lookup
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /**
     * Dotted quad for IPv4; RFC 5952 canonical text (lower case, longest zero run compressed) for IPv6, which the
     * JDK does not write ({@code getHostAddress} gives all eight groups), without a link-local address's zone
     * (see {@link #formatWithZone}). Guava is in the tool's jar for the graph layout, and the Spark job finds the one
     * every Spark 4 distribution ships.
     */
    public static String format(InetAddress address) {
        String text = InetAddresses.toAddrString(address);
        int zone = text.indexOf('%');
        return zone < 0 ? text : text.substring(0, zone);
    }

    /** As {@link #format}, with the zone of a link-local IPv6 address ({@code fe80::1%eth0}) when it has one. */
    public static String formatWithZone(InetAddress address) {
        return InetAddresses.toAddrString(address);
    }

    public static boolean isIpv6(InetAddress address) {
        return address instanceof Inet6Address;
    }
}
