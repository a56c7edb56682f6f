package org.dnstracer.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.dnstracer.net.ServerAddress;
import org.dnstracer.net.Transport;
import org.dnstracer.testkit.FakeNetwork;
import org.dnstracer.testkit.Replies;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

class ShardedTransportTest {
    @Test
    void eachAddressAlwaysGoesToTheSameShardAndEveryShardIsUsed() {
        List<FakeNetwork> shards = new ArrayList<>();
        Transport t = ShardedTransport.of(4, i -> {
            FakeNetwork net = new FakeNetwork();
            for (int a = 1; a <= 40; a++) {
                net.server("127.0.0." + a, q -> Replies.nxdomain(q, ". 300 IN SOA a. b. 1 2 3 4 5"));
            }
            shards.add(net);
            return net;
        });
        for (int round = 0; round < 2; round++) {
            for (int a = 1; a <= 40; a++) {
                t.exchange(new ServerAddress(FakeNetwork.ip("127.0.0." + a), 53), Name.root, Type.NS).join();
            }
        }
        for (int a = 1; a <= 40; a++) {
            String address = "127.0.0." + a;
            assertThat(shards).filteredOn(s -> s.queriesTo(address) > 0).singleElement()
                    .satisfies(s -> assertThat(s.queriesTo(address)).isEqualTo(2));
        }
        assertThat(shards).allSatisfy(s -> assertThat(s.queries()).isNotEmpty());
        t.close();
    }

    @Test
    void oneShardIsTheTransportItself() {
        FakeNetwork net = new FakeNetwork();
        assertThat(ShardedTransport.of(1, i -> net)).isSameAs(net);
    }
}
