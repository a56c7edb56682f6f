package org.dnstracer.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.dnstracer.net.Exchange;
import org.dnstracer.net.ServerAddress;
import org.dnstracer.net.Transport;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

class PoliteTransportTest {
    /** Counts the exchanges that reach it, and answers each at once with no reply. */
    private static final class Counting implements Transport {
        final AtomicInteger sent = new AtomicInteger();

        @Override
        public CompletableFuture<Exchange> exchange(ServerAddress server, Name qname, int qtype) {
            sent.incrementAndGet();
            return CompletableFuture.completedFuture(new Exchange(server, qname, qtype, null, List.of(), true));
        }

        @Override
        public void close() {}
    }

    @Test
    void closingDropsTheExchangesStillWaitingForTheirTokenInsteadOfSendingThem() throws Exception {
        Counting inner = new Counting();
        ServerAddress server = new ServerAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 53);
        Name qname = Name.fromConstantString("www.example.");
        // one token, then one a thousand seconds later
        PoliteTransport polite = new PoliteTransport(inner, new TokenBuckets(0.001, 1, System::nanoTime));
        polite.exchange(server, qname, Type.A).get(5, TimeUnit.SECONDS);
        CompletableFuture<Exchange> waiting = polite.exchange(server, qname, Type.A);
        assertThat(waiting).isNotDone();

        polite.close();

        Exchange dropped = waiting.get(5, TimeUnit.SECONDS);
        assertThat(dropped.answered()).isFalse();
        assertThat(dropped.attempts()).singleElement()
                .satisfies(a -> assertThat(a.error()).isEqualTo("transport closed before the query was sent"));
        assertThat(inner.sent).hasValue(1);
    }
}
