package org.dnstracer.trace;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
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
 * Finds the addresses of name servers that came without glue, iteratively from the root hints through the same
 * transport as the trace (never through the system resolver), once per name per run.
 */
final class AddressResolver {
    /** Sends one question to one address; completes with null when the query budget is spent. */
    interface Querier {
        CompletableFuture<Exchange> query(InetAddress address, Question question, List<InetAddress> path);
    }

    private static final int MAX_NESTING = 8;
    private static final int MAX_CNAMES = 8;

    private final Querier querier;
    private final RootHints hints;
    private final IpFamily family;
    private final Limits limits;
    private final ConcurrentMap<Name, CompletableFuture<List<InetAddress>>> memo = new ConcurrentHashMap<>();
    private final ConcurrentMap<Name, List<InetAddress>> done = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "dnstracer-lookup");
        t.setDaemon(true);
        return t;
    });

    AddressResolver(Querier querier, RootHints hints, IpFamily family, Limits limits) {
        this.querier = querier;
        this.hints = hints;
        this.family = family;
        this.limits = limits;
    }

    /** IPv4 addresses first, then IPv6, each family as its authoritative servers list them. */
    CompletableFuture<List<InetAddress>> addresses(Name host) {
        return memo.computeIfAbsent(host,
                h -> CompletableFuture.supplyAsync(() -> resolve(h, Set.of()), executor));
    }

    void close() {
        executor.shutdownNow();
    }

    /*
     * Blocking on purpose: it runs on its own threads, never on the transport's, and a nested glueless lookup
     * (a name server whose own name servers have no glue) recurses in the same thread. The chain of names being
     * looked up stops delegation loops; waiting on another thread's lookup could deadlock on such a loop.
     */
    private List<InetAddress> resolve(Name host, Set<Name> chain) {
        List<InetAddress> known = done.get(host);
        if (known != null) {
            return known;
        }
        if (chain.contains(host) || chain.size() >= MAX_NESTING) {
            return List.of();
        }
        Set<Name> longer = new HashSet<>(chain);
        longer.add(host);
        List<InetAddress> result = new ArrayList<>();
        // A and AAAA are independent look-ups: ask them at once, so a dual-stack name costs one walk down the
        // tree, not two, on the trace's critical path. The AAAA walk gets its own thread (it blocks too).
        CompletableFuture<List<InetAddress>> aaaa = null;
        if (family.wantsAaaa() && family.wantsA()) {
            try {
                aaaa = CompletableFuture.supplyAsync(() -> lookup(host, Type.AAAA, longer), executor);
            } catch (RejectedExecutionException closing) {
                aaaa = null; // closed under us: ask in this thread, as before
            }
        }
        if (family.wantsA()) {
            result.addAll(lookup(host, Type.A, longer));
        }
        if (aaaa != null) {
            result.addAll(aaaa.join());
        } else if (family.wantsAaaa()) {
            result.addAll(lookup(host, Type.AAAA, longer));
        }
        List<InetAddress> frozen = List.copyOf(result);
        done.put(host, frozen);
        return frozen;
    }

    private List<InetAddress> lookup(Name host, int type, Set<Name> chain) {
        Name target = host;
        for (int cnames = 0; cnames <= MAX_CNAMES; cnames++) {
            Message answer = iterate(new Question(target, type), chain);
            if (answer == null) {
                return List.of();
            }
            List<InetAddress> found = new ArrayList<>();
            Name end = CnameChain.end(answer, target);
            for (Record r : answer.getSection(Section.ANSWER)) {
                if (!r.getName().equals(end)) {
                    continue;
                }
                if (r instanceof ARecord a && type == Type.A) {
                    found.add(a.getAddress());
                } else if (r instanceof AAAARecord aaaa && type == Type.AAAA) {
                    found.add(aaaa.getAddress());
                }
            }
            if (!found.isEmpty() || end.equals(target)) {
                return found;
            }
            target = end; // the chain leaves the zone: look its end up from the root
        }
        return List.of();
    }

    /** Follows referrals from the root to an authoritative answer; null when none could be had. */
    private Message iterate(Question question, Set<Name> chain) {
        List<NameAndAddresses> servers = new ArrayList<>();
        for (RootHints.Server s : hints.servers()) {
            servers.add(new NameAndAddresses(s.name(), s.addresses()));
        }
        Name zone = Name.root;
        for (int level = 0; level <= limits.maxDepth(); level++) {
            Next next = askAny(servers, question, zone, chain);
            if (next == null) {
                return null;
            }
            if (next.answer() != null) {
                return next.answer();
            }
            servers = next.servers();
            zone = next.zone();
        }
        return null;
    }

    private record NameAndAddresses(Name name, List<InetAddress> addresses) {}

    private record Next(Message answer, List<NameAndAddresses> servers, Name zone) {}

    private Next askAny(List<NameAndAddresses> servers, Question question, Name zone, Set<Name> chain) {
        for (NameAndAddresses server : servers) {
            List<InetAddress> addresses = server.addresses().isEmpty() ? resolve(server.name(), chain) : server.addresses();
            for (InetAddress address : addresses) {
                if (!family.allows(address)) {
                    continue;
                }
                Exchange exchange = querier.query(address, question, List.of()).join();
                if (exchange == null) {
                    return null; // query budget spent
                }
                if (!exchange.answered()) {
                    continue;
                }
                Verdict verdict = ResponseClassifier.classify(exchange.reply(), question, zone);
                switch (verdict.status()) {
                    case AUTHORITATIVE_ANSWER, AUTHORITATIVE_NXDOMAIN, AUTHORITATIVE_NODATA:
                        return new Next(exchange.reply(), null, zone);
                    case REFERRAL:
                        Delegation d = Delegation.from(exchange.reply(), verdict.referralZone(), zone);
                        List<NameAndAddresses> next = new ArrayList<>();
                        for (Name ns : d.nameServers()) {
                            next.add(new NameAndAddresses(ns, d.glueFor(ns)));
                        }
                        return new Next(null, next, verdict.referralZone());
                    default:
                        break; // lame or broken: try the next server
                }
            }
        }
        return null;
    }
}
