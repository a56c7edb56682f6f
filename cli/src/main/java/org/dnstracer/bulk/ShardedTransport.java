package org.dnstracer.bulk;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import org.dnstracer.net.Exchange;
import org.dnstracer.net.ServerAddress;
import org.dnstracer.net.Transport;
import org.dnstracer.net.TransportStats;
import org.xbill.DNS.Name;

/**
 * Several transports used as one, each server address always going to the same one (so its round-trip estimate
 * stays in one place): for a bulk run that needs more queries in flight than one blocking transport allows. The
 * cap on queries in flight is the sum of the shards' caps. Closing this closes every shard.
 */
public final class ShardedTransport implements Transport {
    private final List<Transport> shards;

    private ShardedTransport(List<Transport> shards) {
        this.shards = List.copyOf(shards);
    }

    /**
     * @param count shards, 1 or more
     * @param shard makes shard number i
     */
    public static Transport of(int count, IntFunction<Transport> shard) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one shard");
        }
        if (count == 1) {
            return shard.apply(0);
        }
        return new ShardedTransport(java.util.stream.IntStream.range(0, count).mapToObj(shard).toList());
    }

    private Transport shardOf(ServerAddress server) {
        return shards.get(Math.floorMod(server.address().hashCode(), shards.size()));
    }

    @Override
    public CompletableFuture<Exchange> exchange(ServerAddress server, Name qname, int qtype) {
        return shardOf(server).exchange(server, qname, qtype);
    }

    @Override
    public CompletableFuture<Exchange> exchangeRecursive(ServerAddress server, Name qname, int qtype) {
        return shardOf(server).exchangeRecursive(server, qname, qtype);
    }

    @Override
    public TransportStats stats() {
        long[] t = new long[8];
        for (Transport s : shards) {
            TransportStats x = s.stats();
            long[] v = {x.queriesSent(), x.udpQueriesSent(), x.tcpQueriesSent(), x.bytesSent(), x.bytesReceived(),
                x.repliesAccepted(), x.repliesIgnored(), x.timeouts()};
            for (int i = 0; i < 8; i++) {
                t[i] += v[i];
            }
        }
        return new TransportStats(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7]);
    }

    @Override
    public void close() {
        shards.forEach(Transport::close);
    }
}
