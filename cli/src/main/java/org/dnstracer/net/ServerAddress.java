package org.dnstracer.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;

/** Where one DNS server listens: always an IP address, never a host name, so using it never triggers a lookup. */
public record ServerAddress(InetAddress address, int port) {
    public ServerAddress {
        Objects.requireNonNull(address, "address");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** Written out: a record's generated equals and hashCode are linked at their first call (start-up). */
    @Override
    public boolean equals(Object o) {
        return o instanceof ServerAddress a && port == a.port && address.equals(a.address);
    }

    @Override
    public int hashCode() {
        return address.hashCode() * 31 + port;
    }

    public InetSocketAddress socketAddress() {
        return new InetSocketAddress(address, port);
    }

    public boolean isIpv6() {
        return address instanceof java.net.Inet6Address;
    }

    @Override
    public String toString() {
        String text = IpAddresses.format(address);
        return (isIpv6() ? "[" + text + "]" : text) + ":" + port;
    }
}
