package org.dnstracer.findings;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.dnstracer.net.IpAddresses;

/** Special-purpose address blocks (RFC 6890 and its updates) where no public name server can live. */
final class AddressRanges {
    private record Block(byte[] prefix, int bits, String name) {
        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >>> (i % 8);
                if ((address[i / 8] & mask) != (prefix[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final List<Block> BLOCKS = List.of(
            block("0.0.0.0", 8, "this network"),
            block("10.0.0.0", 8, "private"),
            block("100.64.0.0", 10, "shared address space"),
            block("127.0.0.0", 8, "loopback"),
            block("169.254.0.0", 16, "link-local"),
            block("172.16.0.0", 12, "private"),
            block("192.0.0.0", 24, "IETF protocol assignments"),
            block("192.0.2.0", 24, "documentation"),
            block("192.168.0.0", 16, "private"),
            block("198.18.0.0", 15, "benchmarking"),
            block("198.51.100.0", 24, "documentation"),
            block("203.0.113.0", 24, "documentation"),
            block("224.0.0.0", 4, "multicast"),
            block("240.0.0.0", 4, "reserved"),
            block("::", 128, "unspecified"),
            block("::1", 128, "loopback"),
            block("::ffff:0:0", 96, "IPv4-mapped"),
            block("100::", 64, "discard-only"),
            block("2001:db8::", 32, "documentation"),
            block("fc00::", 7, "unique local"),
            block("fe80::", 10, "link-local"),
            block("ff00::", 8, "multicast"));

    private AddressRanges() {}

    private static Block block(String literal, int bits, String name) {
        byte[] prefix = IpAddresses.parseLiteral(literal).orElseThrow().getAddress();
        String family = prefix.length == 4 ? "" : "IPv6 ";
        return new Block(prefix, bits, family + name + " (" + literal + "/" + bits + ")");
    }

    /** The special block the address is in, e.g. "loopback (127.0.0.0/8)"; empty for an ordinary address. */
    static Optional<String> special(InetAddress address) {
        byte[] bytes = address.getAddress();
        return BLOCKS.stream().filter(b -> b.contains(bytes)).map(Block::name).findFirst();
    }

    /** The /24 (IPv4) or /48 (IPv6) the address is in, as text: "192.0.2.0/24", "2001:db8:1::/48". */
    static String networkOf(InetAddress address) {
        byte[] bytes = address.getAddress();
        int keep = address instanceof Inet4Address ? 3 : 6;
        byte[] masked = new byte[bytes.length];
        System.arraycopy(bytes, 0, masked, 0, keep);
        try {
            return IpAddresses.format(InetAddress.getByAddress(masked)) + "/" + keep * 8;
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e); // cannot happen: the length is that of a real address
        }
    }
}
