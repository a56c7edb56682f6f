package org.dnstracer.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressesTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "127.0.2.1,               127.0.2.1",
        "0:0:0:0:0:0:0:1,         ::1",
        "0:0:0:0:0:0:0:0,         ::",
        "1:0:0:0:0:0:0:0,         1::",
        "FE80:0:0:0:0:0:0:1,      fe80::1",
        "2001:DB8:0:0:0:0:0:FFFF, 2001:db8::ffff",
        // RFC 5952 4.2.2: a single zero group stays
        "2001:db8:0:1:1:1:1:1,    2001:db8:0:1:1:1:1:1",
        // a run of two is compressed
        "2001:db8:0:0:1:1:1:1,    2001:db8::1:1:1:1",
        // 4.2.3: the longest run, and of equal runs the first
        "2001:0:0:1:0:0:0:1,      2001:0:0:1::1",
        "2001:db8:0:0:1:0:0:1,    2001:db8::1:0:0:1",
        // 4.3: no leading zeros, lower case
        "2001:0db8:00ab:0c00:0:0:0:0a, 2001:db8:ab:c00::a",
    })
    void formatsIpv4DottedAndIpv6AsRfc5952(String literal, String expected) {
        assertThat(IpAddresses.format(IpAddresses.parseLiteral(literal).orElseThrow())).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "www.example.com", "1.2.3", "1.2.3.256", "::1::2", "[::1]"})
    void anythingButALiteralIsNotParsed(String text) {
        assertThat(IpAddresses.parseLiteral(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1", "2001:db8::1"})
    void literalsOfBothFamiliesAreParsedAndTellTheirFamily(String text) {
        assertThat(IpAddresses.parseLiteral(text)).hasValueSatisfying(
                a -> assertThat(IpAddresses.isIpv6(a)).isEqualTo(text.contains(":")));
    }

    @Test
    void theZoneOfALinkLocalAddressIsWrittenOnlyWhenAskedFor() throws Exception {
        byte[] linkLocal = IpAddresses.parseLiteral("fe80::1").orElseThrow().getAddress();
        InetAddress scoped = Inet6Address.getByAddress(null, linkLocal, 2);

        assertThat(IpAddresses.format(scoped)).isEqualTo("fe80::1");
        assertThat(IpAddresses.formatWithZone(scoped)).isEqualTo("fe80::1%2");
        assertThat(IpAddresses.formatWithZone(IpAddresses.parseLiteral("::1").orElseThrow())).isEqualTo("::1");
    }
}
