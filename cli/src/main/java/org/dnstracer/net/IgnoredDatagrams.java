package org.dnstracer.net;

import java.util.ArrayList;
import java.util.List;

/**
 * The replies one try dropped: all of them counted, only the first few described. A flooding or spoofing sender
 * can make a try drop thousands of datagrams, and a text for each would grow without bound.
 */
final class IgnoredDatagrams {
    /** Enough to show what kind of noise arrived; the count tells how much. */
    static final int KEPT = 5;

    private final List<String> reasons = new ArrayList<>(2);
    private int count;

    void add(String reason) {
        count++;
        if (reasons.size() < KEPT) {
            reasons.add(reason);
        }
    }

    List<String> reasons() {
        return List.copyOf(reasons);
    }

    int count() {
        return count;
    }
}
