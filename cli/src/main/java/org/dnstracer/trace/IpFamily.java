package org.dnstracer.trace;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/** Which server addresses may be queried ({@code -4}, {@code -6}). */
public enum IpFamily {
    ANY,
    V4_ONLY,
    V6_ONLY;

    public boolean allows(InetAddress address) {
        return switch (this) {
            case ANY -> true;
            case V4_ONLY -> address instanceof Inet4Address;
            case V6_ONLY -> address instanceof Inet6Address;
        };
    }

    public boolean wantsA() {
        return this != V6_ONLY;
    }

    public boolean wantsAaaa() {
        return this != V4_ONLY;
    }
}
