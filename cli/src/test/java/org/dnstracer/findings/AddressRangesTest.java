package org.dnstracer.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnstracer.testkit.FakeNetwork.ip;

import org.junit.jupiter.api.Test;

class AddressRangesTest {
    @Test
    void specialBlocksAreNamedAndPublicAddressesAreNot() {
        assertThat(AddressRanges.special(ip("10.1.2.3"))).contains("private (10.0.0.0/8)");
        assertThat(AddressRanges.special(ip("172.31.255.255"))).contains("private (172.16.0.0/12)");
        assertThat(AddressRanges.special(ip("172.32.0.1"))).isEmpty();
        assertThat(AddressRanges.special(ip("127.53.2.1"))).contains("loopback (127.0.0.0/8)");
        assertThat(AddressRanges.special(ip("100.127.0.1"))).contains("shared address space (100.64.0.0/10)");
        assertThat(AddressRanges.special(ip("::1"))).contains("IPv6 loopback (::1/128)");
        assertThat(AddressRanges.special(ip("fd00::53"))).contains("IPv6 unique local (fc00::/7)");
        assertThat(AddressRanges.special(ip("2001:db8::53"))).contains("IPv6 documentation (2001:db8::/32)");
        assertThat(AddressRanges.special(ip("198.41.0.4"))).isEmpty();
        assertThat(AddressRanges.special(ip("2001:503:ba3e::2:30"))).isEmpty();
    }

    @Test
    void networksAreTheSlash24AndTheSlash48() {
        assertThat(AddressRanges.networkOf(ip("192.0.2.77"))).isEqualTo("192.0.2.0/24");
        assertThat(AddressRanges.networkOf(ip("2001:db8:1:2::53"))).isEqualTo("2001:db8:1::/48");
    }
}
