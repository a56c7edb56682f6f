package org.dnstracer.trace;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The wall-clock bound of one run, as a future that completes when it is reached (or the run ends first). One
 * daemon thread serves every run of the process; a run that ends early cancels its timer, so a long-lived process
 * running many traces keeps nothing of the finished ones.
 */
final class TimeLimit {
    private static final ScheduledThreadPoolExecutor SCHEDULER = scheduler();

    private final CompletableFuture<Void> reached = new CompletableFuture<>();
    private final ScheduledFuture<?> timer;

    TimeLimit(Duration limit) {
        timer = SCHEDULER.schedule(() -> reached.complete(null), limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Completes when the limit is reached or {@link #end()} is called. */
    CompletableFuture<Void> reached() {
        return reached;
    }

    boolean isReached() {
        return reached.isDone();
    }

    /** Ends the run now: whatever waits on {@link #reached()} goes on. */
    void end() {
        timer.cancel(false);
        reached.complete(null);
    }

    private static ScheduledThreadPoolExecutor scheduler() {
        ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "dnstracer-time-limit");
            t.setDaemon(true);
            return t;
        });
        s.setRemoveOnCancelPolicy(true);
        return s;
    }
}
