package org.dnstracer.testkit;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.dnstracer.model.Question;
import org.dnstracer.net.Attempt;
import org.dnstracer.net.AttemptResult;
import org.dnstracer.net.Exchange;
import org.dnstracer.net.IpAddresses;
import org.dnstracer.net.Protocol;
import org.dnstracer.net.ServerAddress;
import org.dnstracer.net.Transport;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * A network of scripted servers with no sockets: each address answers with a function of the question, stays
 * silent, or answers after a delay (to shuffle the order replies arrive in). Records every query.
 */
public final class FakeNetwork implements Transport {
    private final Map<InetAddress, Function<Question, Message>> servers = new ConcurrentHashMap<>();
    private final Map<InetAddress, Long> delays = new ConcurrentHashMap<>();
    private final Map<InetAddress, CompletableFuture<?>> gates = new ConcurrentHashMap<>();
    private final Map<InetAddress, AttemptResult> failures = new ConcurrentHashMap<>();
    private final Map<InetAddress, Function<Message, Message>> probeResponders = new ConcurrentHashMap<>();
    private final List<String> queries = Collections.synchronizedList(new ArrayList<>());
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fake-network");
        t.setDaemon(true);
        return t;
    });
    private final int tries;

    public FakeNetwork() {
        this(3);
    }

    public FakeNetwork(int tries) {
        this.tries = tries;
    }

    public static InetAddress ip(String literal) {
        return IpAddresses.parseLiteral(literal).orElseThrow();
    }

    public FakeNetwork server(String address, Function<Question, Message> responder) {
        servers.put(ip(address), responder);
        return this;
    }

    /** Replies from this address arrive after the given delay. */
    public FakeNetwork delay(String address, long millis) {
        delays.put(ip(address), millis);
        return this;
    }

    /** Replies from this address arrive only once the gate completes. */
    public FakeNetwork gate(String address, CompletableFuture<?> gate) {
        gates.put(ip(address), gate);
        return this;
    }

    /** Every try to this address ends with the given failure (UNREACHABLE, MALFORMED, SEND_ERROR...). */
    public FakeNetwork failing(String address, AttemptResult result) {
        failures.put(ip(address), result);
        return this;
    }

    /** Probes to this address are answered by a function of the whole query (flags, OPT); null stays silent. */
    public FakeNetwork probes(String address, Function<Message, Message> responder) {
        probeResponders.put(ip(address), responder);
        return this;
    }

    /**
     * A probe is answered by the address's probe responder, else like a query for its question; recorded as
     * "address qname TYPE probe PROTOCOL", then "noedns" or "ednsN" unless it has an EDNS version 0 OPT, and
     * "rd" when RD=1.
     */
    @Override
    public CompletableFuture<Exchange> probe(ServerAddress server, Message query, Protocol protocol) {
        Record q = query.getQuestion();
        Question question = new Question(q.getName(), q.getType());
        org.xbill.DNS.OPTRecord opt = query.getOPT();
        queries.add(IpAddresses.format(server.address()) + " " + q.getName() + " " + question.typeName() + " probe "
                + protocol + (opt == null ? " noedns" : opt.getVersion() > 0 ? " edns" + opt.getVersion() : "")
                + (query.getHeader().getFlag(org.xbill.DNS.Flags.RD) ? " rd" : ""));
        Function<Message, Message> byMessage = probeResponders.get(server.address());
        Function<Question, Message> byQuestion = servers.get(server.address());
        Message reply = byMessage != null ? byMessage.apply(query)
                : byQuestion != null ? byQuestion.apply(question) : null;
        Message sent = query.clone();
        Attempt attempt = reply == null
                ? new Attempt(protocol, sent, Duration.ofMillis(100), Duration.ofMillis(100), AttemptResult.TIMEOUT,
                        null, 0, List.of(), null)
                : new Attempt(protocol, sent, Duration.ofMillis(100), Duration.ofMillis(1), AttemptResult.REPLY, reply,
                        reply.toWire().length, List.of(), null);
        Exchange exchange = new Exchange(server, q.getName(), q.getType(), reply, List.of(attempt), false);
        CompletableFuture<?> gate = gates.get(server.address());
        return gate != null ? gate.thenApply(ignored -> exchange) : CompletableFuture.completedFuture(exchange);
    }

    /** Every query sent, as "address qname TYPE". */
    public List<String> queries() {
        synchronized (queries) {
            return List.copyOf(queries);
        }
    }

    public long queriesTo(String address) {
        return queries().stream().filter(q -> q.startsWith(address + " ")).count();
    }

    @Override
    public CompletableFuture<Exchange> exchange(ServerAddress server, Name qname, int qtype) {
        Question question = new Question(qname, qtype);
        queries.add(IpAddresses.format(server.address()) + " " + qname + " " + question.typeName());
        Message sent = Message.newQuery(Record.newRecord(qname, qtype, DClass.IN));
        // the same ID for the same question to the same server, whatever the order: golden files stay stable
        sent.getHeader().unsetFlag(org.xbill.DNS.Flags.RD);
        sent.getHeader().setID((server.toString() + " " + qname + " " + qtype).hashCode() & 0xffff);
        Function<Question, Message> responder = servers.get(server.address());
        Message reply = responder == null ? null : responder.apply(question);
        Exchange exchange;
        if (reply == null) {
            AttemptResult failure = failures.getOrDefault(server.address(), AttemptResult.TIMEOUT);
            List<Attempt> attempts = new ArrayList<>();
            for (int i = 0; i < tries; i++) {
                attempts.add(new Attempt(Protocol.UDP, sent, Duration.ofMillis(100), Duration.ofMillis(100),
                        failure, null, 0, List.of(), failure == AttemptResult.TIMEOUT ? null : "scripted failure"));
            }
            exchange = new Exchange(server, qname, qtype, null, attempts, false);
        } else {
            reply.getHeader().setID(sent.getHeader().getID());
            Attempt a = new Attempt(Protocol.UDP, sent, Duration.ofMillis(100), Duration.ofMillis(1),
                    AttemptResult.REPLY, reply, reply.toWire().length, List.of(), null);
            exchange = new Exchange(server, qname, qtype, reply, List.of(a), false);
        }
        CompletableFuture<?> gate = gates.get(server.address());
        if (gate != null) {
            return gate.thenApply(ignored -> exchange);
        }
        Long delay = delays.get(server.address());
        if (delay == null) {
            return CompletableFuture.completedFuture(exchange);
        }
        CompletableFuture<Exchange> later = new CompletableFuture<>();
        timer.schedule(() -> later.complete(exchange), delay, TimeUnit.MILLISECONDS);
        return later;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
