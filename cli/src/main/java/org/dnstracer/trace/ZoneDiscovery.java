package org.dnstracer.trace;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import org.dnstracer.model.Question;
import org.dnstracer.net.Exchange;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Finds the servers of the zone that encloses a name through a resolver that answers without referrals (a
 * stub like systemd-resolved, minimal responses, or one that refuses RD=0 queries): SOA questions up the name
 * until a zone shows itself, then its NS RRset, then the addresses of each name server, all asked with RD=1 of
 * that same resolver. The user chose that resolver as the start, so its answers are taken as they come.
 */
final class ZoneDiscovery {
    private final BiFunction<InetAddress, Question, CompletableFuture<Exchange>> ask;
    private final IpFamily family;
    private final int maxNameServers;

    /** @param ask sends one RD=1 question to the resolver; completes with null when the budget is spent */
    ZoneDiscovery(BiFunction<InetAddress, Question, CompletableFuture<Exchange>> ask, IpFamily family,
            int maxNameServers) {
        this.ask = ask;
        this.family = family;
        this.maxNameServers = maxNameServers;
    }

    /** The delegation of the closest enclosing zone as the resolver sees it, or null when it would not say. */
    CompletableFuture<Delegation> discover(InetAddress resolver, Name name) {
        return zoneOf(resolver, name).thenCompose(zone -> zone == null
                ? CompletableFuture.completedFuture(null)
                : ask.apply(resolver, new Question(zone, Type.NS))
                        .thenCompose(reply -> servers(resolver, zone, answer(reply))));
    }

    private CompletableFuture<Name> zoneOf(InetAddress resolver, Name name) {
        return ask.apply(resolver, new Question(name, Type.SOA)).thenCompose(exchange -> {
            Message reply = answer(exchange);
            if (reply == null) {
                return CompletableFuture.completedFuture(null);
            }
            Name zone = soaOwner(reply, name);
            if (zone != null || name.labels() <= 1) {
                return CompletableFuture.completedFuture(zone);
            }
            return zoneOf(resolver, new Name(name, 1));
        });
    }

    /** The owner of a SOA record at or above the name: in the answer (the name is a zone) or the authority. */
    private static Name soaOwner(Message reply, Name name) {
        for (int section : new int[] {Section.ANSWER, Section.AUTHORITY}) {
            for (Record r : reply.getSection(section)) {
                if (r.getType() == Type.SOA && name.subdomain(r.getName())) {
                    return r.getName();
                }
            }
        }
        return null;
    }

    private CompletableFuture<Delegation> servers(InetAddress resolver, Name zone, Message nsReply) {
        if (nsReply == null) {
            return CompletableFuture.completedFuture(null);
        }
        Set<Name> names = new LinkedHashSet<>();
        for (Record r : nsReply.getSection(Section.ANSWER)) {
            if (r instanceof NSRecord ns && r.getName().equals(zone)) {
                names.add(ns.getTarget());
            }
        }
        if (names.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        Map<Name, CompletableFuture<List<InetAddress>>> addresses = new LinkedHashMap<>();
        for (Name ns : names.stream().limit(maxNameServers).toList()) {
            CompletableFuture<List<InetAddress>> v4 = family.wantsA() ? addresses(resolver, ns, Type.A) : none();
            CompletableFuture<List<InetAddress>> v6 = family.wantsAaaa() ? addresses(resolver, ns, Type.AAAA) : none();
            addresses.put(ns, v4.thenCombine(v6, (a, b) -> {
                List<InetAddress> all = new ArrayList<>(a);
                all.addAll(b);
                return all;
            }));
        }
        return CompletableFuture.allOf(addresses.values().toArray(CompletableFuture[]::new)).thenApply(v -> {
            Map<Name, List<InetAddress>> glue = new LinkedHashMap<>();
            addresses.forEach((ns, found) -> {
                if (!found.join().isEmpty()) {
                    glue.put(ns, found.join());
                }
            });
            return new Delegation(zone, new ArrayList<>(names), glue);
        });
    }

    private CompletableFuture<List<InetAddress>> addresses(InetAddress resolver, Name host, int type) {
        return ask.apply(resolver, new Question(host, type)).thenApply(exchange -> {
            Message reply = answer(exchange);
            List<InetAddress> found = new ArrayList<>();
            if (reply != null) {
                Name end = CnameChain.walk(reply, host, null).end();
                for (Record r : reply.getSection(Section.ANSWER)) {
                    if (r.getName().equals(end) && r instanceof ARecord a) {
                        found.add(a.getAddress());
                    } else if (r.getName().equals(end) && r instanceof AAAARecord aaaa) {
                        found.add(aaaa.getAddress());
                    }
                }
            }
            return found;
        }).exceptionally(error -> List.of());
    }

    /** The reply when there is a usable one (NOERROR or NXDOMAIN), else null. */
    private static Message answer(Exchange exchange) {
        if (exchange == null || !exchange.answered()) {
            return null;
        }
        int rcode = exchange.reply().getRcode();
        return rcode == Rcode.NOERROR || rcode == Rcode.NXDOMAIN ? exchange.reply() : null;
    }

    private static CompletableFuture<List<InetAddress>> none() {
        return CompletableFuture.completedFuture(List.of());
    }
}
