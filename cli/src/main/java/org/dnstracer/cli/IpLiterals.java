package org.dnstracer.cli;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Optional;
import org.dnstracer.net.IpAddresses;

/**
 * IP literals as resolv.conf and {@code -s} may write them: an IPv6 address may carry a zone ({@code fe80::1%eth0},
 * {@code fe80::1%2}), without which a link-local address cannot be reached. Never a lookup.
 */
final class IpLiterals {
    private IpLiterals() {}

    /** Empty when the text is not a literal, or names an interface this machine does not have. */
    static Optional<InetAddress> parse(String text) {
        int percent = text.indexOf('%');
        if (percent < 0) {
            return IpAddresses.parseLiteral(text);
        }
        String zone = text.substring(percent + 1);
        Optional<InetAddress> base = IpAddresses.parseLiteral(text.substring(0, percent));
        if (zone.isEmpty() || base.isEmpty() || !(base.get() instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] bytes = base.get().getAddress();
        try {
            if (zone.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Optional.of(Inet6Address.getByAddress(null, bytes, Integer.parseInt(zone)));
            }
            NetworkInterface nif = NetworkInterface.getByName(zone);
            return nif == null ? Optional.empty() : Optional.of(Inet6Address.getByAddress(null, bytes, nif));
        } catch (UnknownHostException | SocketException | NumberFormatException e) {
            return Optional.empty(); // an interface without IPv6, or a zone number out of range
        }
    }
}
