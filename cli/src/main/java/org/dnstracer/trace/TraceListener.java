package org.dnstracer.trace;

import java.util.List;
import org.dnstracer.model.Question;
import org.dnstracer.model.TraceNode;
import org.xbill.DNS.Name;

/**
 * Live progress of a run, in the final order: each callback comes once everything printed before it is final.
 * The engine calls it from the thread that called {@link Tracer#run}.
 */
public interface TraceListener {
    TraceListener NONE = new TraceListener() {};

    /** A section begins: the user's question, or the target of a CNAME ({@code cnameOf} is then its owner). */
    default void sectionStarted(Question question, Name cnameOf) {}

    /**
     * A node's own line is final (its children follow).
     *
     * @param node the node, with no children yet
     * @param last for each level from 1 to the node's depth: whether that ancestor (or the node itself, last) is
     *     the last child of its parent
     */
    default void node(TraceNode node, List<Boolean> last) {}

    /** A section's tree is complete. */
    default void sectionFinished(Question question) {}
}
