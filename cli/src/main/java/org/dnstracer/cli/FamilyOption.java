package org.dnstracer.cli;

import org.dnstracer.trace.IpFamily;
import picocli.CommandLine.Option;

/** {@code -4} or {@code -6}: an exclusive picocli group, so that picocli itself refuses both at once. */
final class FamilyOption {
    @Option(names = {"-4", "--ipv4"}, required = true,
            description = "Query IPv4 servers only (IPv6 ones are shown as not queried).")
    boolean ipv4;

    @Option(names = {"-6", "--ipv6"}, required = true, description = "Query IPv6 servers only.")
    boolean ipv6;

    IpFamily family() {
        return ipv4 ? IpFamily.V4_ONLY : ipv6 ? IpFamily.V6_ONLY : IpFamily.ANY;
    }

    String flag() {
        return ipv4 ? "-4" : "-6";
    }
}
