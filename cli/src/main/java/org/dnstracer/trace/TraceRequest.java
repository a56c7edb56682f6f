package org.dnstracer.trace;

import java.util.Objects;
import org.dnstracer.model.Question;
import org.dnstracer.model.StartServer;

/**
 * Everything the engine needs to know about one run.
 *
 * @param question the user's question
 * @param start the start server
 * @param port destination port of every query
 * @param family which addresses may be queried
 * @param cache ask each server each question once and show repeats as "(cached)"; false re-asks at every place ({@code -c})
 * @param negativeCache also skip every later query to an address that failed ({@code -C})
 * @param followCname trace CNAME targets met in authoritative answers as further sections
 * @param limits bounds of the run
 * @param rootHints where glueless name server names are resolved from
 * @param tries tries per server, as configured in the transport (shown in the header)
 */
public record TraceRequest(Question question, StartServer start, int port, IpFamily family, boolean cache,
        boolean negativeCache, boolean followCname, Limits limits, RootHints rootHints, int tries) {
    public TraceRequest {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(rootHints, "rootHints");
    }
}
