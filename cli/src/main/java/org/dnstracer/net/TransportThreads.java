package org.dnstracer.net;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of one transport: named under one prefix (tests find them by it), daemons (a forgotten transport
 * must not keep the process alive), and joined on close so that none outlives it.
 */
final class TransportThreads {
    private final String prefix;
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();

    /** @param kind the transport's kind in thread names, e.g. {@code "net"} */
    TransportThreads(String kind, AtomicInteger instances) {
        this.prefix = "dnstracer-" + kind + "-" + instances.incrementAndGet() + "-";
    }

    String prefix() {
        return prefix;
    }

    /** Threads named {@code prefix + role + n}; each is remembered until it has ended. */
    ThreadFactory factory(String role) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + role + count.incrementAndGet());
            t.setDaemon(true);
            add(t);
            return t;
        };
    }

    /** A thread the transport started itself, to be joined with the others. */
    void add(Thread thread) {
        threads.removeIf(old -> !old.isAlive());
        threads.add(thread);
    }

    /** True on one of these threads: close() called from a callback must not wait for itself. */
    boolean isCurrent() {
        return threads.contains(Thread.currentThread());
    }

    /** Waits for every thread to end, until {@code deadlineNanos} (System.nanoTime) at the latest. */
    void joinUntil(long deadlineNanos) throws InterruptedException {
        for (Thread t : threads) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
            if (left > 0) {
                t.join(left);
            }
        }
    }
}
