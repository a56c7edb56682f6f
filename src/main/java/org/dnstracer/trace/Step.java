package org.dnstracer.trace;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.dnstracer.model.Verdict;
import org.dnstracer.net.Exchange;

/**
 * What one server said about one question in the context of one zone, and where its referral leads.
 *
 * @param exchange the conversation, or null when nothing was sent
 * @param verdict its classification
 * @param children the servers of the referral (empty unless the verdict delegates); completes once glueless
 *     names have been looked up
 */
record Step(Exchange exchange, Verdict verdict, CompletableFuture<List<Edge>> children) {}
