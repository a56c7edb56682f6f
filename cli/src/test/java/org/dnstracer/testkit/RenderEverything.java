package org.dnstracer.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.dnstracer.model.Section;
import org.dnstracer.model.Trace;
import org.dnstracer.model.TraceNode;
import org.dnstracer.render.JsonRenderer;
import org.dnstracer.render.Trailer;
import org.dnstracer.render.TreePrinter;
import org.dnstracer.render.VerboseDump;

/**
 * Puts a trace through every renderer (tree, verbose tree, every node's verbose dump, trailer with overview, JSON)
 * and checks that the JSON is one well-formed document: whatever a server sent, the output can be produced.
 */
public final class RenderEverything {
    private RenderEverything() {}

    /** @return the plain tree followed by the trailer, as the command prints them */
    public static String render(Trace trace) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        TreePrinter.render(trace, false, out);
        Trailer.render(trace, true, out);
        StringWriter verbose = new StringWriter();
        TreePrinter.render(trace, true, new PrintWriter(verbose));
        for (Section section : trace.sections()) {
            dumpEveryExchange(section.root());
        }
        StringWriter json = new StringWriter();
        JsonRenderer.render(trace, json);
        assertWellFormedJson(json.toString());
        out.flush();
        return text.toString();
    }

    private static void dumpEveryExchange(TraceNode node) {
        if (node.exchange() != null) {
            VerboseDump.render(node.exchange(), new PrintWriter(new StringWriter()));
        }
        node.children().forEach(RenderEverything::dumpEveryExchange);
    }

    public static void assertWellFormedJson(String json) {
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            JsonToken first = parser.nextToken();
            assertThat(first).as("JSON starts with an object").isEqualTo(JsonToken.START_OBJECT);
            parser.skipChildren();
            assertThat(parser.nextToken()).as("nothing after the JSON document").isNull();
        } catch (IOException e) {
            throw new UncheckedIOException("JSON output does not parse: " + e.getMessage(), e);
        }
    }
}
