package org.dnstracer.bulk;

import java.util.Map;

/**
 * Totals of a bulk run.
 *
 * @param names results given (bad inputs included)
 * @param verdicts how many results had each verdict
 * @param badInputs inputs that were not a question
 * @param queries queries sent for all names together
 * @param elapsedMillis wall time of the run
 * @param referralsReused referrals taken from the shared cache instead of asked
 */
public record BulkSummary(long names, Map<NameVerdict, Long> verdicts, long badInputs, long queries,
        long elapsedMillis, long referralsReused) {
    public BulkSummary {
        verdicts = Map.copyOf(verdicts);
    }

    public long count(NameVerdict v) {
        return verdicts.getOrDefault(v, 0L);
    }

    /** Names a second over the whole run. */
    public double namesPerSecond() {
        return elapsedMillis == 0 ? names : names * 1000.0 / elapsedMillis;
    }
}
