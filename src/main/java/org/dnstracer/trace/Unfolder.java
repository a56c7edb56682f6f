package org.dnstracer.trace;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.dnstracer.model.Question;
import org.dnstracer.model.Status;
import org.dnstracer.model.TraceNode;
import org.dnstracer.model.Verdict;
import org.xbill.DNS.Name;

/**
 * Turns the explored delegation graph into the printed tree, depth first in referral order, waiting for each
 * reply only when its line is next. Whatever order replies arrive in, the tree is the same: which repeat is
 * shown as "(cached)" is decided here, by position, never by timing.
 */
final class Unfolder {
    private record Shown(InetAddress address, Name qname, int qtype, Name zone) {}

    private final Explorer explorer;
    private final TraceRequest request;
    private final TraceListener listener;
    private final Consumer<TraceNode> onAuthoritativeAnswer;
    private final Set<Shown> shownInZone = new HashSet<>();
    private final Set<Shown> shownExpansions = new HashSet<>();
    private boolean depthLimitHit;

    Unfolder(Explorer explorer, TraceRequest request, TraceListener listener, Consumer<TraceNode> onAuthoritativeAnswer) {
        this.explorer = explorer;
        this.request = request;
        this.listener = listener;
        this.onAuthoritativeAnswer = onAuthoritativeAnswer;
    }

    boolean depthLimitHit() {
        return depthLimitHit;
    }

    TraceNode unfold(Edge edge, Question question, List<InetAddress> path, List<Boolean> last) {
        int depth = last.size();
        InetAddress address = edge.address();
        Verdict early = skipVerdict(edge, path, depth);
        if (early != null) {
            return emit(new TraceNode(edge.label(), address, edge.zone(), early, null, List.of()), last);
        }
        Step step = explorer.step(address, question, edge.zone(), depth, path).join();
        Verdict verdict = step.verdict();
        if (request.cache() && isRepeat(address, question, edge.zone(), verdict)) {
            return emit(new TraceNode(edge.label(), address, edge.zone(), Verdict.of(Status.CACHED), null, List.of()), last);
        }
        TraceNode node = emit(new TraceNode(edge.label(), address, edge.zone(), verdict, step.exchange(), List.of()), last);
        if (verdict.status() == Status.AUTHORITATIVE_ANSWER) {
            onAuthoritativeAnswer.accept(node);
        }
        if (!verdict.delegates()) {
            return node;
        }
        List<Edge> edges = step.children().join();
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
    private Verdict skipVerdict(Edge edge, List<InetAddress> path, int depth) {
        InetAddress address = edge.address();
        if (address == null) {
            return Verdict.of(Status.NO_ADDRESS, edge.noAddressReason());
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
