package org.dnstracer.trace;

import java.util.List;

/**
 * Where a referral leads: one edge per (name server, address) in referral order.
 *
 * @param edges the edges
 * @param complete false when an address look-up behind them was cut short by the eager query budget, so that
 *     they depend on timing and must be looked up again before they are shown
 */
record Referral(List<Edge> edges, boolean complete) {
    static final Referral NONE = new Referral(List.of(), true);

    Referral {
        edges = List.copyOf(edges);
    }
}
