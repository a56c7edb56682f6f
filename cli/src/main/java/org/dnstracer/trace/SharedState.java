package org.dnstracer.trace;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.dnstracer.net.Exchange;
import org.xbill.DNS.Name;

/**
 * What many traces of one process may learn once and reuse: the referrals servers gave, the addresses of glueless
 * name servers, and which servers stay silent. A {@link Tracer} given none (the single-trace case) learns nothing
 * beyond its own run and behaves exactly as without this hook.
 *
 * <p>The contract the engine relies on: a server of zone Z that referred one name to a child zone C refers every
 * name under C to C, with the same name servers. So a referral learned from (server, Z) for C stands in for the
 * query of any name under C to that server, while that referral's TTL lasts; the servers of the name's own zone are
 * still asked for every name, because they answer rather than refer. One exception is known and accepted: a
 * server that also serves a zone deeper than C (a root server serving {@code root-servers.net}) would have
 * answered for names in that zone instead of referring.
 *
 * <p>Implementations must be thread-safe (traces run concurrently) and bounded. One instance serves traces of one
 * address family, port and root hints.
 */
public interface SharedState {
    /** The verdict detail of a referral taken from shared state instead of being asked for (no exchange). */
    String LEARNED_REFERRAL = "referral learned earlier in this process";
    /** The verdict detail (with status TIMEOUT, no exchange) of a server shared state knows to be silent. */
    String SILENT_EARLIER = "did not answer earlier in this process, not asked again";

    /**
     * The delegation {@code server}, asked in {@code zone}, gave earlier in this process for a zone that contains
     * {@code qname} (the deepest such zone), if still fresh.
     */
    default Optional<Delegation> referral(InetAddress server, Name zone, Name qname) {
        return learnedReferral(server, zone, qname).map(LearnedReferral::delegation);
    }

    /** As {@link #referral}, with the exchange that gave the delegation. */
    Optional<LearnedReferral> learnedReferral(InetAddress server, Name zone, Name qname);

    /** Remembers a referral {@code server} gave when asked in {@code zone}, for {@code ttlSeconds}. */
    default void referred(InetAddress server, Name zone, Delegation delegation, long ttlSeconds) {
        referred(server, zone, delegation, null, ttlSeconds);
    }

    /**
     * Remembers a referral with the exchange that gave it (null for none): a later trace that reuses the referral
     * carries that exchange, and so whatever a trace says about it, as if it had asked.
     */
    void referred(InetAddress server, Name zone, Delegation delegation, Exchange exchange, long ttlSeconds);

    /** The addresses a glueless name server was found to have, if still fresh. */
    Optional<List<InetAddress>> addresses(Name host);

    /** Remembers the addresses found for a glueless name server (never an empty list). */
    void found(Name host, List<InetAddress> addresses);

    /** True when the address failed to answer lately: traces then report it as silent without asking it. */
    boolean isDead(InetAddress address);

    /**
     * The last failed exchange with an address that {@link #isDead} just called silent: a trace that skips the
     * address carries it, and so the same findings as a trace that asked; empty when none is kept.
     */
    default Optional<Exchange> lastFailure(InetAddress address) {
        return Optional.empty();
    }

    /** Records the outcome of one exchange with {@code address}. */
    void exchanged(InetAddress address, boolean answered);

    /** Records one exchange with {@code address}, keeping it when it failed (see {@link #lastFailure}). */
    default void exchanged(InetAddress address, Exchange exchange) {
        exchanged(address, exchange.answered());
    }
}
