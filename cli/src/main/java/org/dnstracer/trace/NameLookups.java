package org.dnstracer.trace;

import java.util.concurrent.CompletableFuture;
import org.dnstracer.net.Transport;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;

/**
 * Authoritative look-ups after the trace, for the {@code --check} findings that need what a name's own zone says
 * (a name server name or the SOA MNAME that resolves to nothing, glue that differs from the name's addresses, an MX
 * target that is an alias). Each question is followed from the run's root hints through the run's transport, as
 * the trace's glueless look-ups are, within its own query budget and the run's time limit; never through the
 * system resolver.
 */
public final class NameLookups implements AutoCloseable {
    /**
     * What the servers of the name's zone said.
     *
     * @param reply their authoritative reply (an answer, NXDOMAIN or NODATA), or null when none came
     * @param zone the zone whose server gave it
     * @param complete false when the budget or the time limit cut the look-up short: then nothing may be concluded
     */
    public record Answer(Message reply, Name zone, boolean complete) {
        static final Answer CUT = new Answer(null, null, false);
    }

    private final Explorer explorer;

    /**
     * @param request the run's request: its root hints, address family, port and limits
     * @param maxQueries the most queries all look-ups together may send
     */
    public NameLookups(Transport transport, TraceRequest request, int maxQueries) {
        TraceRequest bounded = new TraceRequest(request.question(), request.start(), request.port(), request.family(),
                true, false, false, request.limits().withMaxQueries(Math.max(0, maxQueries)), request.rootHints(),
                request.tries());
        this.explorer = new Explorer(transport, bounded);
    }

    /** The authoritative reply for (name, type), CNAMEs not followed; never completes exceptionally. */
    public CompletableFuture<Answer> answer(Name name, int type) {
        try {
            return explorer.lookups().authoritative(name, type)
                    .thenApply(o -> new Answer(o.answer(), o.zone(), o.complete()))
                    .exceptionally(error -> Answer.CUT);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(Answer.CUT);
        }
    }

    /** Queries sent so far. */
    public int queries() {
        return explorer.queriesStarted();
    }

    @Override
    public void close() {
        explorer.close();
    }
}
