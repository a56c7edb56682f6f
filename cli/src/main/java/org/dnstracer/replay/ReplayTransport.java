package org.dnstracer.replay;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.dnstracer.net.Attempt;
import org.dnstracer.net.AttemptResult;
import org.dnstracer.net.EdnsFallback;
import org.dnstracer.net.Exchange;
import org.dnstracer.net.Protocol;
import org.dnstracer.net.ServerAddress;
import org.dnstracer.net.Transport;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * A transport that sends nothing: it answers each question with the exchange a saved run got for it, so the engine
 * and the renderers run on exactly the live run's exchanges. Questions are matched on (phase, kind, server address
 * and port, name, type, the place in the tree with {@code -c}; for a probe also protocol, flags and OPT record); a
 * question asked several times with the same key gets its recorded exchanges in the order they were asked. A question the saved run never asked gets
 * an exchange whose one try is a send error "not in the saved trace". Replies complete on a thread of this
 * transport, not the caller's, as the real transport's do.
 */
public final class ReplayTransport implements Transport {
    /** The detail of the send error a question gets when the saved run did not ask it. */
    public static final String NOT_IN_SAVED_TRACE = "not in the saved trace";

    private final Map<RecordedExchange.Key, Deque<RecordedExchange>> queues = new HashMap<>();
    private final List<Runnable> neverAnswered = new ArrayList<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "dnstracer-replay");
        t.setDaemon(true);
        return t;
    });
    private final boolean missingNeverArrive;
    private Phase phase = Phase.TRACE;
    private boolean closed;

    public ReplayTransport(List<RecordedExchange> recorded) {
        this(recorded, false);
    }

    /**
     * @param missingNeverArrive leave a question the saved run did not ask unanswered until {@link #close()}, as a
     *     late one: for a run cut by its time limit, where such a question is one it had no time left to ask
     */
    public ReplayTransport(List<RecordedExchange> recorded, boolean missingNeverArrive) {
        this.missingNeverArrive = missingNeverArrive;
        for (RecordedExchange r : recorded) {
            queues.computeIfAbsent(r.key(), k -> new ArrayDeque<>()).add(r);
        }
    }

    /** The step of the run that asks from now on: each step is answered from its own exchanges. */
    public synchronized void phase(Phase next) {
        phase = next;
    }

    @Override
    public CompletableFuture<Exchange> exchange(ServerAddress server, Name qname, int qtype) {
        return answer(Kind.EXCHANGE, server, qname, qtype, List.of(), null, null);
    }

    @Override
    public CompletableFuture<Exchange> exchange(ServerAddress server, Name qname, int qtype, List<InetAddress> via) {
        return answer(Kind.EXCHANGE, server, qname, qtype, via, null, null);
    }

    @Override
    public CompletableFuture<Exchange> exchangeRecursive(ServerAddress server, Name qname, int qtype) {
        return answer(Kind.RECURSIVE, server, qname, qtype, List.of(), null, null);
    }

    @Override
    public CompletableFuture<Exchange> probe(ServerAddress server, Message query, Protocol protocol) {
        Record q = query.getQuestion();
        return answer(Kind.PROBE, server, q.getName(), q.getType(), List.of(), protocol, query.toWire());
    }

    private synchronized CompletableFuture<Exchange> answer(Kind kind, ServerAddress server, Name qname, int qtype,
            List<InetAddress> via, Protocol protocol, byte[] probeQuery) {
        RecordedExchange.Key key = RecordedExchange.key(phase, kind, server, qname, qtype, via, protocol, probeQuery);
        Deque<RecordedExchange> queue = queues.get(key);
        RecordedExchange next = queue == null ? null : queue.pollFirst();
        if (next == null && kind == Kind.PROBE) {
            // a probe the saved run never sent (a file saved before that probe existed): not asked, as a probe the
            // budget left out, so that no finding is made of a reply nobody waited for
            return CompletableFuture.completedFuture(null);
        }
        if (closed) {
            return CompletableFuture.completedFuture(notInSavedTrace(server, qname, qtype, probeQuery, protocol));
        }
        if (next == null && !missingNeverArrive) {
            Exchange missing = notInSavedTrace(server, qname, qtype, probeQuery, protocol);
            return CompletableFuture.supplyAsync(() -> missing, executor);
        }
        if (next == null || next.late()) {
            // the live run did not get this reply in time: neither does the replay (until it closes)
            CompletableFuture<Exchange> pending = new CompletableFuture<>();
            Exchange missing = notInSavedTrace(server, qname, qtype, probeQuery, protocol);
            neverAnswered.add(() -> pending.complete(missing));
            return pending;
        }
        Exchange recorded = next.exchange();
        return CompletableFuture.supplyAsync(() -> recorded, executor);
    }

    /** One try that could not be sent, saying why: the tree shows "[cannot send: not in the saved trace]". */
    static Exchange notInSavedTrace(ServerAddress server, Name qname, int qtype, byte[] probeQuery,
            Protocol protocol) {
        byte[] query = probeQuery != null ? probeQuery
                : Message.newQuery(Record.newRecord(qname, qtype, DClass.IN)).toWire();
        Attempt attempt = Attempt.restored(protocol == null ? Protocol.UDP : protocol, query, Duration.ZERO,
                Duration.ZERO, AttemptResult.SEND_ERROR, null, List.of(), 0, NOT_IN_SAVED_TRACE, null);
        return Exchange.restored(server, qname, qtype, List.of(attempt), -1, null, false, null, EdnsFallback.NONE);
    }

    /** Ends what the live run never got in time as a send error "not in the saved trace", and stops the threads. */
    @Override
    public void close() {
        List<Runnable> pending;
        synchronized (this) {
            closed = true;
            pending = List.copyOf(neverAnswered);
            neverAnswered.clear();
        }
        pending.forEach(Runnable::run);
        executor.shutdownNow();
    }
}
