package org.dnstracer.replay;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.dnstracer.dnssec.TrustAnchors;
import org.dnstracer.model.TraceStats;
import org.dnstracer.trace.TraceRequest;
import org.dnstracer.trace.ZoneDelegation;

/**
 * A whole run as {@code --save} keeps it: what was asked, how it was judged, and every exchange. Enough to run the
 * engine, the probes' findings, the DNSSEC check and every renderer again without the network.
 *
 * @param tool the version line of the dnstracer that saved it
 * @param savedAt when it was saved
 * @param commandLine the arguments of the saving run, for the reader (a replay does not parse them)
 * @param request the trace as asked: question, start server, port, family, caching, CNAME following, limits, root
 *     hints and tries
 * @param source the local address queries were sent from ({@code -S}), or null for the system's choice; for the
 *     reader only (the source port is new for every try, and a replay sends nothing)
 * @param lab whether the run traced in a lab (findings judge loopback addresses differently there)
 * @param check whether {@code --check} probes were sent
 * @param axfr whether {@code --axfr} probes were sent
 * @param zone zone mode ({@code --zone}, {@code --ns}) as given: the zone checked and the servers {@code --ns} named,
 *     before the child's NS set was learned (a replay learns it again from the recorded replies); null outside
 * @param dnssec with {@code -D}: the moment signatures were checked at and the trust anchors; else null
 * @param stats the live run's counters: a replay reports these, not its own
 * @param timeLimitReached whether the live trace ran into {@code --max-time}: then a question the file does not
 *     hold was one the live run had no time left to ask, and a replay leaves it unanswered until its own limit
 * @param exchanges every exchange in the order asked
 */
public record SavedRun(String tool, Instant savedAt, List<String> commandLine, TraceRequest request,
        InetAddress source, boolean lab,
        boolean check, boolean axfr, ZoneDelegation zone, Dnssec dnssec, TraceStats stats, boolean timeLimitReached,
        List<RecordedExchange> exchanges) {
    /**
     * The newest version of the saved-trace document, which this build writes for a zone-mode run: schema
     * {@value #SCHEMA_WITHOUT_ZONE} with {@code options.zone}.
     */
    public static final int SCHEMA_VERSION = 2;
    /**
     * The version written for every other run, unchanged since before zone mode could be saved, so that a
     * dnstracer that reads only it still replays them; one that cannot read zone mode refuses its files rather
     * than replaying them as a plain trace of the zone's SOA, which would not be the same run.
     */
    public static final int SCHEMA_WITHOUT_ZONE = 1;

    public SavedRun {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(savedAt, "savedAt");
        commandLine = List.copyOf(commandLine);
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(stats, "stats");
        if (zone != null && (!zone.childNameServers().isEmpty() || !zone.childAddresses().isEmpty())) {
            throw new IllegalArgumentException("zone mode is saved as given, without what its run learned");
        }
        exchanges = List.copyOf(exchanges);
    }

    /** The document's schema: {@value #SCHEMA_VERSION} for a zone-mode run, else {@value #SCHEMA_WITHOUT_ZONE}. */
    public int schema() {
        return zone == null ? SCHEMA_WITHOUT_ZONE : SCHEMA_VERSION;
    }

    /**
     * What {@code -D} judged with.
     *
     * @param time the moment signature validity was checked at
     * @param anchors the trust anchors it started from
     */
    public record Dnssec(Instant time, TrustAnchors anchors) {
        public Dnssec {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(anchors, "anchors");
        }
    }
}
