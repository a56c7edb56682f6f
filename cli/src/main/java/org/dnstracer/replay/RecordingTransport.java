package org.dnstracer.replay;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.dnstracer.net.Exchange;
import org.dnstracer.net.Protocol;
import org.dnstracer.net.ServerAddress;
import org.dnstracer.net.Transport;
import org.dnstracer.net.TransportStats;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;

/**
 * A transport that keeps every exchange of the one it wraps, for {@code --save}. It changes nothing that is sent
 * or returned: the engine gets the very exchanges of the wrapped transport, as soon as they are kept. Exchanges are kept in the
 * order they were asked for, each tagged with the {@link Phase} current when it was asked.
 */
public final class RecordingTransport implements Transport {
    private final Transport inner;
    private final Object lock = new Object();
    /** One slot per question asked, in the order asked; filled when its exchange ends. */
    private final List<Slot> slots = new ArrayList<>();
    private Phase phase = Phase.TRACE;

    public RecordingTransport(Transport inner) {
        this.inner = inner;
    }

    private static final class Slot {
        final Phase phase;
        final Kind kind;
        final Protocol probeProtocol;
        final byte[] probeQuery;
        final List<InetAddress> via;
        Exchange exchange;
        boolean late;

        Slot(Phase phase, Kind kind, Protocol probeProtocol, byte[] probeQuery, List<InetAddress> via) {
            this.phase = phase;
            this.via = via;
            this.kind = kind;
            this.probeProtocol = probeProtocol;
            this.probeQuery = probeQuery;
        }
    }

    /** The step of the run that asks from now on; exchanges of earlier steps that end later are marked late. */
    public void phase(Phase next) {
        synchronized (lock) {
            phase = next;
        }
    }

    @Override
    public CompletableFuture<Exchange> exchange(ServerAddress server, Name qname, int qtype) {
        Slot slot = open(Kind.EXCHANGE, null, null, List.of());
        return keep(slot, inner.exchange(server, qname, qtype));
    }

    @Override
    public CompletableFuture<Exchange> exchange(ServerAddress server, Name qname, int qtype, List<InetAddress> via) {
        Slot slot = open(Kind.EXCHANGE, null, null, via);
        return keep(slot, inner.exchange(server, qname, qtype, via));
    }

    @Override
    public CompletableFuture<Exchange> exchangeRecursive(ServerAddress server, Name qname, int qtype) {
        Slot slot = open(Kind.RECURSIVE, null, null, List.of());
        return keep(slot, inner.exchangeRecursive(server, qname, qtype));
    }

    @Override
    public CompletableFuture<Exchange> probe(ServerAddress server, Message query, Protocol protocol) {
        Slot slot = open(Kind.PROBE, protocol, query.toWire(), List.of());
        return keep(slot, inner.probe(server, query, protocol));
    }

    private Slot open(Kind kind, Protocol protocol, byte[] probeQuery, List<InetAddress> via) {
        synchronized (lock) {
            Slot slot = new Slot(phase, kind, protocol, probeQuery, List.copyOf(via));
            slots.add(slot);
            return slot;
        }
    }

    /**
     * Fills the slot when the exchange ends, before the engine sees the end: the future handed on completes only
     * after the slot is filled. (A callback merely added to the wrapped future could run after the engine's own,
     * when the run may already have moved to its next step, and the exchange would wrongly count as late.) A
     * transport that cannot ask (an exception) leaves the slot empty.
     */
    private CompletableFuture<Exchange> keep(Slot slot, CompletableFuture<Exchange> future) {
        return future.whenComplete((exchange, error) -> {
            if (exchange != null) {
                synchronized (lock) {
                    slot.exchange = exchange;
                    slot.late = slot.phase != phase;
                }
            }
        });
    }

    /**
     * Every exchange that ended so far, in the order asked. Call it after the run (and best after {@link #close()},
     * which ends what is still pending): an exchange still pending, or one the wrapped transport failed, is left
     * out, and a replay answers its question with "not in the saved trace".
     */
    public List<RecordedExchange> recorded() {
        synchronized (lock) {
            List<RecordedExchange> out = new ArrayList<>(slots.size());
            for (Slot s : slots) {
                if (s.exchange != null && s.phase != null) {
                    out.add(new RecordedExchange(s.phase, s.kind, s.probeProtocol, s.probeQuery, s.via, s.exchange,
                            s.late));
                }
            }
            return out;
        }
    }

    @Override
    public TransportStats stats() {
        return inner.stats();
    }

    /** Closes the wrapped transport; its pending exchanges end now (as timeouts) and are kept, marked late. */
    @Override
    public void close() {
        synchronized (lock) {
            phase = null; // whatever ends from now on ended after its step
        }
        inner.close();
    }
}
