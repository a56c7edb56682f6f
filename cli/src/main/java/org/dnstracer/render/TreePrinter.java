package org.dnstracer.render;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.dnstracer.model.Question;
import org.dnstracer.model.Section;
import org.dnstracer.model.StartServer;
import org.dnstracer.model.Trace;
import org.dnstracer.model.TraceNode;
import org.dnstracer.trace.TraceListener;
import org.xbill.DNS.Name;

/**
 * Prints the classic tree. The same object prints live (as a {@link TraceListener}, each line as soon as it is
 * final) and from a finished {@link Trace}, so both give the same text.
 */
public final class TreePrinter implements TraceListener {
    private final PrintWriter out;
    private final boolean verbose;
    private final StartServer start;
    private final int tries;
    private final Function<TraceNode, String> suffix;
    private Question current;
    private int sections;

    public TreePrinter(PrintWriter out, boolean verbose, StartServer start, int tries) {
        this(out, verbose, start, tries, node -> "");
    }

    private TreePrinter(PrintWriter out, boolean verbose, StartServer start, int tries,
            Function<TraceNode, String> suffix) {
        this.out = out;
        this.verbose = verbose;
        this.start = start;
        this.tries = tries;
        this.suffix = suffix;
    }

    /** Prints a finished trace's sections. */
    public static void render(Trace trace, boolean verbose, PrintWriter out) {
        render(trace, verbose, out, node -> "");
    }

    /** Prints a finished trace's sections, each node line followed by {@code suffix} of the node (never null). */
    public static void render(Trace trace, boolean verbose, PrintWriter out, Function<TraceNode, String> suffix) {
        TreePrinter printer = new TreePrinter(out, verbose, trace.start(), trace.tries(), suffix);
        for (Section section : trace.sections()) {
            printer.sectionStarted(section.question(), section.cnameOf());
            printer.walk(section.root(), new ArrayList<>());
            printer.sectionFinished(section.question());
        }
    }

    private void walk(TraceNode node, List<Boolean> last) {
        // the suffix is looked up on the node itself: renderers may key their data by node identity
        print(node.withChildren(List.of()), List.copyOf(last), suffix.apply(node));
        for (int i = 0; i < node.children().size(); i++) {
            last.add(i == node.children().size() - 1);
            walk(node.children().get(i), last);
            last.remove(last.size() - 1);
        }
    }

    @Override
    public void sectionStarted(Question question, Name cnameOf) {
        if (sections++ > 0) {
            out.println();
        }
        current = question;
        out.println(TreeLines.header(question, cnameOf, start, tries));
        out.flush();
    }

    @Override
    public void node(TraceNode node, List<Boolean> last) {
        print(node, last, suffix.apply(node));
    }

    private void print(TraceNode node, List<Boolean> last, String after) {
        out.println(TreeLines.line(node, current, last) + after);
        if (verbose && node.exchange() != null) {
            VerboseDump.render(node.exchange(), out);
        }
        out.flush();
    }
}
