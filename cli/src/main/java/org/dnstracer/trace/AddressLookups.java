package org.dnstracer.trace;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.dnstracer.model.Question;
import org.dnstracer.model.Verdict;
import org.dnstracer.net.Exchange;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Finds the addresses of name servers that came without glue, iteratively from the root hints, as asynchronous
 * steps of the same run: its queries go through the explorer (same deduplication, budget and time limit), and no
 * thread ever waits for one.
 *
 * <p>A look-up is keyed by the name and by the chain of look-ups it is nested in: a name met again inside its own
 * chain is a delegation loop and is cut there, so its result depends on the chain, and a result is only reused for
 * the same chain. The same replies therefore give the same addresses whatever the timing.
 */
final class AddressLookups {
    /** Sends one question to one address; completes with null when the budget is spent. */
    interface Querier {
        CompletableFuture<Exchange> query(InetAddress address, Question question, boolean forced);
    }

    /**
     * @param addresses IPv4 first, then IPv6, each as the authoritative servers list them
     * @param complete false when the budget or the time limit cut the look-up short
     */
    record Result(List<InetAddress> addresses, boolean complete) {
        static final Result NONE = new Result(List.of(), true);
        static final Result CUT = new Result(List.of(), false);

        Result {
            addresses = List.copyOf(addresses);
        }

        Result and(Result other) {
            List<InetAddress> all = new ArrayList<>(addresses);
            all.addAll(other.addresses);
            return new Result(all, complete && other.complete);
        }
    }

    private record Key(Name host, Set<Name> chain, boolean forced) {}

    private record Server(Name name, List<InetAddress> addresses) {}

    /**
     * What asking one zone's servers gave: an answer, the next zone's servers, or neither.
     *
     * @param stopped the budget or the time limit refused a query: asking further servers would be refused too
     */
    private record Next(Message answer, Name zone, List<Server> servers, boolean complete, boolean stopped) {
        static Next none(boolean complete) {
            return new Next(null, null, null, complete, false);
        }

        static final Next STOPPED = new Next(null, null, null, false, true);

        boolean settled() {
            return answer != null || servers != null || stopped;
        }
    }

    /** An authoritative reply (answer, NXDOMAIN or NODATA) and the zone whose server gave it; null answer: none. */
    record Outcome(Message answer, Name zone, boolean complete) {}

    private static final int MAX_CNAMES = 8;
    /** Addresses tried per name server: a referral cannot make one look-up ask thousands of addresses. */
    static final int MAX_ADDRESSES_PER_NAME = 16;

    private final Querier querier;
    private final RootHints hints;
    private final IpFamily family;
    private final Limits limits;
    private final ConcurrentMap<Key, CompletableFuture<Result>> memo = new ConcurrentHashMap<>();
    /** Addresses found by other runs, or null. */
    private final SharedState shared;

    AddressLookups(Querier querier, RootHints hints, IpFamily family, Limits limits) {
        this(querier, hints, family, limits, null);
    }

    AddressLookups(Querier querier, RootHints hints, IpFamily family, Limits limits, SharedState shared) {
        this.shared = shared;
        this.querier = querier;
        this.hints = hints;
        this.family = family;
        this.limits = limits;
    }

    /**
     * The addresses of {@code host}.
     *
     * @param chain the names whose look-ups this one is nested in
     * @param forced true to ask one query after the other under the forced budget (the printed tree's), so that
     *     where a budget runs out does not depend on timing; false to ask eagerly under the eager budget
     */
    CompletableFuture<Result> addresses(Name host, Set<Name> chain, boolean forced) {
        if (chain.contains(host) || chain.size() >= limits.maxLookupNesting()) {
            return CompletableFuture.completedFuture(Result.NONE);
        }
        Key key = new Key(host, Set.copyOf(chain), forced);
        CompletableFuture<Result> existing = memo.get(key);
        if (existing != null) {
            return existing;
        }
        CompletableFuture<Result> fresh = new CompletableFuture<>();
        existing = memo.putIfAbsent(key, fresh);
        if (existing != null) {
            return existing;
        }
        List<InetAddress> known = shared == null ? null : shared.addresses(host).orElse(null);
        if (known != null) {
            fresh.complete(new Result(known, true));
            return fresh;
        }
        Set<Name> longer = new HashSet<>(chain);
        longer.add(host);
        try {
            CompletableFuture<Result> a = family.wantsA() ? lookup(host, Type.A, longer, forced, 0) : done(Result.NONE);
            CompletableFuture<Result> both;
            if (!family.wantsAaaa()) {
                both = a;
            } else if (forced) {
                both = a.thenCompose(v4 -> lookup(host, Type.AAAA, longer, true, 0).thenApply(v4::and));
            } else {
                // A and AAAA at once: a dual-stack name costs one walk down the tree on the critical path, not two
                both = a.thenCombine(lookup(host, Type.AAAA, longer, false, 0), Result::and);
            }
            both.whenComplete((result, error) -> {
                Result found = error == null ? result : Result.CUT;
                // shared before the future completes: whatever the completion lets go on (a next trace) sees it
                if (shared != null && found.complete() && !found.addresses().isEmpty()) {
                    shared.found(host, found.addresses());
                }
                fresh.complete(found);
            });
        } catch (RuntimeException e) {
            fresh.complete(Result.CUT);
        }
        return fresh;
    }

    /**
     * The authoritative reply for one question, found from the root hints as a look-up is, its CNAMEs not followed:
     * for the {@code --check} look-ups, which judge the reply itself (NXDOMAIN, an alias, the addresses served).
     */
    CompletableFuture<Outcome> authoritative(Name target, int type) {
        return iterate(new Question(target, type), roots(), Name.root, Set.of(target), false, 0, true);
    }

    private List<Server> roots() {
        List<Server> roots = new ArrayList<>();
        for (RootHints.Server s : hints.servers()) {
            roots.add(new Server(s.name(), s.addresses()));
        }
        return roots;
    }

    private CompletableFuture<Result> lookup(Name target, int type, Set<Name> chain, boolean forced, int cnames) {
        Question question = new Question(target, type);
        return iterate(question, roots(), Name.root, chain, forced, 0, true).thenCompose(outcome -> {
            if (outcome.answer() == null) {
                return done(new Result(List.of(), outcome.complete()));
            }
            CnameChain.Walk walk = CnameChain.walk(outcome.answer(), target, outcome.zone());
            List<InetAddress> found = new ArrayList<>();
            for (Record r : outcome.answer().getSection(Section.ANSWER)) {
                if (!r.getName().equals(walk.end()) || !r.getName().subdomain(outcome.zone())) {
                    continue; // another name, or data from outside the answering zone: not believed
                }
                if (r instanceof ARecord a && type == Type.A) {
                    found.add(a.getAddress());
                } else if (r instanceof AAAARecord aaaa && type == Type.AAAA) {
                    found.add(aaaa.getAddress());
                }
            }
            if (!found.isEmpty() || walk.end().equals(target) || walk.loop() || cnames >= MAX_CNAMES) {
                return done(new Result(found, outcome.complete()));
            }
            // the chain leaves the zone: look its end up from the root
            return lookup(walk.end(), type, chain, forced, cnames + 1)
                    .thenApply(r -> new Result(r.addresses(), r.complete() && outcome.complete()));
        });
    }

    /** Follows referrals from the root to an authoritative answer. */
    private CompletableFuture<Outcome> iterate(Question question, List<Server> servers, Name zone, Set<Name> chain,
            boolean forced, int level, boolean complete) {
        if (level > limits.maxDepth()) {
            return done(new Outcome(null, zone, complete));
        }
        return askAny(servers, 0, question, zone, chain, forced, complete).thenCompose(next -> {
            if (next.answer() != null) {
                return done(new Outcome(next.answer(), zone, next.complete()));
            }
            if (next.servers() == null) {
                return done(new Outcome(null, zone, next.complete()));
            }
            return iterate(question, next.servers(), next.zone(), chain, forced, level + 1, next.complete());
        });
    }

    /** Asks the servers of one zone one after the other until one answers or refers. */
    /*
     * The two loops below go on in the calling thread while the futures they meet are already complete (glue,
     * replies asked before) and continue asynchronously only at the first one that is not: recursing through
     * completed futures instead would nest one stack level per server and address.
     */
    private CompletableFuture<Next> askAny(List<Server> servers, int from, Question question, Name zone,
            Set<Name> chain, boolean forced, boolean complete) {
        boolean sofar = complete;
        for (int index = from; index < Math.min(servers.size(), limits.maxNameServers()); index++) {
            Server server = servers.get(index);
            CompletableFuture<Result> addresses = server.addresses().isEmpty()
                    ? addresses(server.name(), chain, forced)
                    : done(new Result(server.addresses(), true));
            boolean before = sofar;
            CompletableFuture<Next> next = addresses.thenCompose(found -> askAddresses(usable(found), 0, question,
                    zone, forced, before && found.complete()));
            if (!next.isDone()) {
                int following = index + 1;
                return next.thenCompose(n -> n.settled()
                        ? done(n)
                        : askAny(servers, following, question, zone, chain, forced, n.complete()));
            }
            Next n = next.join();
            if (n.settled()) {
                return next;
            }
            sofar = n.complete();
        }
        return done(Next.none(sofar));
    }

    private List<InetAddress> usable(Result found) {
        return found.addresses().stream().filter(family::allows).limit(MAX_ADDRESSES_PER_NAME).toList();
    }

    private CompletableFuture<Next> askAddresses(List<InetAddress> addresses, int from, Question question, Name zone,
            boolean forced, boolean complete) {
        for (int index = from; index < addresses.size(); index++) {
            CompletableFuture<Exchange> reply = querier.query(addresses.get(index), question, forced);
            if (!reply.isDone()) {
                int following = index + 1;
                return reply.handle((exchange, error) -> error != null || exchange == null
                        ? done(Next.STOPPED)
                        : Optional.ofNullable(read(exchange, question, zone, complete)).map(AddressLookups::done)
                                .orElseGet(() -> askAddresses(addresses, following, question, zone, forced, complete)))
                        .thenCompose(f -> f);
            }
            if (reply.isCompletedExceptionally() || reply.join() == null) {
                return done(Next.STOPPED);
            }
            Next next = read(reply.join(), question, zone, complete);
            if (next != null) {
                return done(next);
            }
        }
        return done(Next.none(complete));
    }

    /** The answer or referral in one reply, or null when this server gave neither (lame, broken, silent). */
    private Next read(Exchange exchange, Question question, Name zone, boolean complete) {
        if (!exchange.answered()) {
            return null;
        }
        Verdict verdict = ResponseClassifier.classify(exchange.reply(), question, zone);
        switch (verdict.status()) {
            case AUTHORITATIVE_ANSWER, AUTHORITATIVE_NXDOMAIN, AUTHORITATIVE_NODATA:
                return new Next(exchange.reply(), zone, null, complete, false);
            case REFERRAL:
                Delegation d = Delegation.from(exchange.reply(), verdict.referralZone(), zone);
                List<Server> next = new ArrayList<>();
                for (Name ns : d.nameServers()) {
                    next.add(new Server(ns, d.glueFor(ns)));
                }
                return new Next(null, verdict.referralZone(), next, complete, false);
            default:
                return null;
        }
    }

    private static <T> CompletableFuture<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }
}
