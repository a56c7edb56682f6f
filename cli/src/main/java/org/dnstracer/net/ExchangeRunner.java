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
 * The policy of one exchange: at most {@code -r} queries to the server for the question (its tries), with doubling
 * waits; the first try (over UDP) hedged after a few round trips without a reply (see
 * {@link AdaptiveTimeouts#hedgeAfter}), the hedge being one of the queries; the last query without EDNS when every
 * earlier one went unanswered (servers and middleboxes that drop EDNS queries); TCP after a truncated reply, as part
 * of the try it answers (keeping the truncated reply when TCP fails); and one round without EDNS for servers that
 * reject it.
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

    /**
     * Where a round of tries ended: the try carrying the reply (or -1), why TCP failed after TC=1 (or null), and
     * whether that reply answered a query sent without EDNS although EDNS was on.
     */
    private record Outcome(int replyIndex, String tcpFailure, boolean withoutEdns) {
        static final Outcome NONE = new Outcome(-1, null, false);

        boolean answered() {
            return replyIndex >= 0;
        }
    }

    /** The outcome of the exchange's rounds and whether it had to do without EDNS. */
    private record Rounds(Outcome outcome, EdnsFallback fallback) {}

    /** One exchange under way: what it asks, the tries made so far, and how many queries they sent. */
    private final class Run {
        final ServerAddress server;
        final Name qname;
        final int qtype;
        final boolean recursive;
        final List<Attempt> attempts = new ArrayList<>();

        Run(ServerAddress server, Name qname, int qtype, boolean recursive) {
            this.server = server;
            this.qname = qname;
            this.qtype = qtype;
            this.recursive = recursive;
        }

        /** Queries sent so far over the try protocol (a hedge is one; TCP after TC=1 belongs to its UDP try). */
        int queriesSent(Protocol protocol) {
            int n = 0;
            for (Attempt a : attempts) {
                if (a.protocol() == protocol) {
                    n += a.queries();
                }
            }
            return n;
        }
    }

    /**
     * The exchange, as a chain of tries: each try starts when the one before it has ended, on the thread that ended
     * it (with {@link BlockingTries} all of it runs on the calling thread and the future is complete on return). The
     * attempts list is touched by one stage at a time, each completing the next.
     *
     * @param recursive RD=1 (see {@link QueryBuilder#build(Name, int, boolean, boolean)})
     */
    CompletableFuture<Exchange> run(ServerAddress server, Name qname, int qtype, boolean recursive) {
        Run run = new Run(server, qname, qtype, recursive);
        List<Attempt> attempts = run.attempts;
        return tryFrom(run, firstProtocol(), options.edns(), options.tries(), options.edns() && options.tries() >= 2)
                .thenCompose(outcome -> {
                    if (outcome.answered() && options.edns() && !outcome.withoutEdns()
                            && rejectsEdns(attempts.get(outcome.replyIndex()).received())) {
                        // the server answered, and says it cannot take EDNS: asking again without it is a new round,
                        // of what is left of the tries, but at least one even with -r 1 (the question is not
                        // answered yet)
                        int left = Math.max(1, options.tries() - run.queriesSent(firstProtocol()));
                        return tryFrom(run, firstProtocol(), false, run.queriesSent(firstProtocol()) + left, false)
                                .thenApply(plain -> plain.answered()
                                        ? new Rounds(plain, EdnsFallback.REJECTED)
                                        : new Rounds(outcome, EdnsFallback.NONE));
                    }
                    return CompletableFuture.completedFuture(new Rounds(outcome,
                            outcome.withoutEdns() ? EdnsFallback.DROPPED : EdnsFallback.NONE));
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
        return Attempt.notSent(firstProtocol(), queries.build(qname, qtype, options.edns()));
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

    /**
     * The next try of a round, and the ones after it as long as none settles the round, until {@code budget}
     * queries have gone out over {@code protocol} in this exchange.
     *
     * @param edns whether the round's queries carry an OPT record
     * @param plainLast the round's last query goes without EDNS when every earlier try timed out: a server or
     *     middlebox that drops queries carrying OPT looks dead, and one plain query tells them apart (RFC 6891
     *     §6.2.2) at no cost in queries; its answer is then marked as given without EDNS
     */
    private CompletableFuture<Outcome> tryFrom(Run run, Protocol protocol, boolean edns, int budget,
            boolean plainLast) {
        int sent = run.queriesSent(protocol);
        if (sent >= budget || tries.isClosed()) {
            return CompletableFuture.completedFuture(Outcome.NONE);
        }
        int left = budget - sent;
        boolean plain = edns && plainLast && left == 1 && allTimedOut(run.attempts);
        boolean queryEdns = edns && !plain;
        Message query = queries.build(run.qname, run.qtype, queryEdns, run.recursive);
        // later tries double the wait; the try without EDNS gets the wait it would have had with it
        int waitIndex = Math.min(run.attempts.size(), options.tries() - 1);
        CompletableFuture<Attempt> attemptSent;
        if (protocol == Protocol.UDP) {
            // only the exchange's first try: when a query and its hedge both went unanswered the server is
            // more likely silent than unlucky, and the doubling waits are the polite way to find out. The hedge is
            // one of the tries: only when one is left for it, and another after it when the last must go plain.
            int neededAfterFirst = plainLast && edns ? 2 : 1;
            Duration hedgeAfter = run.attempts.isEmpty() && left - 1 >= neededAfterFirst
                    ? timeouts.hedgeAfter(run.server) : null;
            Duration wait = timeouts.withRoomForHedge(timeouts.forTry(run.server, Protocol.UDP, waitIndex),
                    hedgeAfter);
            attemptSent = tries.udp(run.server, query, wait, hedgeAfter,
                    () -> queries.build(run.qname, run.qtype, queryEdns, run.recursive));
        } else {
            attemptSent = tries.tcp(run.server, query, timeouts.forTry(run.server, Protocol.TCP, waitIndex));
        }
        return attemptSent.thenCompose(attempt -> {
            run.attempts.add(attempt);
            switch (attempt.result()) {
                case REPLY:
                    sampleRtt(run.server, attempt);
                    return CompletableFuture.completedFuture(new Outcome(run.attempts.size() - 1, null, plain));
                case TRUNCATED:
                    sampleRtt(run.server, attempt);
                    if (protocol == Protocol.TCP) {
                        // TC=1 over TCP: there is nothing further to fall back to
                        return CompletableFuture.completedFuture(new Outcome(run.attempts.size() - 1, null, plain));
                    }
                    int truncated = run.attempts.size() - 1;
                    // one TCP try, part of the UDP try it completes: the same query (with or without EDNS)
                    Message overTcp = queries.build(run.qname, run.qtype, queryEdns, run.recursive);
                    if (tries.isClosed()) {
                        return CompletableFuture.completedFuture(
                                new Outcome(truncated, tcpFailure(List.of()), plain));
                    }
                    return tries.tcp(run.server, overTcp, timeouts.forTry(run.server, Protocol.TCP, 0))
                            .thenApply(tcp -> {
                                run.attempts.add(tcp);
                                if (tcp.result() == AttemptResult.REPLY || tcp.result() == AttemptResult.TRUNCATED) {
                                    return new Outcome(run.attempts.size() - 1, null, plain);
                                }
                                // the truncated reply is all this server says; keep it, and why TCP failed
                                return new Outcome(truncated, tcpFailure(List.of(tcp)), plain);
                            });
                case UNREACHABLE:
                case SEND_ERROR:
                    // nobody listens, or we cannot send at all: asking again within seconds changes nothing
                    return CompletableFuture.completedFuture(Outcome.NONE);
                case TIMEOUT:
                case MALFORMED:
                default:
                    return tryFrom(run, protocol, edns, budget, plainLast);
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
