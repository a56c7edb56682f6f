package org.dnstracer.trace;

import java.util.concurrent.CompletableFuture;
import org.dnstracer.model.Verdict;
import org.dnstracer.net.Exchange;

/**
 * What one server said about one question in the context of one zone, and where its referral leads.
 *
 * @param exchange the conversation, or null when nothing was sent
 * @param verdict its classification
 * @param delegation the referral read from the reply when the verdict delegates, else null
 * @param children the servers of the referral (none unless the verdict delegates); completes once glueless
 *     names have been looked up
 */
record Step(Exchange exchange, Verdict verdict, Delegation delegation, CompletableFuture<Referral> children) {
    static Step leaf(Exchange exchange, Verdict verdict) {
        return new Step(exchange, verdict, null, CompletableFuture.completedFuture(Referral.NONE));
    }

    /** True when the eager query budget, not the server, decided this step. */
    boolean refusedByBudget() {
        return exchange == null && verdict.status() == org.dnstracer.model.Status.LIMIT;
    }
}
