package org.dnstracer.lab;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads and sockets of one running lab, in one place so that {@link Lab#close()} can prove it stopped them
 * all. Every thread is a daemon named {@code dnstracer-lab-PORT-...}: a lab someone forgot to close never keeps the
 * JVM alive, and tests can look for leftovers by name.
 */
final class LabRuntime {
    static final String THREAD_PREFIX = "dnstracer-lab-";

    private volatile String prefix = THREAD_PREFIX;
    private final AtomicInteger threadNumber = new AtomicInteger();
    // every thread the lab ever made, so close() can wait until each has really ended (awaitTermination returns
    // slightly before pool threads are gone)
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final Set<Closeable> openSockets = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService scheduler;
    private final ExecutorService connections;
    private volatile boolean closed;

    LabRuntime() {
        ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(2, factory("delay"));
        // a closed lab must not send late replies, and must not keep threads waiting for them
        s.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        s.setRemoveOnCancelPolicy(true);
        this.scheduler = s;
        this.connections = Executors.newCachedThreadPool(factory("tcp-conn"));
    }

    /** Names threads after the lab's port; called once the port is known, before any thread starts. */
    void port(int port) {
        this.prefix = THREAD_PREFIX + port + "-";
    }

    /** Delayed replies: a scheduler, so that one slow reply never holds up the next query. */
    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    ExecutorService connections() {
        return connections;
    }

    boolean isClosed() {
        return closed;
    }

    /** Starts a long-running loop (one per listening socket). */
    Thread startLoop(String name, Runnable loop) {
        Thread thread = factory(name).newThread(loop);
        thread.start();
        return thread;
    }

    void track(Closeable socket) {
        openSockets.add(socket);
        if (closed) {
            closeQuietly(socket);
        }
    }

    void untrack(Closeable socket) {
        openSockets.remove(socket);
    }

    void close() {
        closed = true;
        for (Closeable c : openSockets) {
            closeQuietly(c);
        }
        scheduler.shutdownNow();
        connections.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
            connections.awaitTermination(5, TimeUnit.SECONDS);
            for (Thread t : threads) {
                t.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // closing is all we wanted; nothing more to do
        }
    }

    private ThreadFactory factory(String role) {
        return r -> {
            Thread t = new Thread(r, prefix + role + "-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            threads.add(t);
            return t;
        };
    }
}
