package org.dnstracer.cli;

import java.net.InetAddress;
import java.nio.channels.spi.SelectorProvider;
import java.security.SecureRandom;
import java.text.DecimalFormat;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Initialises, on two threads while the command line is parsed, the JDK facilities every trace needs and whose
 * first use is slow: the locale data behind the number format dnsjava's {@code Record} makes when its class is
 * initialised, and {@code InetAddress}, which the root hints need first; the security providers behind dnsjava's
 * random message IDs and the socket channels' provider, which the first query needs. None of them is kept by a
 * class-data archive or AOT cache; together they take 35 to 40 ms of CPU, more than the main thread spends before
 * its first query, so one thread doing all in turn had the first query wait for it (two threads: 138 -> 134 ms a
 * trace, 41 interleaved runs). Only JDK classes are touched here, so the main thread never waits on these threads
 * for a class of the tool or of dnsjava. (The records on a trace's path write out their {@code equals} and
 * {@code hashCode}: the generated ones are linked at their first call, which no cache keeps.)
 */
final class Preload {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private Preload() {}

    static void start() {
        if (STARTED.compareAndSet(false, true)) {
            start(Preload::forRecords);
            start(Preload::forQueries);
        }
    }

    private static void start(Runnable work) {
        Thread thread = new Thread(work, "dnstracer-preload");
        thread.setDaemon(true);
        thread.start();
    }

    /** What the root hints need first (dnsjava's Record). */
    private static void forRecords() {
        new DecimalFormat().setMinimumIntegerDigits(3);
        InetAddress.getLoopbackAddress();
    }

    /** What the first query needs (dnsjava's Header, the socket). */
    private static void forQueries() {
        new SecureRandom().nextInt();
        SelectorProvider.provider();
    }
}
