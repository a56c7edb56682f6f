package org.dnstracer.net;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;

/**
 * The policy of one exchange: tries with doubling waits, the first (over UDP) hedged after a few round trips
 * without a reply (see {@link AdaptiveTimeouts#hedgeAfter}); TCP after a truncated reply (keeping the truncated reply
 * when TCP fails); one round without EDNS for servers that reject it, and one try without EDNS for servers that
 * never answer it.
 */
final class ExchangeRunner {
    private final TransportOptions options;
    private final AdaptiveTimeouts timeouts;
    private final QueryBuilder queries;
    private final Tries tries;

    ExchangeRunner(TransportOptions options, AdaptiveTimeouts timeouts, QueryBuilder queries, Tries tries) {
        this.options = options;
        this.timeouts = timeouts;
        this.queries = queries;
        this.tries = tries;
    }

    /** Where a round of tries ended: the try carrying the reply (or -1), and why TCP failed after TC=1 (or null). */
    private record Outcome(int replyIndex, String tcpFailure) {
        static final Outcome NONE = new Outcome(-1, null);

        boolean answered() {
            return replyIndex >= 0;
        }
    }

    /** The outcome of the exchange's rounds and whether it had to do without EDNS. */
    private record Rounds(Outcome outcome, EdnsFallback fallback) {}

    /**
     * The exchange, as a chain of tries: each try starts when the one before it has ended, on the thread that ended
     * it (with {@link BlockingTries} all of it runs on the calling thread and the future is complete on return). The
     * attempts list is touched by one stage at a time, each completing the next.
     *
     * @param recursive RD=1 (see {@link QueryBuilder#build(Name, int, boolean, boolean)})
     */
    CompletableFuture<Exchange> run(ServerAddress server, Name qname, int qtype, boolean recursive) {
        List<Attempt> attempts = new ArrayList<>();
        return tries(firstProtocol(), server, qname, qtype, recursive, options.edns(), options.tries(), attempts)
                .thenCompose(outcome -> {
                    if (outcome.answered() && options.edns()
                            && rejectsEdns(attempts.get(outcome.replyIndex()).received())) {
                        return tries(firstProtocol(), server, qname, qtype, recursive, false, options.tries(), attempts)
                                .thenApply(plain -> plain.answered()
                                        ? new Rounds(plain, EdnsFallback.REJECTED)
                                        : new Rounds(outcome, EdnsFallback.NONE));
                    }
                    if (!outcome.answered() && options.edns() && allTimedOut(attempts) && !tries.isClosed()) {
                        // a server or middlebox that drops queries carrying OPT looks dead; one plain query tells
                        // them apart (RFC 6891 §6.2.2) at the cost of one more wait for servers really silent
                        return tries(firstProtocol(), server, qname, qtype, recursive, false, 1, attempts)
                                .thenApply(plain -> plain.answered()
                                        ? new Rounds(plain, EdnsFallback.DROPPED)
                                        : new Rounds(outcome, EdnsFallback.NONE));
                    }
                    return CompletableFuture.completedFuture(new Rounds(outcome, EdnsFallback.NONE));
                })
                .thenApply(rounds -> {
                    if (attempts.isEmpty()) {
                        // the transport closed before the first try: still say what was asked, as close() promises
                        attempts.add(notSent(qname, qtype));
                    }
                    Outcome outcome = rounds.outcome();
                    return Exchange.made(server, qname, qtype, attempts, outcome.replyIndex(), outcome.tcpFailure(),
                            rounds.fallback());
                });
    }

    /** The one attempt of an exchange that never went out because the transport closed first. */
    Attempt notSent(Name qname, int qtype) {
        return new Attempt(firstProtocol(), queries.build(qname, qtype, options.edns()), Duration.ZERO,
                Duration.ZERO, AttemptResult.TIMEOUT, null, 0, List.of(), "transport closed before the query was sent");
    }

    /**
     * A reply that says the server cannot take our EDNS query. RFC 6891 §7: a server that does not know EDNS
     * answers FORMERR (or NOTIMP) without an OPT record; with an OPT record the FORMERR is about something else.
     * BADVERS (16) is an extended rcode, its upper bits in the OPT record: dnsjava's {@link Message#getRcode()}
     * combines them, so it only ever shows with an OPT record. We send version 0, which every EDNS server must
     * implement, so BADVERS to it is broken EDNS: plain DNS is the way left to ask.
     */
    static boolean rejectsEdns(Message reply) {
        int rcode = reply.getRcode();
        if (reply.getOPT() == null) {
            return rcode == Rcode.FORMERR || rcode == Rcode.NOTIMP;
        }
        return rcode == Rcode.BADVERS;
    }

    private static boolean allTimedOut(List<Attempt> attempts) {
        return !attempts.isEmpty() && attempts.stream().allMatch(a -> a.result() == AttemptResult.TIMEOUT);
    }

    private Protocol firstProtocol() {
        return options.tcpOnly() ? Protocol.TCP : Protocol.UDP;
    }

    private CompletableFuture<Outcome> tries(Protocol protocol, ServerAddress server, Name qname, int qtype,
            boolean recursive, boolean edns, int count, List<Attempt> attempts) {
        return tryFrom(0, protocol, server, qname, qtype, recursive, edns, count, attempts);
    }

    /** Try {@code i} of a round of {@code count}, and the ones after it as long as none settles the round. */
    private CompletableFuture<Outcome> tryFrom(int i, Protocol protocol, ServerAddress server, Name qname, int qtype,
            boolean recursive, boolean edns, int count, List<Attempt> attempts) {
        if (i >= count || tries.isClosed()) {
            return CompletableFuture.completedFuture(Outcome.NONE);
        }
        Message query = queries.build(qname, qtype, edns, recursive);
        // the extra try without EDNS gets the wait of the last regular try, not the first
        int waitIndex = Math.min(i + options.tries() - count, options.tries() - 1);
        CompletableFuture<Attempt> sent;
        if (protocol == Protocol.UDP) {
            // only the exchange's first try: when a query and its hedge both went unanswered the server is
            // more likely silent than unlucky, and the doubling waits are the polite way to find out
            Duration hedgeAfter = attempts.isEmpty() ? timeouts.hedgeAfter(server) : null;
            Duration wait = timeouts.withRoomForHedge(timeouts.forTry(server, Protocol.UDP, waitIndex), hedgeAfter);
            sent = tries.udp(server, query, wait, hedgeAfter, () -> queries.build(qname, qtype, edns, recursive));
        } else {
            sent = tries.tcp(server, query, timeouts.forTry(server, Protocol.TCP, waitIndex));
        }
        return sent.thenCompose(attempt -> {
            attempts.add(attempt);
            switch (attempt.result()) {
                case REPLY:
                    sampleRtt(server, attempt);
                    return CompletableFuture.completedFuture(new Outcome(attempts.size() - 1, null));
                case TRUNCATED:
                    sampleRtt(server, attempt);
                    int truncated = attempts.size() - 1;
                    return tries(Protocol.TCP, server, qname, qtype, recursive, edns, options.tries(), attempts)
                            .thenApply(overTcp -> overTcp.answered()
                                    ? overTcp
                                    // the truncated reply is all this server says; keep it, and why TCP failed
                                    : new Outcome(truncated,
                                            tcpFailure(attempts.subList(truncated + 1, attempts.size()))));
                case UNREACHABLE:
                case SEND_ERROR:
                    // nobody listens, or we cannot send at all: asking again within seconds changes nothing
                    return CompletableFuture.completedFuture(Outcome.NONE);
                case TIMEOUT:
                case MALFORMED:
                default:
                    return tryFrom(i + 1, protocol, server, qname, qtype, recursive, edns, count, attempts);
            }
        });
    }

    /** Why the TCP tries after a truncated reply got nothing, in words for the status line. */
    static String tcpFailure(List<Attempt> tcpAttempts) {
        if (tcpAttempts.isEmpty()) {
            return "not tried, transport closed";
        }
        Attempt last = tcpAttempts.get(tcpAttempts.size() - 1);
        String error = last.error();
        return switch (last.result()) {
            case TIMEOUT -> "timeout";
            case UNREACHABLE -> error == null ? "unreachable" : lowerFirst(error);
            case MALFORMED -> "malformed reply" + (error == null ? "" : ": " + error);
            case SEND_ERROR -> "cannot send" + (error == null ? "" : ": " + error);
            default -> last.result().name().toLowerCase(Locale.ROOT);
        };
    }

    /** Java's socket errors are capitalised sentences ("Connection refused"); the line continues after a colon. */
    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private void sampleRtt(ServerAddress server, Attempt attempt) {
        // TCP times include the handshake and would inflate the UDP estimate
        if (attempt.protocol() == Protocol.UDP) {
            timeouts.sample(server, attempt.roundTrip());
        }
    }
}
