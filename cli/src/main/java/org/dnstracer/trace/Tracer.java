package org.dnstracer.trace;

import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.dnstracer.model.Names;
import org.dnstracer.model.Question;
import org.dnstracer.model.Section;
import org.dnstracer.model.StartServer;
import org.dnstracer.model.Status;
import org.dnstracer.model.Trace;
import org.dnstracer.model.TraceNode;
import org.dnstracer.model.TraceStats;
import org.dnstracer.model.Verdict;
import org.dnstracer.net.IpAddresses;
import org.dnstracer.net.Transport;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * Runs one trace: the user's question from the start server down every delegation path, then each CNAME target
 * met in an authoritative answer as a further section. Never prints; progress goes to a {@link TraceListener}.
 */
public final class Tracer {
    /** How the warning of a run cut by {@code --max-time} begins (a saved run records that it was cut). */
    public static final String TIME_LIMIT_WARNING = "time limit of ";

    private final Transport transport;
    private final SharedState shared;
    private final ZoneDelegation zoneDelegation;

    public Tracer(Transport transport) {
        this(transport, null);
    }

    /**
     * A tracer whose runs share what they learn through {@code shared} (referrals, glueless addresses, silent
     * servers): for many traces in one process. Null shares nothing, as {@link #Tracer(Transport)}.
     */
    public Tracer(Transport transport, SharedState shared) {
        this(transport, shared, null);
    }

    private Tracer(Transport transport, SharedState shared, ZoneDelegation zoneDelegation) {
        this.transport = transport;
        this.shared = shared;
        this.zoneDelegation = zoneDelegation;
    }

    /**
     * A tracer whose runs follow zone mode's delegation of one zone: the {@code --ns} servers instead of the
     * parent's reply, and the child's NS set besides the parent's (see {@link ZoneDelegation}).
     */
    public Tracer forZone(ZoneDelegation delegation) {
        return new Tracer(transport, shared, delegation);
    }

    public Trace run(TraceRequest request, TraceListener listener) {
        long startNanos = System.nanoTime();
        Explorer explorer = new Explorer(transport, request, shared, zoneDelegation);
        try {
            return trace(request, listener, explorer, startNanos);
        } finally {
            explorer.close();
        }
    }

    /**
     * Looks a host's addresses up iteratively from the root hints (for {@code -s NAME}); never asks the system
     * resolver.
     */
    public List<InetAddress> lookup(Name host, RootHints hints, IpFamily family, int port) {
        TraceRequest request = new TraceRequest(new Question(host, Type.A),
                new StartServer(Names.display(host), null, null), port, family, true, false, false, Limits.defaults(),
                hints, 1);
        Explorer explorer = new Explorer(transport, request, shared);
        try {
            return explorer.lookups().addresses(host, Set.of(), false).join().addresses();
        } finally {
            explorer.close();
        }
    }

    private record Pending(Question question, Name cnameOf) {}

    private Trace trace(TraceRequest request, TraceListener listener, Explorer explorer, long startNanos) {
        StartServer start = request.start();
        Edge startEdge = new Edge(start.label(), start.address(), start.zone(),
                start.address() == null ? Verdict.of(Status.NO_ADDRESS, "no address") : null);
        List<String> warnings = new ArrayList<>();
        List<Section> sections = new ArrayList<>();
        Deque<Pending> pending = new ArrayDeque<>();
        Set<Name> traced = new HashSet<>();
        Set<InetAddress> failedInOrder = new HashSet<>();
        pending.add(new Pending(request.question(), null));
        traced.add(request.question().name());
        boolean depthLimitHit = false;
        while (!pending.isEmpty()) {
            Pending next = pending.removeFirst();
            Question question = next.question();
            List<Name> targets = new ArrayList<>();
            Unfolder unfolder = new Unfolder(explorer, request, listener, failedInOrder, node -> {
                if (!node.status().isAuthoritative()) {
                    return;
                }
                Optional<Name> target = CnameChain.followedTarget(node.status(), node.exchange().reply(), question,
                        node.zone());
                if (request.followCname() && target.isPresent() && !targets.contains(target.get())) {
                    targets.add(target.get());
                    if (!traced.contains(target.get()) && start.address() != null) {
                        // start the CNAME target's section now, while this tree is still being printed
                        explorer.step(start.address(), new Question(target.get(), question.type()), start.zone(), 0,
                                List.of());
                    }
                }
            });
            listener.sectionStarted(question, next.cnameOf());
            TraceNode root = unfolder.unfold(startEdge, question, List.of(), List.of());
            listener.sectionFinished(question);
            Section section = new Section(question, next.cnameOf(), root);
            sections.add(section);
            warnings.addAll(unfolder.warnings());
            depthLimitHit |= unfolder.depthLimitHit();
            for (Name target : targets) {
                if (!traced.add(target)) {
                    continue; // a loop across zones: a finding (CNAME_LOOP), nothing more to trace
                }
                if (sections.size() + pending.size() > request.limits().maxCnameChain()) {
                    warnings.add("CNAME chain longer than " + request.limits().maxCnameChain() + ": "
                            + Names.display(target) + " not traced");
                } else {
                    pending.add(new Pending(new Question(target, question.type()), question.name()));
                }
            }
        }
        if (depthLimitHit) {
            warnings.add("maximum delegation depth of " + request.limits().maxDepth() + " reached: deeper servers not asked");
        }
        if (explorer.queryLimitHit()) {
            warnings.add("maximum of " + request.limits().maxQueries() + " queries reached: some servers not asked");
        }
        if (explorer.timeIsUp()) {
            warnings.add(TIME_LIMIT_WARNING + request.limits().maxTime().toSeconds()
                    + " s reached (--max-time): unfinished servers are marked so");
        }
        long elapsed = (System.nanoTime() - startNanos) / 1_000_000;
        return new Trace(start, request.tries(), request.port(), sections, warnings,
                new TraceStats(explorer.queriesStarted(), elapsed));
    }
}
