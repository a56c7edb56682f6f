package org.dnstracer.trace;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.dnstracer.model.Names;
import org.dnstracer.model.Question;
import org.dnstracer.model.Status;
import org.dnstracer.model.TraceNode;
import org.dnstracer.model.Verdict;
import org.dnstracer.net.Exchange;
import org.dnstracer.net.ServerAddress;
import org.xbill.DNS.Name;

/**
 * Turns the explored delegation graph into the printed tree, depth first in referral order, waiting for each
 * reply only when its line is next. Whatever order replies arrive in, the tree is the same: which repeat is
 * shown as "(cached)" is decided here, by position, never by timing.
 */
final class Unfolder {
    /** equals and hashCode written out, as in Explorer's keys (start-up). */
    private record Shown(InetAddress address, Name qname, int qtype, Name zone) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Shown k && qtype == k.qtype && Objects.equals(address, k.address)
                    && qname.equals(k.qname) && Objects.equals(zone, k.zone);
        }

        @Override
        public int hashCode() {
            return ((Objects.hashCode(address) * 31 + qname.hashCode()) * 31 + qtype) * 31 + Objects.hashCode(zone);
        }
    }

    private final Explorer explorer;
    private final TraceRequest request;
    private final TraceListener listener;
    private final Consumer<TraceNode> onReply;
    private final Set<Shown> shownInZone = new HashSet<>();
    private final Set<Shown> shownExpansions = new HashSet<>();
    /** With -C: addresses whose exchange failed at an earlier line, in tree order (not reply order). */
    private final Set<InetAddress> failedInOrder;
    private final Set<Name> notFollowed = new HashSet<>();
    private final List<String> warnings = new ArrayList<>();
    private boolean depthLimitHit;

    /**
     * @param failedInOrder shared by the sections of one run
     * @param onReply called with each node that got a reply, in tree order
     */
    Unfolder(Explorer explorer, TraceRequest request, TraceListener listener, Set<InetAddress> failedInOrder,
            Consumer<TraceNode> onReply) {
        this.explorer = explorer;
        this.request = request;
        this.listener = listener;
        this.failedInOrder = failedInOrder;
        this.onReply = onReply;
    }

    boolean depthLimitHit() {
        return depthLimitHit;
    }

    /** Bounds met while unfolding, in tree order. */
    List<String> warnings() {
        return warnings;
    }

    TraceNode unfold(Edge edge, Question question, List<InetAddress> path, List<Boolean> last) {
        int depth = last.size();
        InetAddress address = edge.address();
        Verdict early = skipVerdict(edge, question, path, depth);
        if (early != null) {
            Exchange skipped = early.status() == Status.TIMEOUT
                    ? new Exchange(new ServerAddress(address, request.port()), question.name(), question.type(), null,
                            List.of(), true)
                    : null;
            return emit(new TraceNode(edge.label(), address, edge.zone(), early, skipped, List.of()), last);
        }
        Step step = explorer.step(address, question, edge.zone(), depth, path).join();
        if (step.refusedByBudget() || step.exchange() != null && step.exchange().skipped()) {
            // the eager walk could not send it, or skipped it after a failure met elsewhere first: the tree
            // admitted it, so it is asked now, in tree order
            step = explorer.forcedStep(address, question, edge.zone(), depth, path).join();
        }
        Verdict verdict = step.verdict();
        if (request.negativeCache() && step.exchange() != null && !step.exchange().answered()) {
            failedInOrder.add(address);
        }
        if (request.cache() && isRepeat(address, question, edge.zone(), verdict)) {
            return emit(new TraceNode(edge.label(), address, edge.zone(), Verdict.of(Status.CACHED), null, List.of()), last);
        }
        TraceNode node = emit(new TraceNode(edge.label(), address, edge.zone(), verdict, step.exchange(), List.of()), last);
        onReply.accept(node);
        if (!verdict.delegates()) {
            return node;
        }
        Referral referral = step.children().join();
        if (!referral.complete()) {
            referral = explorer.forcedReferral(step).join();
        }
        List<Edge> edges = referral.edges();
        List<InetAddress> childPath = Explorer.append(path, address);
        List<TraceNode> children = new ArrayList<>(edges.size());
        for (int i = 0; i < edges.size(); i++) {
            List<Boolean> childLast = new ArrayList<>(last);
            childLast.add(i == edges.size() - 1);
            children.add(unfold(edges.get(i), question, childPath, childLast));
        }
        return node.withChildren(children);
    }

    /** Why this edge is not asked at all, or null when it is. */
    private Verdict skipVerdict(Edge edge, Question question, List<InetAddress> path, int depth) {
        InetAddress address = edge.address();
        if (edge.blocked() != null) {
            if (edge.blocked().status() == Status.LIMIT && notFollowed.add(edge.zone())) {
                warnings.add("referral to " + Names.display(edge.zone()) + " names more than "
                        + request.limits().maxNameServers() + " name servers: the rest are not followed (--max-ns)");
            }
            return edge.blocked();
        }
        if (!request.family().allows(address)) {
            return Verdict.of(Status.NOT_QUERIED,
                    request.family() == IpFamily.V4_ONLY ? "IPv6 not queried" : "IPv4 not queried");
        }
        if (path.contains(address)) {
            return Verdict.of(Status.LOOP, "already asked on this path");
        }
        if (depth > request.limits().maxDepth()) {
            depthLimitHit = true;
            return Verdict.of(Status.LIMIT, "maximum depth " + request.limits().maxDepth() + " reached");
        }
        if (request.negativeCache() && failedInOrder.contains(address)
                && !shownInZone.contains(new Shown(address, question.name(), question.type(), edge.zone()))) {
            return Verdict.of(Status.TIMEOUT, "failed earlier in this run, not asked again (-C)");
        }
        if (!explorer.admit(explorer.key(address, question, path))) {
            return Verdict.of(Status.LIMIT, "query limit reached, not asked");
        }
        return null;
    }

    /*
     * A repeat is the same question to the same address shown above for the same zone, or leading to the same
     * delegation: showing it again would print the same subtree twice. The same server met for another zone is
     * shown, because what it says about that zone (lame, say) is news.
     */
    private boolean isRepeat(InetAddress address, Question question, Name zone, Verdict verdict) {
        boolean newInZone = shownInZone.add(new Shown(address, question.name(), question.type(), zone));
        if (!newInZone) {
            return true;
        }
        return verdict.delegates()
                && !shownExpansions.add(new Shown(address, question.name(), question.type(), verdict.referralZone()));
    }

    private TraceNode emit(TraceNode node, List<Boolean> last) {
        listener.node(node, List.copyOf(last));
        return node;
    }
}
