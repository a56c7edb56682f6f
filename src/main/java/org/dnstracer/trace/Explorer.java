package org.dnstracer.trace;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
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
 * asked. Each (server, question) is asked once per run and each (server, question, zone) classified once, so
 * the graph is explored without sending any query twice; the {@link Unfolder} turns it into the printed tree.
 */
final class Explorer {
    /** One question to one server; with {@code -c} the path is part of the key so every place asks again. */
    private record QueryKey(ServerAddress server, Name qname, int qtype, List<InetAddress> path) {}

    private record StepKey(QueryKey query, Name zone) {}

    private final Transport transport;
    private final TraceRequest request;
    private final AddressResolver resolver;
    private final ConcurrentMap<QueryKey, CompletableFuture<Exchange>> exchanges = new ConcurrentHashMap<>();
    private final ConcurrentMap<StepKey, CompletableFuture<Step>> steps = new ConcurrentHashMap<>();
    private final Set<InetAddress> dead = ConcurrentHashMap.newKeySet();
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicBoolean queryLimitHit = new AtomicBoolean();

    Explorer(Transport transport, TraceRequest request) {
        this.transport = transport;
        this.request = request;
        this.resolver = new AddressResolver(this::query, request.rootHints(), request.family(),
                request.limits());
    }

    int queriesStarted() {
        return started.get();
    }

    boolean queryLimitHit() {
        return queryLimitHit.get();
    }

    AddressResolver resolver() {
        return resolver;
    }

    void close() {
        resolver.close();
    }

    /** Asks one server one question, once per run; completes with null when the query budget is spent. */
    CompletableFuture<Exchange> query(InetAddress address, Question question, List<InetAddress> path) {
        ServerAddress server = new ServerAddress(address, request.port());
        QueryKey key = new QueryKey(server, question.name(), question.type(), request.cache() ? List.of() : path);
        CompletableFuture<Exchange> fresh = new CompletableFuture<>();
        CompletableFuture<Exchange> existing = exchanges.putIfAbsent(key, fresh);
        if (existing != null) {
            return existing;
        }
        if (request.negativeCache() && dead.contains(address)) {
            fresh.complete(new Exchange(server, question.name(), question.type(), null, List.of(), true));
            return fresh;
        }
        if (started.incrementAndGet() > request.limits().maxQueries()) {
            started.decrementAndGet();
            queryLimitHit.set(true);
            fresh.complete(null);
            return fresh;
        }
        transport.exchange(server, question.name(), question.type()).whenComplete((exchange, error) -> {
            if (error != null) {
                fresh.completeExceptionally(error);
                return;
            }
            if (request.negativeCache() && !exchange.answered()) {
                dead.add(address);
            }
            fresh.complete(exchange);
        });
        return fresh;
    }

    /** The classified reply of one server for one question in one zone, exploring below it eagerly. */
    CompletableFuture<Step> step(InetAddress address, Question question, Name zone, int depth, List<InetAddress> path) {
        ServerAddress server = new ServerAddress(address, request.port());
        QueryKey queryKey = new QueryKey(server, question.name(), question.type(), request.cache() ? List.of() : path);
        StepKey key = new StepKey(queryKey, zone);
        CompletableFuture<Step> fresh = new CompletableFuture<>();
        CompletableFuture<Step> existing = steps.putIfAbsent(key, fresh);
        if (existing != null) {
            return existing;
        }
        if (!request.cache() && path.contains(address)) {
            fresh.complete(new Step(null, Verdict.of(Status.LOOP), CompletableFuture.completedFuture(List.of())));
            return fresh;
        }
        query(address, question, path).thenApply(exchange -> toStep(exchange, address, question, zone, depth, path))
                .whenComplete((stepValue, error) -> {
                    if (error != null) {
                        fresh.completeExceptionally(error);
                    } else {
                        fresh.complete(stepValue);
                    }
                });
        return fresh;
    }

    private Step toStep(Exchange exchange, InetAddress address, Question question, Name zone, int depth,
            List<InetAddress> path) {
        Verdict verdict = verdictOf(exchange, question, zone);
        if (!verdict.delegates()) {
            return new Step(exchange, verdict, CompletableFuture.completedFuture(List.of()));
        }
        Delegation delegation = Delegation.from(exchange.reply(), verdict.referralZone(), zone);
        Consumer<Edge> descend = null;
        if (depth < request.limits().maxDepth()) {
            List<InetAddress> childPath = append(path, address);
            descend = edge -> {
                if (edge.address() != null && request.family().allows(edge.address())
                        && !childPath.contains(edge.address())) {
                    step(edge.address(), question, edge.zone(), depth + 1, childPath);
                }
            };
        }
        return new Step(exchange, verdict, edges(delegation, descend));
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
            String error = exchange.attempts().isEmpty() ? null : exchange.attempts().get(exchange.attempts().size() - 1).error();
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
     * One edge per (name server, address), in referral order; glueless names are looked up first. Each name
     * server's edges go to {@code descend} (when not null) as soon as its addresses are known: a server with glue
     * is asked at once, without waiting for the look-up of a glueless sibling (which may take several round trips,
     * or a timeout). Only the printed list waits for every sibling.
     */
    private CompletableFuture<List<Edge>> edges(Delegation delegation, Consumer<Edge> descend) {
        List<CompletableFuture<List<Edge>>> perServer = new ArrayList<>();
        for (Name ns : delegation.nameServers()) {
            String label = Names.display(ns);
            List<InetAddress> glue = delegation.glueFor(ns);
            CompletableFuture<List<InetAddress>> addresses = glue.isEmpty()
                    ? resolver.addresses(ns)
                    : CompletableFuture.completedFuture(glue);
            CompletableFuture<List<Edge>> serverEdges = addresses.thenApply(list -> list.isEmpty()
                    ? List.of(new Edge(label, null, delegation.zone(),
                            glue.isEmpty() ? "no glue and no address found" : "no address"))
                    : list.stream().map(a -> new Edge(label, a, delegation.zone(), null)).toList());
            if (descend != null) {
                serverEdges.thenAccept(list -> list.forEach(descend));
            }
            perServer.add(serverEdges);
        }
        return CompletableFuture.allOf(perServer.toArray(CompletableFuture[]::new))
                .thenApply(v -> perServer.stream().flatMap(f -> f.join().stream()).toList());
    }

    static List<InetAddress> append(List<InetAddress> path, InetAddress address) {
        List<InetAddress> longer = new ArrayList<>(path.size() + 1);
        longer.addAll(path);
        longer.add(address);
        return List.copyOf(longer);
    }
}
