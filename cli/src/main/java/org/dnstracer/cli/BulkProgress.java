package org.dnstracer.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.dnstracer.bulk.NameVerdict;

/**
 * The {@code --bulk} progress bar on standard error (done/total, names/s, ETA, failures), drawn only when standard
 * error is a terminal; otherwise, and with {@code --no-progress}, nothing.
 */
final class BulkProgress implements AutoCloseable {
    private final ProgressBar bar;
    private long failures;

    private BulkProgress(ProgressBar bar) {
        this.bar = bar;
    }

    /** @param total names to trace, or -1 when unknown (standard input) */
    static BulkProgress start(boolean wanted, long total) {
        if (!wanted || !stderrIsTerminal()) {
            return new BulkProgress(null);
        }
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName("tracing")
                .setInitialMax(total)
                .setUnit(" names", 1)
                .showSpeed()
                .setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .build();
        return new BulkProgress(bar);
    }

    void done(NameVerdict verdict) {
        if (bar == null) {
            return;
        }
        if (!verdict.isAuthoritative()) {
            failures++;
            bar.setExtraMessage(failures + " without an authoritative answer");
        }
        bar.step();
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }

    /** Linux tells through /proc where fd 2 goes; elsewhere a console means a terminal on both ends. */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }
}
