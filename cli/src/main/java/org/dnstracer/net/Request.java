package org.dnstracer.net;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * One exchange or probe asked of a transport, waiting for its turn: how it runs, and what it becomes when the
 * transport closes before it starts. Both transports queue these; they differ only in what runs them.
 */
final class Request {
    private final Supplier<CompletableFuture<Exchange>> work;
    private final Supplier<Exchange> notSent;
    final CompletableFuture<Exchange> future = new CompletableFuture<>();

    Request(Supplier<CompletableFuture<Exchange>> work, Supplier<Exchange> notSent) {
        this.work = work;
        this.notSent = notSent;
    }

    /**
     * Runs the request's policy; {@link #future} completes with it (at once over blocking tries). A stage that
     * throws is a bug, not a network problem: the future fails with it, so that it shows.
     *
     * @return the same completion as {@link #future}, to chain a transport's own book-keeping on
     */
    CompletableFuture<Exchange> start() {
        CompletableFuture<Exchange> run;
        try {
            run = work.get();
        } catch (RuntimeException | Error e) {
            run = CompletableFuture.failedFuture(e);
        }
        return run.whenComplete((exchange, error) -> {
            if (error == null) {
                future.complete(exchange);
            } else {
                future.completeExceptionally(
                        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error);
            }
        });
    }

    /** Completes as an exchange that never went out, as {@link Transport#close()} promises. */
    void abandon() {
        future.complete(notSent.get());
    }
}
