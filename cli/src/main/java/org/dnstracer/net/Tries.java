package org.dnstracer.net;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.xbill.DNS.Message;

/**
 * How single tries go out: the one thing in which the blocking and the multiplexed transport differ. The policy
 * over tries ({@link ExchangeRunner}, {@link ProbeRunner}) is written once against this. A try's future never
 * completes exceptionally for network trouble: failures are attempts.
 */
interface Tries {
    /**
     * One UDP try, see {@link UdpTry#run(ServerAddress, Message, Duration, Duration, Supplier)}.
     *
     * @param hedgeAfter when to hedge, or null never to
     * @param hedgeQuery builds the hedge (a new ID), or null; when it gives null, the try is not hedged
     */
    CompletableFuture<Attempt> udp(ServerAddress server, Message query, Duration timeout, Duration hedgeAfter,
            Supplier<Message> hedgeQuery);

    /** One TCP try, see {@link TcpTry}. */
    CompletableFuture<Attempt> tcp(ServerAddress server, Message query, Duration timeout);

    /** True once the transport is closing: no further try should start. */
    boolean isClosed();
}
