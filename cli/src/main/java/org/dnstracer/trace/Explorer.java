package org.dnstracer.trace;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.dnstracer.model.Names;
import org.dnstracer.model.Question;
import org.dnstracer.model.Status;
import org.dnstracer.model.Verdict;
import org.dnstracer.net.AttemptResult;
import org.dnstracer.net.Exchange;
import org.dnstracer.net.ServerAddress;
import org.dnstracer.net.Transport;
import org.xbill.DNS.Name;

/**
 * Walks the delegation graph eagerly and concurrently: as soon as a referral arrives, every server it names is
 * asked, and glueless names are looked up as asynchronous steps of the same walk. Each (server, question) is sent
 * once per run and each (server, question, zone) classified once; no thread ever blocks on a reply, and every
 * future completes, by the time limit at the latest. The {@link Unfolder} turns the graph into the printed tree.
 *
 * <p>The printed tree does not depend on timing, even when the query budget runs out. The eager walk may start
 * {@code maxQueries} queries in whatever order replies allow; the tree admits the first {@code maxQueries}
 * queries in tree order, and anything it admits that the eager walk could not send (or skipped with {@code -C}),
 * and any address look-up the eager budget cut short, is "forced": asked when the tree reaches it, one query
 * after the other. Forced look-ups are bounded by the run's other limits, not by a count that timing could move;
 * as a last resort, all queries together stop at {@value #FORCED_CAP_FACTOR} times the budget.
 */
final class Explorer {
    /**
     * One question to one server; with {@code -c} the path is part of the key so every place asks again. Its
     * equals and hashCode, like those of the trace's other map keys, are written out: a record's generated ones
     * are linked at their first call through method handles that no AOT cache keeps, about 10 ms of a short
     * trace's start-up.
     */
    record QueryKey(ServerAddress server, Name qname, int qtype, List<InetAddress> path, boolean recursive) {
        @Override
        public boolean equals(Object o) {
            return o instanceof QueryKey k && qtype == k.qtype && recursive == k.recursive && server.equals(k.server)
                    && qname.equals(k.qname) && path.equals(k.path);
        }

        @Override
        public int hashCode() {
            return ((server.hashCode() * 31 + qname.hashCode()) * 31 + qtype) * 31 + path.hashCode()
                    + (recursive ? 1 : 0);
        }
    }

    private record StepKey(QueryKey query, Name zone) {
        @Override
        public boolean equals(Object o) {
            return o instanceof StepKey k && query.equals(k.query) && Objects.equals(zone, k.zone);
        }

        @Override
        public int hashCode() {
            return query.hashCode() * 31 + Objects.hashCode(zone);
        }
    }

    /** The run's time limit was reached before this completed. */
    static final class TimeUp extends RuntimeException {
        TimeUp() {
            super("time limit reached", null, false, false);
        }
    }

    private static final TimeUp TIME_UP = new TimeUp();
    static final int FORCED_CAP_FACTOR = 3;

    private final Transport transport;
    private final TraceRequest request;
    private final AddressLookups lookups;
    private final ZoneDiscovery discovery;
    private final ConcurrentMap<QueryKey, CompletableFuture<Exchange>> exchanges = new ConcurrentHashMap<>();
    private final ConcurrentMap<StepKey, CompletableFuture<Step>> steps = new ConcurrentHashMap<>();
    private final ConcurrentMap<StepKey, CompletableFuture<Step>> forcedSteps = new ConcurrentHashMap<>();
    private final Set<InetAddress> dead = ConcurrentHashMap.newKeySet();
    private final AtomicInteger eagerStarted = new AtomicInteger();
    private final AtomicInteger forcedStarted = new AtomicInteger();
    private final AtomicBoolean queryLimitHit = new AtomicBoolean();
    /** Queries the printed tree has shown as asked, in tree order; used by the tree's thread only. */
    private final Set<QueryKey> admitted = new LinkedHashSet<>();
    private final TimeLimit timeLimit;
    /** What other runs of the process learned, or null: then nothing outside this run is consulted. */
    private final SharedState shared;
    /** Zone mode's delegation of the zone checked ({@code --zone}, {@code --ns}), or null. */
    private final ZoneDelegation zoneDelegation;

    Explorer(Transport transport, TraceRequest request) {
        this(transport, request, null);
    }

    Explorer(Transport transport, TraceRequest request, SharedState shared) {
        this(transport, request, shared, null);
    }

    Explorer(Transport transport, TraceRequest request, SharedState shared, ZoneDelegation zoneDelegation) {
        this.transport = transport;
        this.request = request;
        this.shared = shared;
        this.zoneDelegation = zoneDelegation;
        this.lookups = new AddressLookups(this::lookupQuery, request.rootHints(), request.family(), request.limits(),
                shared);
        this.discovery = new ZoneDiscovery(this::recursiveQuery, request.family(),
                request.limits().maxNameServers());
        this.timeLimit = new TimeLimit(request.limits().maxTime());
    }

    int queriesStarted() {
        return eagerStarted.get() + forcedStarted.get();
    }

    boolean queryLimitHit() {
        return queryLimitHit.get();
    }

    boolean timeIsUp() {
        return timeLimit.isReached();
    }

    /** Ends the run now: everything still pending completes as unfinished. */
    void close() {
        timeLimit.end();
    }

    AddressLookups lookups() {
        return lookups;
    }

    QueryKey key(InetAddress address, Question question, List<InetAddress> path) {
        return new QueryKey(new ServerAddress(address, request.port()), question.name(), question.type(),
                request.cache() ? List.of() : path, false);
    }

    /** Whether the printed tree may show this query as asked: the first {@code maxQueries} in tree order are. */
    boolean admit(QueryKey key) {
        if (admitted.contains(key)) {
            return true;
        }
        if (admitted.size() >= request.limits().maxQueries()) {
            queryLimitHit.set(true);
            return false;
        }
        admitted.add(key);
        return true;
    }

    private CompletableFuture<Exchange> recursiveQuery(InetAddress address, Question question) {
        QueryKey key = new QueryKey(new ServerAddress(address, request.port()), question.name(), question.type(),
                List.of(), true);
        return send(key, address, false, transport::exchangeRecursive);
    }

    private CompletableFuture<Exchange> lookupQuery(InetAddress address, Question question, boolean forced) {
        return query(address, question, List.of(), forced, false);
    }

    /**
     * Asks one server one question, once per run.
     *
     * @param forced spend the tree's budget rather than the eager one (the tree needs this reply now)
     * @param skipDead with {@code -C}, answer with a skipped exchange when the address already failed
     * @return completes with null when the budget is spent, exceptionally with {@link TimeUp} at the time limit
     */
    CompletableFuture<Exchange> query(InetAddress address, Question question, List<InetAddress> path, boolean forced,
            boolean skipDead) {
        QueryKey key = key(address, question, path);
        CompletableFuture<Exchange> existing = exchanges.get(key);
        if (existing != null) {
            return existing;
        }
        if (skipDead && request.negativeCache() && dead.contains(address)) {
            return CompletableFuture.completedFuture(
                    new Exchange(key.server(), question.name(), question.type(), null, List.of(), true));
        }
        // with -c the place in the tree is part of the key: a transport that keeps the run keeps it too
        return send(key, address, forced, key.path().isEmpty() ? transport::exchange
                : (server, qname, qtype) -> transport.exchange(server, qname, qtype, key.path()));
    }

    /** A way of asking one server one question. */
    private interface Sender {
        CompletableFuture<Exchange> send(ServerAddress server, Name qname, int qtype);
    }

    /** Sends a query once per key, within the budget; every published future completes. */
    private CompletableFuture<Exchange> send(QueryKey key, InetAddress address, boolean forced, Sender sender) {
        if (timeLimit.isReached()) {
            return CompletableFuture.failedFuture(TIME_UP);
        }
        CompletableFuture<Exchange> existing = exchanges.get(key);
        if (existing != null) {
            return existing;
        }
        AtomicInteger budget = forced ? forcedStarted : eagerStarted;
        int cap = forced ? FORCED_CAP_FACTOR * request.limits().maxQueries() - eagerStarted.get()
                : request.limits().maxQueries();
        if (budget.incrementAndGet() > cap) {
            budget.decrementAndGet();
            queryLimitHit.set(true);
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Exchange> fresh = new CompletableFuture<>();
        existing = exchanges.putIfAbsent(key, fresh);
        if (existing != null) {
            budget.decrementAndGet();
            return existing;
        }
        timeLimit.reached().thenRun(() -> fresh.completeExceptionally(TIME_UP));
        try {
            sender.send(key.server(), key.qname(), key.qtype()).whenComplete((exchange, error) -> {
                if (error != null) {
                    fresh.completeExceptionally(error);
                    return;
                }
                if (request.negativeCache() && !exchange.answered() && !key.recursive()) {
                    dead.add(address);
                }
                if (shared != null && !key.recursive() && !exchange.skipped()) {
                    shared.exchanged(address, exchange);
                }
                fresh.complete(exchange);
            });
        } catch (RuntimeException | Error e) {
            fresh.completeExceptionally(e); // never leave a published future pending: its waiters would hang
        }
        return fresh;
    }

    /** The classified reply of one server for one question in one zone, exploring below it eagerly. */
    CompletableFuture<Step> step(InetAddress address, Question question, Name zone, int depth, List<InetAddress> path) {
        return step(address, question, zone, depth, path, false);
    }

    /** The same step with a reply really sent: for a step the eager walk refused (budget) or skipped (-C). */
    CompletableFuture<Step> forcedStep(InetAddress address, Question question, Name zone, int depth,
            List<InetAddress> path) {
        return step(address, question, zone, depth, path, true);
    }

    private CompletableFuture<Step> step(InetAddress address, Question question, Name zone, int depth,
            List<InetAddress> path, boolean forced) {
        StepKey key = new StepKey(key(address, question, path), zone);
        ConcurrentMap<StepKey, CompletableFuture<Step>> memo = forced ? forcedSteps : steps;
        CompletableFuture<Step> existing = memo.get(key);
        if (existing != null) {
            return existing;
        }
        CompletableFuture<Step> fresh = new CompletableFuture<>();
        existing = memo.putIfAbsent(key, fresh);
        if (existing != null) {
            return existing;
        }
        if (!request.cache() && path.contains(address)) {
            fresh.complete(Step.leaf(null, Verdict.of(Status.LOOP)));
            return fresh;
        }
        Step known = shared == null ? null : knownStep(address, question, zone, depth, path);
        if (known != null) {
            fresh.complete(known);
            return fresh;
        }
        try {
            query(address, question, path, forced, !forced)
                    .thenCompose(exchange -> toStep(exchange, address, question, zone, depth, path))
                    .whenComplete((value, error) -> fresh.complete(error == null ? value : failed(error)));
        } catch (RuntimeException | Error e) {
            fresh.complete(failed(e));
        }
        return fresh;
    }

    /**
     * What other runs already know of this step: the referral this server gave for a zone above the name, or that
     * the server is silent; null when it has to be asked. Nothing is sent, so nothing is counted as a query. The
     * step carries the exchange the knowledge came from (asked for another name), so that the trace, and all that
     * is said about it, is the same whichever name met the server first; the verdict's detail says it was reused.
     */
    private Step knownStep(InetAddress address, Question question, Name zone, int depth, List<InetAddress> path) {
        if (zone != null) {
            LearnedReferral learned = shared.learnedReferral(address, zone, question.name()).orElse(null);
            if (learned != null) {
                Delegation delegation = learned.delegation();
                Verdict verdict = new Verdict(Status.REFERRAL, null, delegation.zone(), SharedState.LEARNED_REFERRAL);
                return delegating(learned.exchange(), verdict, delegation, address, question, depth, path);
            }
        }
        if (shared.isDead(address)) {
            return Step.leaf(shared.lastFailure(address).orElse(null),
                    Verdict.of(Status.TIMEOUT, SharedState.SILENT_EARLIER));
        }
        return null;
    }

    /** Shares a referral for every later name below its zone, for as long as its records live. */
    private void learn(Exchange exchange, Verdict verdict, Delegation delegation, InetAddress address, Name zone) {
        if (shared != null && zone != null && exchange != null && verdict.status() == Status.REFERRAL
                && !verdict.viaResolver() && !delegation.nameServers().isEmpty()) {
            shared.referred(address, zone, delegation, exchange, Delegation.ttl(exchange.reply(), delegation));
        }
    }

    /** The referral of a step again, with every look-up done in tree order under the tree's budget. */
    CompletableFuture<Referral> forcedReferral(Step step) {
        return edges(step.delegation(), null, true);
    }

    private Step failed(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof TimeUp) {
            return Step.leaf(null, Verdict.of(Status.UNFINISHED,
                    "not finished: time limit of " + request.limits().maxTime().toSeconds() + " s reached"));
        }
        return Step.leaf(null, Verdict.of(Status.INTERNAL_ERROR, String.valueOf(cause)));
    }

    private CompletableFuture<Step> toStep(Exchange exchange, InetAddress address, Question question, Name zone,
            int depth, List<InetAddress> path) {
        Verdict verdict = verdictOf(exchange, question, zone);
        if (zoneDelegation != null && zoneDelegation.replaces(verdict, zone, question.name())) {
            // pre-delegation testing: the user's servers stand in for whatever the parent said
            return CompletableFuture.completedFuture(delegating(exchange, zoneDelegation.givenVerdict(),
                    zoneDelegation.followed(zoneDelegation.given()), address, question, depth, path));
        }
        if (verdict.delegates()) {
            Delegation delegation = Delegation.from(exchange.reply(), verdict.referralZone(), zone);
            if (zoneDelegation != null && zoneDelegation.extendsReferral(verdict, zone)
                    && zoneDelegation.adds(delegation)) {
                // zone mode asks every server of the zone: the child's NS set names some the parent does not
                return CompletableFuture.completedFuture(delegating(exchange, zoneDelegation.extendedVerdict(verdict),
                        zoneDelegation.followed(delegation), address, question, depth, path));
            }
            learn(exchange, verdict, delegation, address, zone);
            return CompletableFuture.completedFuture(delegating(exchange, verdict, delegation, address, question, depth, path));
        }
        if (zone == null && depth == 0 && exchange != null && exchange.answered() && givesNoReferral(verdict)) {
            return discovery.discover(address, question.name())
                    .exceptionally(error -> null)
                    .thenApply(found -> found == null ? Step.leaf(exchange, verdict)
                            : delegating(exchange, verdict.foundThroughResolver(found.zone()), found, address,
                                    question, depth, path));
        }
        return CompletableFuture.completedFuture(Step.leaf(exchange, verdict));
    }

    /** What a start server that is a resolver says when it gives no referral to follow. */
    private static boolean givesNoReferral(Verdict verdict) {
        return switch (verdict.status()) {
            case ANSWER, NXDOMAIN, NODATA, SERVER_ERROR -> true;
            default -> false;
        };
    }

    private Step delegating(Exchange exchange, Verdict verdict, Delegation delegation, InetAddress address,
            Question question, int depth, List<InetAddress> path) {
        Consumer<Edge> descend = null;
        if (depth < request.limits().maxDepth()) {
            List<InetAddress> childPath = append(path, address);
            descend = edge -> {
                if (edge.blocked() == null && request.family().allows(edge.address())
                        && !childPath.contains(edge.address())) {
                    step(edge.address(), question, edge.zone(), depth + 1, childPath);
                }
            };
        }
        return new Step(exchange, verdict, delegation, edges(delegation, descend, false));
    }

    static Verdict verdictOf(Exchange exchange, Question question, Name zone) {
        if (exchange == null) {
            return Verdict.of(Status.LIMIT, "query limit reached, not asked");
        }
        if (exchange.skipped()) {
            return Verdict.of(Status.TIMEOUT, "failed earlier in this run, not asked again (-C)");
        }
        if (!exchange.answered()) {
            AttemptResult last = exchange.lastResult();
            String error = exchange.attempts().isEmpty() ? null
                    : exchange.attempts().get(exchange.attempts().size() - 1).error();
            return switch (last) {
                case UNREACHABLE -> Verdict.of(Status.UNREACHABLE, error);
                case MALFORMED -> Verdict.of(Status.MALFORMED, error);
                case SEND_ERROR -> Verdict.of(Status.SEND_ERROR, error);
                default -> Verdict.of(Status.TIMEOUT);
            };
        }
        return ResponseClassifier.classify(exchange.reply(), question, zone);
    }

    /**
     * One edge per (name server, address), in referral order, for the first {@code maxNameServers} names; the rest
     * are listed as not followed. Each name server's edges go to {@code descend} (when not null) as soon as its
     * addresses are known: a server with glue is asked at once, without waiting for the look-up of a glueless
     * sibling. Only the printed list waits for every sibling. Forced, the look-ups run one after the other.
     */
    private CompletableFuture<Referral> edges(Delegation delegation, Consumer<Edge> descend, boolean forced) {
        List<Name> names = delegation.nameServers();
        int followed = Math.min(names.size(), request.limits().maxNameServers());
        List<CompletableFuture<Referral>> perServer = new ArrayList<>();
        CompletableFuture<?> previous = CompletableFuture.completedFuture(null);
        for (int i = 0; i < followed; i++) {
            Name ns = names.get(i);
            List<java.net.InetAddress> glue = delegation.glueFor(ns);
            CompletableFuture<AddressLookups.Result> addresses;
            if (!glue.isEmpty()) {
                addresses = CompletableFuture.completedFuture(new AddressLookups.Result(glue, true));
            } else if (forced) {
                addresses = previous.thenCompose(ignored -> lookups.addresses(ns, Set.of(), true));
            } else {
                addresses = lookups.addresses(ns, Set.of(), false);
            }
            previous = addresses;
            CompletableFuture<Referral> serverEdges = addresses
                    .exceptionally(error -> AddressLookups.Result.CUT)
                    .thenApply(found -> edgesOf(ns, found, glue.isEmpty(), delegation.zone()));
            if (descend != null) {
                serverEdges.thenAccept(referral -> referral.edges().forEach(descend));
            }
            perServer.add(serverEdges);
        }
        Verdict notFollowed = Verdict.of(Status.LIMIT,
                "not followed: more than " + request.limits().maxNameServers() + " name servers");
        List<Edge> rest = names.subList(followed, names.size()).stream()
                .map(ns -> new Edge(Names.display(ns), null, delegation.zone(), notFollowed)).toList();
        return CompletableFuture.allOf(perServer.toArray(CompletableFuture[]::new)).thenApply(v -> {
            List<Edge> all = new ArrayList<>();
            boolean complete = true;
            for (CompletableFuture<Referral> f : perServer) {
                all.addAll(f.join().edges());
                complete &= f.join().complete();
            }
            all.addAll(rest);
            return new Referral(all, complete);
        });
    }

    private static Referral edgesOf(Name ns, AddressLookups.Result found, boolean glueless, Name zone) {
        String label = Names.display(ns);
        if (found.addresses().isEmpty()) {
            String why = !found.complete() ? "no address: look-up cut short"
                    : glueless ? "no glue and no address found" : "no address";
            return new Referral(List.of(new Edge(label, null, zone, Verdict.of(Status.NO_ADDRESS, why))),
                    found.complete());
        }
        List<Edge> edges = found.addresses().stream().limit(AddressLookups.MAX_ADDRESSES_PER_NAME)
                .map(a -> new Edge(label, a, zone, null)).toList();
        return new Referral(edges, found.complete());
    }

    static List<InetAddress> append(List<InetAddress> path, InetAddress address) {
        List<InetAddress> longer = new ArrayList<>(path.size() + 1);
        longer.addAll(path);
        longer.add(address);
        return List.copyOf(longer);
    }
}
