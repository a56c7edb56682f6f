package org.dnstracer.bulk;

import org.dnstracer.model.Trace;

/**
 * The outcome of one input of a bulk run.
 *
 * @param index position of the input in the run, from 0
 * @param input the input
 * @param verdict what it comes to
 * @param trace the whole trace, or null for a bad input or an internal error
 * @param error why there is no trace, or null
 * @param elapsedMillis time spent on this name
 */
public record BulkResult(long index, BulkInput input, NameVerdict verdict, Trace trace, String error,
        long elapsedMillis) {
    /** Queries sent for this name (referrals reused from the shared caches are not queries). */
    public int queries() {
        return trace == null ? 0 : trace.stats().queries();
    }
}
