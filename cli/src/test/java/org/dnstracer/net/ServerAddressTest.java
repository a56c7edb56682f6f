package org.dnstracer.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ServerAddressTest {
    private static final java.net.InetAddress V4 = IpAddresses.parseLiteral("127.0.0.1").orElseThrow();
    private static final java.net.InetAddress V6 = IpAddresses.parseLiteral("2001:db8::53").orElseThrow();

    @Test
    void portsOneTo65535AreAcceptedAndNothingElse() {
        assertThat(new ServerAddress(V4, 1).port()).isEqualTo(1);
        assertThat(new ServerAddress(V4, 65535).port()).isEqualTo(65535);
        assertThatIllegalArgumentException().isThrownBy(() -> new ServerAddress(V4, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new ServerAddress(V4, 65536));
    }

    @Test
    void printsIpv6InBracketsBeforeThePort() {
        assertThat(new ServerAddress(V4, 53)).hasToString("127.0.0.1:53");
        assertThat(new ServerAddress(V6, 53)).hasToString("[2001:db8::53]:53");
        assertThat(new ServerAddress(V6, 53).isIpv6()).isTrue();
        assertThat(new ServerAddress(V4, 53).isIpv6()).isFalse();
    }

    @Test
    void equalByAddressAndPort() {
        java.net.InetAddress otherV4 = IpAddresses.parseLiteral("127.0.0.2").orElseThrow();
        assertThat(new ServerAddress(V4, 53)).isEqualTo(new ServerAddress(V4, 53))
                .hasSameHashCodeAs(new ServerAddress(V4, 53))
                .isNotEqualTo(new ServerAddress(V4, 5353)).isNotEqualTo(new ServerAddress(otherV4, 53))
                .isNotEqualTo(V4);
    }
}
