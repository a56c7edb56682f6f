package org.dnstracer.net;

import java.time.Duration;
import java.util.Objects;

/**
 * The second copy of a UDP query that a try sent when the first went unanswered for a few round trips: same
 * question, its own ID and source port, while the first stayed open. Whichever valid reply came first won.
 *
 * @param after how long after the first query the hedge went out
 * @param queryId the hedge's own message ID
 * @param answered true when the try's reply answered the hedge, false when it answered the first query (or
 *     when nothing answered at all: see the attempt's result)
 */
public record Hedge(Duration after, int queryId, boolean answered) {
    public Hedge {
        Objects.requireNonNull(after, "after");
    }
}
