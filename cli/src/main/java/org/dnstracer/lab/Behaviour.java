package org.dnstracer.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How one lab server misbehaves, so that a trace (or a benchmark) meets the failures of real networks on demand.
 *
 * <ul>
 *   <li>{@code delay}: every reply, UDP or TCP, leaves this long after its query arrived (one-way added latency: the
 *       round trip grows by exactly this much). Delayed replies go through a scheduler, so a slow server still
 *       answers other queries meanwhile.
 *   <li>{@code loss}: probability that a UDP query is dropped unanswered, drawn from a {@link java.util.SplittableRandom}
 *       seeded with {@code seed} so a test sees the same drops every run. TCP is never lossy (TCP retransmits).
 *   <li>{@code mode}: what the server answers at all (see {@link Mode}).
 *   <li>{@code truncatesUdp}: every UDP reply is truncated (TC=1, header and question only); TCP answers in full.
 *   <li>{@code refusesTcp}: the TCP port is closed on this server's addresses, so a connection is refused.
 *   <li>{@code sendsWrongIdFirst}: each UDP reply is preceded by a copy carrying another message ID, as a spoofer or
 *       a confused middlebox would send.
 *   <li>{@code quirks}: hostile habits (garbage datagrams, replies from the wrong address, ...; see {@link Quirk}).
 * </ul>
 *
 * <p>The same words are used in lab files; {@link #toString()} prints that form.
 */
public record Behaviour(
        Duration delay,
        double loss,
        long seed,
        Mode mode,
        boolean truncatesUdp,
        boolean refusesTcp,
        boolean sendsWrongIdFirst,
        Set<Quirk> quirks) {

    /** The seed used when a lab file or test gives a loss without one. */
    public static final long DEFAULT_SEED = 53L;

    /** What a server answers. The modes exclude one another; the other settings combine with each. */
    public enum Mode {
        /** Authoritative answers, referrals and errors from its zones; REFUSED outside them. */
        NORMAL("normal"),
        /** REFUSED to every query. */
        REFUSE("refuse"),
        /** SERVFAIL to every query. */
        SERVFAIL("servfail"),
        /** NOTAUTH to every query, as a server answers that is not authoritative for the zone asked (RFC 2136). */
        NOTAUTH("notauth"),
        /** A non-authoritative referral to the root (root NS and glue) for every query, as old lame servers did. */
        UPWARD_REFERRAL("upward-referral"),
        /**
         * Answers from its zones as usual, but a name outside them gets a non-authoritative referral to the first
         * zone it serves (its NS set and their glue) instead of REFUSED: a referral that does not lead to the name.
         */
        UNRELATED_REFERRAL("unrelated-referral"),
        /** Sockets bound, queries read, nothing ever sent back. */
        SILENT("silent"),
        /**
         * A recursive resolver with minimal responses (systemd-resolved's stub, BIND or Unbound by default): every
         * query, RD=1 or not, gets the answer from the whole lab's data, RA=1, AA=0, no authority section but the
         * SOA of a negative answer, never a referral.
         */
        RESOLVER("resolver"),
        /** The same resolver, REFUSED to queries without RD, as Unbound's default access control answers them. */
        RESOLVER_RD_ONLY("resolver-rd-only");

        private final String word;

        Mode(String word) {
            this.word = word;
        }

        /** The lab-file keyword. */
        public String word() {
            return word;
        }
    }

    public Behaviour {
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("delay must be zero or positive");
        }
        if (!(loss >= 0.0 && loss <= 1.0)) {
            throw new IllegalArgumentException("loss must be a probability between 0 and 1, not " + loss);
        }
        if (mode == null) {
            throw new IllegalArgumentException("mode must not be null");
        }
        quirks = quirks == null || quirks.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(quirks));
    }

    public static Behaviour normal() {
        return new Behaviour(Duration.ZERO, 0.0, DEFAULT_SEED, Mode.NORMAL, false, false, false, Set.of());
    }

    public Behaviour withDelay(Duration newDelay) {
        return new Behaviour(newDelay, loss, seed, mode, truncatesUdp, refusesTcp, sendsWrongIdFirst, quirks);
    }

    public Behaviour withLoss(double probability) {
        return withLoss(probability, seed);
    }

    public Behaviour withLoss(double probability, long newSeed) {
        return new Behaviour(delay, probability, newSeed, mode, truncatesUdp, refusesTcp, sendsWrongIdFirst, quirks);
    }

    public Behaviour withMode(Mode newMode) {
        return new Behaviour(delay, loss, seed, newMode, truncatesUdp, refusesTcp, sendsWrongIdFirst, quirks);
    }

    public Behaviour refuse() {
        return withMode(Mode.REFUSE);
    }

    public Behaviour servfail() {
        return withMode(Mode.SERVFAIL);
    }

    public Behaviour upwardReferral() {
        return withMode(Mode.UPWARD_REFERRAL);
    }

    public Behaviour notauth() {
        return withMode(Mode.NOTAUTH);
    }

    public Behaviour unrelatedReferral() {
        return withMode(Mode.UNRELATED_REFERRAL);
    }

    public Behaviour silent() {
        return withMode(Mode.SILENT);
    }

    public Behaviour truncateAlways() {
        return new Behaviour(delay, loss, seed, mode, true, refusesTcp, sendsWrongIdFirst, quirks);
    }

    public Behaviour noTcp() {
        return new Behaviour(delay, loss, seed, mode, truncatesUdp, true, sendsWrongIdFirst, quirks);
    }

    public Behaviour wrongIdFirst() {
        return new Behaviour(delay, loss, seed, mode, truncatesUdp, refusesTcp, true, quirks);
    }

    /** This behaviour with one more hostile habit. */
    public Behaviour with(Quirk quirk) {
        EnumSet<Quirk> more = quirks.isEmpty() ? EnumSet.noneOf(Quirk.class) : EnumSet.copyOf(quirks);
        more.add(quirk);
        return new Behaviour(delay, loss, seed, mode, truncatesUdp, refusesTcp, sendsWrongIdFirst, more);
    }

    /** RA=1 on every reply, and a resolver's answer to an RD=1 query for a name outside its zones. */
    public Behaviour recursionAvailable() {
        return with(Quirk.RECURSION_AVAILABLE);
    }

    /** FORMERR without OPT to every query with EDNS, as servers that predate RFC 2671 answer. */
    public Behaviour noEdns() {
        return with(Quirk.NO_EDNS);
    }

    /** Answers a query of any EDNS version as if it were version 0, instead of BADVERS. */
    public Behaviour noBadvers() {
        return with(Quirk.NO_BADVERS);
    }

    public boolean offersRecursion() {
        return has(Quirk.RECURSION_AVAILABLE);
    }

    public boolean rejectsEdns() {
        return has(Quirk.NO_EDNS);
    }

    public boolean ignoresEdnsVersion() {
        return has(Quirk.NO_BADVERS);
    }

    public boolean has(Quirk quirk) {
        return quirks.contains(quirk);
    }

    public boolean isNormal() {
        return equals(normal());
    }

    /**
     * Applies one lab-file word ({@code refuse}, {@code delay=50ms}, {@code loss=0.1}, ...) to this behaviour.
     *
     * @throws IllegalArgumentException with a message fit for the user when the word is not a behaviour
     */
    public Behaviour with(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        int eq = w.indexOf('=');
        String key = eq < 0 ? w : w.substring(0, eq);
        String value = eq < 0 ? null : w.substring(eq + 1);
        switch (key) {
            case "delay":
                return withDelay(Duration.ofMillis(parseMillis(value)));
            case "loss":
                return withLoss(parseProbability(value));
            case "seed":
                return withLoss(loss, parseLong(key, value));
            case "truncate":
                return noValue(key, value).truncateAlways();
            case "no-tcp":
                return noValue(key, value).noTcp();
            case "wrong-id-first":
                return noValue(key, value).wrongIdFirst();
            default:
                Quirk quirk = Quirk.of(key);
                if (quirk != null) {
                    return noValue(key, value).with(quirk);
                }
                for (Mode m : Mode.values()) {
                    if (m.word.equals(key)) {
                        return noValue(key, value).withMode(m);
                    }
                }
                throw new IllegalArgumentException("unknown behaviour '" + word + "'");
        }
    }

    /** Lab-file form: {@code normal}, or the words that differ from normal, e.g. {@code delay=50ms refuse}. */
    @Override
    public String toString() {
        List<String> words = new ArrayList<>();
        if (mode != Mode.NORMAL) {
            words.add(mode.word);
        }
        if (!delay.isZero()) {
            words.add("delay=" + delay.toMillis() + "ms");
        }
        if (loss > 0) {
            words.add("loss=" + loss);
        }
        if (seed != DEFAULT_SEED) {
            words.add("seed=" + seed);
        }
        if (truncatesUdp) {
            words.add("truncate");
        }
        if (refusesTcp) {
            words.add("no-tcp");
        }
        if (sendsWrongIdFirst) {
            words.add("wrong-id-first");
        }
        for (Quirk q : quirks) {
            words.add(q.word());
        }
        return words.isEmpty() ? "normal" : String.join(" ", words);
    }

    private Behaviour noValue(String key, String value) {
        if (value != null) {
            throw new IllegalArgumentException("behaviour '" + key + "' takes no value");
        }
        return this;
    }

    private static long parseMillis(String value) {
        if (value == null) {
            throw new IllegalArgumentException("delay needs a value, e.g. delay=50ms");
        }
        String digits = value.endsWith("ms") ? value.substring(0, value.length() - 2) : value;
        long ms = parseLong("delay", digits);
        if (ms < 0 || ms > 600_000) {
            throw new IllegalArgumentException("delay must be between 0ms and 600000ms, not " + value);
        }
        return ms;
    }

    private static double parseProbability(String value) {
        try {
            double p = Double.parseDouble(value == null ? "" : value);
            if (p >= 0.0 && p <= 1.0) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new IllegalArgumentException("loss must be a probability between 0 and 1, e.g. loss=0.1, not " + value);
    }

    private static long parseLong(String key, String value) {
        try {
            return Long.parseLong(value == null ? "" : value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " needs a whole number, not '" + value + "'");
        }
    }
}
