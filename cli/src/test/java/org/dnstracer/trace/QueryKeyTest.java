package org.dnstracer.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.dnstracer.net.IpAddresses;
import org.dnstracer.net.ServerAddress;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/** The written-out equals and hashCode of the tracer's query key agree with what the record would generate. */
class QueryKeyTest {
    private static final InetAddress A = IpAddresses.parseLiteral("127.0.0.1").orElseThrow();
    private static final InetAddress B = IpAddresses.parseLiteral("127.0.0.2").orElseThrow();
    private static final Name WWW = Name.fromConstantString("www.example.com.");

    private static Explorer.QueryKey key(InetAddress server, Name name, int type, List<InetAddress> path,
            boolean recursive) {
        return new Explorer.QueryKey(new ServerAddress(server, 53), name, type, path, recursive);
    }

    @Test
    void equalWhenEveryComponentIsAndDifferentWhenAnyIsNot() {
        Explorer.QueryKey key = key(A, WWW, Type.A, List.of(B), false);

        assertThat(key).isEqualTo(key(A, Name.fromConstantString("WWW.Example.COM."), Type.A, List.of(B), false))
                .hasSameHashCodeAs(key(A, WWW, Type.A, List.of(B), false));
        assertThat(key).isNotEqualTo(key(B, WWW, Type.A, List.of(B), false))
                .isNotEqualTo(key(A, Name.fromConstantString("example.com."), Type.A, List.of(B), false))
                .isNotEqualTo(key(A, WWW, Type.AAAA, List.of(B), false))
                .isNotEqualTo(key(A, WWW, Type.A, List.of(), false))
                .isNotEqualTo(key(A, WWW, Type.A, List.of(B), true))
                .isNotEqualTo(WWW);
    }
}
