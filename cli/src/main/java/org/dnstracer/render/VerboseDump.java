package org.dnstracer.render;

import java.io.PrintWriter;
import java.time.Duration;
import org.dnstracer.net.Attempt;
import org.dnstracer.net.Exchange;

/**
 * The {@code -v} dump of one exchange: for every try, the query as sent and what came back (dig-style text from
 * dnsjava: header flags, rcode, every section, the EDNS pseudo-section), with size, round-trip time and protocol.
 */
public final class VerboseDump {
    private VerboseDump() {}

    public static void render(Exchange exchange, PrintWriter out) {
        int n = 0;
        for (Attempt a : exchange.attempts()) {
            n++;
            out.println(";; try " + n + ": " + a.protocol() + " query to " + exchange.server() + ", waiting up to "
                    + millis(a.timeout()));
            out.println(counts(a.sent().toString().stripTrailing()));
            for (String ignored : a.ignored()) {
                out.println(";; " + ignored);
            }
            if (a.ignoredCount() > a.ignored().size()) {
                out.println(";; and " + (a.ignoredCount() - a.ignored().size()) + " more ignored");
            }
            if (a.hedged()) {
                out.println(";; no reply after " + millis(a.hedge().after()) + ": hedged, the same query again with ID "
                        + a.hedge().queryId() + " from a new port, the first still open");
            }
            switch (a.result()) {
                case REPLY, TRUNCATED -> {
                    out.println(";; " + (a.result() == org.dnstracer.net.AttemptResult.TRUNCATED ? "truncated reply" : "reply")
                            + ": " + a.receivedSize() + " bytes over " + a.protocol() + " in " + millis(a.elapsed())
                            + answeredBy(a));
                    out.println(counts(a.received().toString().stripTrailing()));
                }
                default -> out.println(";; " + a.result().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                        + " after " + millis(a.elapsed()) + (a.error() == null ? "" : ": " + a.error()));
            }
        }
        if (exchange.tcpFailure() != null) {
            out.println(";; TCP failed after the truncated reply (" + exchange.tcpFailure()
                    + "): the truncated UDP reply is used");
        }
        switch (exchange.ednsFallback()) {
            case DROPPED -> out.println(";; no reply to any query with EDNS; the query without EDNS was answered");
            case REJECTED -> out.println(";; EDNS rejected by the server; the query without EDNS was answered");
            case NONE -> { }
        }
    }

    /**
     * dnsjava's header line says {@code qd: 1 an: 0 au: 2 ad: 3}, where "ad" (the additional count) reads as the
     * AD flag: the counts are written as dig writes them instead.
     */
    static String counts(String message) {
        return COUNTS.matcher(message).replaceFirst("QUERY: $1, ANSWER: $2, AUTHORITY: $3, ADDITIONAL: $4");
    }

    private static final java.util.regex.Pattern COUNTS =
            java.util.regex.Pattern.compile("qd: (\\d+) an: (\\d+) au: (\\d+) ad: (\\d+)");

    private static String answeredBy(Attempt a) {
        if (!a.hedged()) {
            return "";
        }
        return a.hedge().answered()
                ? ", answering the hedge (" + millis(a.roundTrip()) + " after it)"
                : ", answering the first query";
    }

    static String millis(Duration d) {
        if (d == null) {
            return "?";
        }
        double ms = d.toNanos() / 1_000_000.0;
        return ms < 10 ? String.format(java.util.Locale.ROOT, "%.2f ms", ms) : Math.round(ms) + " ms";
    }
}
