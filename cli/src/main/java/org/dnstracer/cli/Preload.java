package org.dnstracer.cli;

import java.net.InetAddress;
import java.nio.channels.spi.SelectorProvider;
import java.security.SecureRandom;
import java.text.DecimalFormat;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Initialises, on a second thread while the command line is parsed, the JDK facilities every trace needs and
 * whose first use is slow: the socket channels' provider (found through a service look-up that opens and indexes
 * the jar, before the first query can be sent), the security providers behind dnsjava's random message IDs, the
 * locale data behind the number format dnsjava's {@code Record} makes when its class is initialised, and
 * {@code InetAddress}. None of them is kept by a class-data archive or AOT cache; in a profile of a 1-query trace
 * they were a fifth of the main thread's samples, and the look-up as much again on the first query's path. Only
 * JDK classes are touched here, so the main thread never waits on this thread for a class of the tool or of
 * dnsjava. (The records on a trace's path write out their
 * {@code equals} and {@code hashCode}: the generated ones are linked at their first call, which no cache keeps.)
 */
final class Preload {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private Preload() {}

    static void start() {
        if (STARTED.compareAndSet(false, true)) {
            Thread thread = new Thread(Preload::run, "dnstracer-preload");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** In the order a trace first needs them: the root hints (dnsjava's Record), then the first query. */
    private static void run() {
        new DecimalFormat().setMinimumIntegerDigits(3);
        InetAddress.getLoopbackAddress();
        new SecureRandom().nextInt();
        SelectorProvider.provider();
    }
}
