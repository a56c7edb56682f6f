package org.dnstracer.findings;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.dnstracer.model.Question;
import org.dnstracer.model.Status;
import org.dnstracer.model.Trace;
import org.dnstracer.model.TraceNode;
import org.dnstracer.net.Exchange;
import org.dnstracer.net.Protocol;
import org.dnstracer.net.ServerAddress;
import org.dnstracer.net.Transport;
import org.dnstracer.trace.Delegation;
import org.dnstracer.trace.NameLookups;
import org.dnstracer.trace.TraceRequest;
import org.dnstracer.trace.ZoneDelegation;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.GenericEDNSOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSIDOption;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The {@code --check} probes: for every zone cut on the traced paths, a few questions to every child server
 * address (and one to every parent address), all sent at once through the run's transport, each (address,
 * question) once, within what is left of the run's query budget.
 */
public final class Checker {
    /** A name under the reserved .invalid TLD (RFC 6761): no zone of any server holds it. */
    static final Name RECURSION_PROBE = Name.fromConstantString("recursion-probe.dnstracer.invalid.");
    private static final int EDNS_PAYLOAD = 1232;
    /** The option code ISC's EDNS compliance test sends ({@code dig +ednsopt=100}): unassigned. */
    static final int UNKNOWN_OPTION = 100;
    /** The EDNS flag ISC's test sets ({@code dig +ednsflags=0x80}): must be zero, and cleared in the reply. */
    static final int UNKNOWN_FLAG = 0x80;
    /** A type of the private-use range (RFC 6895 §3.1): no server knows it, every server must answer it. */
    static final int UNKNOWN_TYPE = 65280;
    static final Name VERSION_BIND = Name.fromConstantString("version.bind.");
    /** An unassigned opcode ({@code dig +opcode=15}). */
    static final int UNKNOWN_OPCODE = 15;
    /** The buffer of ISC's test "edns512" ({@code dig +bufsize=512 +dnssec DNSKEY}): the size without EDNS. */
    static final int SMALL_BUFFER = 512;

    private record Key(InetAddress address, Probe probe, Name qname) {}

    private final Transport transport;
    private final int port;
    private final boolean axfr;
    private final boolean consistency;
    private final Map<Key, CompletableFuture<Exchange>> sent = new LinkedHashMap<>();
    /** Every address the trace met as a server of each zone, failed or not. */
    private final Map<Name, Set<InetAddress>> servedBy = new LinkedHashMap<>();
    /** Where names are looked up from (root hints, family, limits), or null: no look-ups. */
    private final TraceRequest lookupRequest;
    private int budget;
    private int notSent;
    /** The delegation given with --ns (zone mode), which stands in for the parent's; null for none. */
    private Delegation given;

    /**
     * @param budget the most probes to send (the run's query limit minus the trace's queries)
     * @param axfr try a zone transfer from every child server ({@code --axfr})
     * @param consistency send the consistency probes ({@code --check})
     */
    public Checker(Transport transport, int port, int budget, boolean axfr, boolean consistency) {
        this(transport, port, budget, axfr, consistency, null);
    }

    /**
     * @param lookupRequest the run's request, whose root hints the {@code --check} look-ups start from (name server
     *     names, SOA MNAME, MX targets); null sends none
     */
    public Checker(Transport transport, int port, int budget, boolean axfr, boolean consistency,
            TraceRequest lookupRequest) {
        this.transport = transport;
        this.port = port;
        this.budget = budget;
        this.axfr = axfr;
        this.consistency = consistency;
        this.lookupRequest = lookupRequest;
    }

    /**
     * Pre-delegation testing ({@code --ns}): the given delegation is the parent's NS set and glue of its zone, and
     * the parents whose reply it replaced are not probed for a referral they never gave.
     */
    public Checker withGivenDelegation(Delegation delegation) {
        this.given = delegation;
        return this;
    }

    private static final class Cut {
        final Name zone;
        final Set<Name> parentNs = new LinkedHashSet<>();
        final Map<Name, List<InetAddress>> glue = new LinkedHashMap<>();
        final Map<InetAddress, String> parents = new LinkedHashMap<>();
        final Map<InetAddress, Question> parentQuestion = new LinkedHashMap<>();
        final Map<InetAddress, String> children = new LinkedHashMap<>();

        Cut(Name zone) {
            this.zone = zone;
        }
    }

    public ProbeResults run(Trace trace) {
        List<TreeWalk> walk = TreeWalk.of(trace);
        // a server that failed in the trace is already a finding; probing it again would only wait for timeouts
        Set<InetAddress> failed = new java.util.HashSet<>();
        for (TreeWalk w : walk) {
            Status s = w.node().status();
            if (w.node().address() != null && (s == Status.TIMEOUT || s == Status.UNREACHABLE
                    || s == Status.SEND_ERROR || s == Status.MALFORMED)) {
                failed.add(w.node().address());
            }
        }
        Map<Name, Cut> cuts = new LinkedHashMap<>();
        for (TreeWalk w : walk) {
            TraceNode node = w.node();
            if (!node.verdict().delegates() || node.exchange() == null || !node.exchange().answered()
                    || node.children().isEmpty() || node.address() == null) {
                continue;
            }
            Name zone = node.verdict().referralZone();
            Cut cut = cuts.computeIfAbsent(zone, Cut::new);
            boolean givenHere = given != null && zone.equals(given.zone())
                    && ZoneDelegation.isGiven(node.verdict());
            Delegation d = givenHere ? given : Delegation.from(node.exchange().reply(), zone, null);
            cut.parentNs.addAll(d.nameServers());
            d.glue().forEach((name, addresses) -> {
                List<InetAddress> known = cut.glue.computeIfAbsent(name, n -> new ArrayList<>());
                addresses.stream().filter(a -> !known.contains(a)).forEach(known::add);
            });
            if (!givenHere) {
                cut.parents.putIfAbsent(node.address(), node.server());
                cut.parentQuestion.putIfAbsent(node.address(), w.section().question());
            }
            for (TraceNode child : node.children()) {
                if (child.address() != null) {
                    servedBy.computeIfAbsent(zone, z -> new java.util.HashSet<>()).add(child.address());
                }
                if (child.address() != null && child.status() != Status.NOT_QUERIED
                        && !failed.contains(child.address())) {
                    cut.children.putIfAbsent(child.address(), child.server());
                }
            }
        }
        // send everything first, then wait: every probe of every cut is in flight at once
        record Planned(Cut cut, List<Map<Probe, CompletableFuture<Exchange>>> parents,
                List<Map<Probe, CompletableFuture<Exchange>>> children) {}
        List<Planned> planned = new ArrayList<>();
        for (Cut cut : cuts.values()) {
            List<Map<Probe, CompletableFuture<Exchange>>> parents = new ArrayList<>();
            cut.parents.forEach((address, server) -> {
                Map<Probe, CompletableFuture<Exchange>> p = new EnumMap<>(Probe.class);
                Question q = cut.parentQuestion.get(address);
                if (consistency) {
                    send(p, address, Probe.REFERRAL_NO_EDNS, query(q.name(), q.type(), -1, false), Protocol.UDP);
                }
                parents.add(p);
            });
            List<Map<Probe, CompletableFuture<Exchange>>> children = new ArrayList<>();
            cut.children.forEach((address, server) -> children.add(childProbes(cut, address, server)));
            planned.add(new Planned(cut, parents, children));
        }
        List<CutProbes> results = new ArrayList<>();
        for (Planned p : planned) {
            List<ServerProbes> parents = collect(p.cut().parents, p.parents());
            List<ServerProbes> children = collect(p.cut().children, p.children());
            results.add(new CutProbes(p.cut().zone, new ArrayList<>(p.cut().parentNs), p.cut().glue, parents,
                    children));
        }
        if (!consistency || lookupRequest == null || results.isEmpty()) {
            return new ProbeResults(results, notSent);
        }
        Map<Name, HostAnswers> hosts = lookUp(results);
        return new ProbeResults(askPrimaries(results, hosts), notSent, hosts);
    }

    /**
     * Looks up, from the root hints, every name whose own zone must be asked: name servers out of the zone's
     * bailiwick (their glue, if any, is only the parent's copy), names only the child lists (the parent's referral
     * never resolved them), each SOA MNAME and MX target. All at once, within what the probes left of the budget.
     */
    private Map<Name, HostAnswers> lookUp(List<CutProbes> cuts) {
        Set<Name> names = new LinkedHashSet<>();
        for (CutProbes cut : cuts) {
            names.addAll(CheckedNames.of(cut));
        }
        Map<Name, HostAnswers> hosts = new LinkedHashMap<>();
        if (names.isEmpty() || budget <= 0) {
            return hosts;
        }
        record Pending(Name name, CompletableFuture<NameLookups.Answer> a, CompletableFuture<NameLookups.Answer> aaaa) {}
        try (NameLookups lookups = new NameLookups(transport, lookupRequest, budget)) {
            List<Pending> pending = new ArrayList<>();
            for (Name name : names) {
                pending.add(new Pending(name,
                        lookupRequest.family().wantsA() ? lookups.answer(name, Type.A) : null,
                        lookupRequest.family().wantsAaaa() ? lookups.answer(name, Type.AAAA) : null));
            }
            for (Pending p : pending) {
                hosts.put(p.name(), new HostAnswers(p.name(), p.a() == null ? null : p.a().join(),
                        p.aaaa() == null ? null : p.aaaa().join()));
            }
            budget -= lookups.queries();
        }
        return hosts;
    }

    /**
     * Asks each address of each zone's SOA MNAME that is none of the zone's servers for the zone's SOA: the primary
     * should answer it authoritatively.
     */
    private List<CutProbes> askPrimaries(List<CutProbes> cuts, Map<Name, HostAnswers> hosts) {
        record Planned(CutProbes cut, Map<InetAddress, String> servers,
                List<Map<Probe, CompletableFuture<Exchange>>> futures) {}
        List<Planned> planned = new ArrayList<>();
        for (CutProbes cut : cuts) {
            Map<InetAddress, String> servers = new LinkedHashMap<>();
            List<Map<Probe, CompletableFuture<Exchange>>> futures = new ArrayList<>();
            for (Name mname : CheckedNames.mnames(cut)) {
                HostAnswers host = hosts.get(mname);
                if (host == null || host.cname() != null) {
                    continue;
                }
                for (InetAddress address : host.addresses()) {
                    // a primary that is also one of the zone's servers was judged as such, by the trace and probes
                    if (servers.containsKey(address) || !lookupRequest.family().allows(address)
                            || servedBy.getOrDefault(cut.zone(), Set.of()).contains(address)) {
                        continue;
                    }
                    servers.put(address, org.dnstracer.model.Names.display(mname));
                    Map<Probe, CompletableFuture<Exchange>> p = new EnumMap<>(Probe.class);
                    send(p, address, Probe.MNAME_SOA, query(cut.zone(), Type.SOA, -1, false), Protocol.UDP);
                    futures.add(p);
                }
            }
            planned.add(new Planned(cut, servers, futures));
        }
        List<CutProbes> out = new ArrayList<>();
        for (Planned p : planned) {
            CutProbes c = p.cut();
            out.add(new CutProbes(c.zone(), c.parentNameServers(), c.glue(), c.parents(), c.children(),
                    collect(p.servers(), p.futures())));
        }
        return out;
    }

    private Map<Probe, CompletableFuture<Exchange>> childProbes(Cut cut, InetAddress address, String server) {
        Map<Probe, CompletableFuture<Exchange>> p = new EnumMap<>(Probe.class);
        Name zone = cut.zone;
        if (axfr) {
            send(p, address, Probe.AXFR, query(zone, Type.AXFR, -1, false), Protocol.TCP);
        }
        if (!consistency) {
            return p;
        }
        send(p, address, Probe.NS, query(zone, Type.NS, 0, false), Protocol.UDP);
        send(p, address, Probe.SOA, query(zone, Type.SOA, 0, false), Protocol.UDP);
        send(p, address, Probe.SOA_TCP, query(zone, Type.SOA, 0, false), Protocol.TCP);
        send(p, address, Probe.SOA_EDNS1, query(zone, Type.SOA, 1, false), Protocol.UDP);
        send(p, address, Probe.SOA_EDNS_OPTION, withOpt(zone, new OPTRecord(EDNS_PAYLOAD, 0, 0, 0,
                List.of(new GenericEDNSOption(UNKNOWN_OPTION, new byte[0])))), Protocol.UDP);
        send(p, address, Probe.SOA_EDNS_FLAG, withOpt(zone, new OPTRecord(EDNS_PAYLOAD, 0, 0, UNKNOWN_FLAG)),
                Protocol.UDP);
        Message opcode = query(zone, Type.SOA, -1, false);
        opcode.getHeader().setOpcode(UNKNOWN_OPCODE);
        send(p, address, Probe.UNKNOWN_OPCODE, opcode, Protocol.UDP);
        send(p, address, Probe.QNAME_CASE, query(mixedCase(zone), Type.SOA, 0, false), Protocol.UDP);
        Message version = query(VERSION_BIND, Type.TXT, 0, false);
        version.removeAllRecords(Section.QUESTION);
        version.addRecord(Record.newRecord(VERSION_BIND, Type.TXT, DClass.CH), Section.QUESTION);
        send(p, address, Probe.VERSION_BIND, version, Protocol.UDP);
        send(p, address, Probe.RECURSION, query(RECURSION_PROBE, Type.A, 0, true), Protocol.UDP);
        send(p, address, Probe.SOA_DO, withOpt(zone, new OPTRecord(EDNS_PAYLOAD, 0, 0, ExtendedFlags.DO)),
                Protocol.UDP);
        send(p, address, Probe.NSID, withOpt(zone, new OPTRecord(EDNS_PAYLOAD, 0, 0, 0, List.of(new NSIDOption(new byte[0])))),
                Protocol.UDP);
        // EDNS over TCP unanswered: plain TCP tells a server without TCP from one that drops EDNS over TCP
        sendAfter(p, address, Probe.SOA_TCP, e -> !e.answered(), Probe.SOA_TCP_PLAIN,
                query(zone, Type.SOA, -1, false), Protocol.TCP);
        Message small = query(zone, Type.DNSKEY, -1, false);
        small.addRecord(new OPTRecord(SMALL_BUFFER, 0, 0, ExtendedFlags.DO), Section.ADDITIONAL);
        send(p, address, Probe.BUFFER_512, small, Protocol.UDP);
        sendAfter(p, address, Probe.BUFFER_512, e -> e.answered() && e.reply().getHeader().getFlag(Flags.TC),
                Probe.BUFFER_512_TCP, small, Protocol.TCP);
        if (lookupRequest != null) {
            send(p, address, Probe.MX, query(zone, Type.MX, 0, false), Protocol.UDP);
        }
        Name own = ownName(server);
        if (own != null && own.subdomain(zone) && cut.parentNs.contains(own)) {
            send(p, address, Probe.ADDRESS_A, query(own, Type.A, 0, false), Protocol.UDP);
            send(p, address, Probe.ADDRESS_AAAA, query(own, Type.AAAA, 0, false), Protocol.UDP);
            send(p, address, Probe.UNKNOWN_TYPE, query(own, UNKNOWN_TYPE, 0, false), Protocol.UDP);
        }
        return p;
    }

    private static Name ownName(String server) {
        try {
            return Name.fromString(server, Name.root);
        } catch (org.xbill.DNS.TextParseException e) {
            return null; // a start server given as an address has no name to ask about
        }
    }

    private void send(Map<Probe, CompletableFuture<Exchange>> into, InetAddress address, Probe probe, Message query,
            Protocol protocol) {
        once(into, address, probe, query, () -> transport.probe(new ServerAddress(address, port), query, protocol));
    }

    /** Each (address, probe, name) once, within the budget: a probe beyond it is counted as not sent. */
    private void once(Map<Probe, CompletableFuture<Exchange>> into, InetAddress address, Probe probe, Message query,
            Supplier<CompletableFuture<Exchange>> sending) {
        Key key = new Key(address, probe, query.getQuestion().getName());
        CompletableFuture<Exchange> existing = sent.get(key);
        if (existing == null) {
            if (budget <= 0) {
                notSent++;
                return;
            }
            budget--;
            existing = sending.get();
            sent.put(key, existing);
        }
        into.put(probe, existing);
    }

    /**
     * Sends {@code probe} once the reply to {@code first} (already sent into {@code into}) meets {@code when}; the
     * query is counted against the budget now, sent or not, so the run never exceeds it.
     */
    private void sendAfter(Map<Probe, CompletableFuture<Exchange>> into, InetAddress address, Probe first,
            Predicate<Exchange> when, Probe probe, Message query, Protocol protocol) {
        CompletableFuture<Exchange> before = into.get(first);
        if (before == null) {
            return;
        }
        ServerAddress server = new ServerAddress(address, port);
        once(into, address, probe, query, () -> before.thenCompose(e -> e != null && when.test(e)
                ? transport.probe(server, query, protocol) : CompletableFuture.completedFuture(null)));
    }

    private static List<ServerProbes> collect(Map<InetAddress, String> servers,
            List<Map<Probe, CompletableFuture<Exchange>>> futures) {
        List<ServerProbes> out = new ArrayList<>();
        int i = 0;
        for (Map.Entry<InetAddress, String> e : servers.entrySet()) {
            Map<Probe, Exchange> done = new EnumMap<>(Probe.class);
            futures.get(i++).forEach((probe, future) -> {
                Exchange exchange = future.join();
                if (exchange != null) { // null: a follow-up its first probe's reply did not call for
                    done.put(probe, exchange);
                }
            });
            out.add(new ServerProbes(e.getValue(), e.getKey(), done));
        }
        return out;
    }

    /** The name with every other letter in upper case ("ExAmPlE.CoM."), the root as it is. */
    static Name mixedCase(Name name) {
        if (name.equals(Name.root)) {
            return name;
        }
        StringBuilder text = new StringBuilder(name.toString());
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c) && c < 128) {
                text.setCharAt(i, letters++ % 2 == 0 ? Character.toUpperCase(c) : Character.toLowerCase(c));
            }
        }
        try {
            return Name.fromString(text.toString());
        } catch (org.xbill.DNS.TextParseException e) {
            return name; // escapes in the name: ask it as it is
        }
    }

    /** A SOA query for the zone, RD=0, with the given OPT record. */
    private static Message withOpt(Name zone, OPTRecord opt) {
        Message m = query(zone, Type.SOA, -1, false);
        m.addRecord(opt, Section.ADDITIONAL);
        return m;
    }

    /** A query with RD as given and an OPT record of the given EDNS version (-1: none). */
    static Message query(Name name, int type, int ednsVersion, boolean rd) {
        Message m = Message.newQuery(Record.newRecord(name, type, DClass.IN));
        if (!rd) {
            m.getHeader().unsetFlag(Flags.RD);
        }
        if (ednsVersion >= 0) {
            m.addRecord(new OPTRecord(EDNS_PAYLOAD, 0, ednsVersion, 0), Section.ADDITIONAL);
        }
        return m;
    }
}
