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
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
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
 * silent, or answers after a delay. Replies always arrive on the network's own threads, never on the caller's,
 * as from a real transport; {@link #jitter} delays every reply by a random amount (seeded) to reorder them.
 * Records every query.
 */
public final class FakeNetwork implements Transport {
    private final Map<InetAddress, Function<Question, Message>> servers = new ConcurrentHashMap<>();
    private final Map<InetAddress, Function<Question, Message>> recursive = new ConcurrentHashMap<>();
    private final Map<InetAddress, Long> delays = new ConcurrentHashMap<>();
    private final Map<InetAddress, CompletableFuture<?>> gates = new ConcurrentHashMap<>();
    private final Map<InetAddress, AttemptResult> failures = new ConcurrentHashMap<>();
    private final Map<InetAddress, RuntimeException> throwing = new ConcurrentHashMap<>();
    private final Map<InetAddress, Function<Message, Message>> probeResponders = new ConcurrentHashMap<>();
    private final ExecutorService responders = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-server");
        t.setDaemon(true);
        return t;
    });
    private volatile Random jitter;
    private volatile int maxJitterMillis;
    private final List<String> queries = Collections.synchronizedList(new ArrayList<>());
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

    /** How this address answers queries with RD=1 (none, by default: they time out). */
    public FakeNetwork recursive(String address, Function<Question, Message> responder) {
        recursive.put(ip(address), responder);
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

    /** Every reply arrives after a random delay of up to {@code maxMillis}, drawn from a generator seeded so. */
    public FakeNetwork jitter(long seed, int maxMillis) {
        this.jitter = new Random(seed);
        this.maxJitterMillis = maxMillis;
        return this;
    }

    /** Handing a query for this address to the network throws, as a broken transport might. */
    public FakeNetwork throwing(String address, RuntimeException e) {
        throwing.put(ip(address), e);
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
     * "rd" when RD=1, "optN" per EDNS option of code N, "flags0xF" for EDNS flags F other than zero, "opcodeN" for
     * an opcode other than QUERY.
     */
    @Override
    public CompletableFuture<Exchange> probe(ServerAddress server, Message query, Protocol protocol) {
        Record q = query.getQuestion();
        Question question = new Question(q.getName(), q.getType());
        org.xbill.DNS.OPTRecord opt = query.getOPT();
        queries.add(IpAddresses.format(server.address()) + " " + q.getName() + " " + question.typeName() + " probe "
                + protocol + (opt == null ? " noedns" : opt.getVersion() > 0 ? " edns" + opt.getVersion() : "")
                + (query.getHeader().getFlag(org.xbill.DNS.Flags.RD) ? " rd" : "")
                + (opt == null ? "" : String.join("", opt.getOptions().stream().map(o -> " opt" + o.getCode()).toList()))
                + (opt == null || opt.getFlags() == 0 ? "" : " flags0x" + Integer.toHexString(opt.getFlags()))
                + (query.getHeader().getOpcode() == 0 ? "" : " opcode" + query.getHeader().getOpcode()));
        Function<Message, Message> byMessage = probeResponders.get(server.address());
        Function<Question, Message> byQuestion = servers.get(server.address());
        Message sent = query.clone();
        CompletableFuture<?> gate = gates.getOrDefault(server.address(), CompletableFuture.completedFuture(null));
        return gate.thenApplyAsync(ignored -> {
            Message reply = byMessage != null ? byMessage.apply(query)
                    : byQuestion != null ? byQuestion.apply(question) : null;
            Attempt attempt = reply == null
                    ? new Attempt(protocol, sent, Duration.ofMillis(100), Duration.ofMillis(100), AttemptResult.TIMEOUT,
                            null, 0, List.of(), null)
                    : new Attempt(protocol, sent, Duration.ofMillis(100), Duration.ofMillis(1), AttemptResult.REPLY,
                            reply, reply.toWire().length, List.of(), null);
            return new Exchange(server, q.getName(), q.getType(), reply, List.of(attempt), false);
        }, responders);
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
        return exchange(server, qname, qtype, servers, "");
    }

    /** Recorded as "address qname TYPE +rd". */
    @Override
    public CompletableFuture<Exchange> exchangeRecursive(ServerAddress server, Name qname, int qtype) {
        return exchange(server, qname, qtype, recursive, " +rd");
    }

    private CompletableFuture<Exchange> exchange(ServerAddress server, Name qname, int qtype,
            Map<InetAddress, Function<Question, Message>> table, String mark) {
        RuntimeException broken = throwing.get(server.address());
        if (broken != null) {
            throw broken;
        }
        Question question = new Question(qname, qtype);
        queries.add(IpAddresses.format(server.address()) + " " + qname + " " + question.typeName() + mark);
        CompletableFuture<?> gate = gates.getOrDefault(server.address(), CompletableFuture.completedFuture(null));
        long delay = delays.getOrDefault(server.address(), 0L);
        Random random = jitter;
        if (random != null) {
            synchronized (random) {
                delay += random.nextInt(maxJitterMillis + 1);
            }
        }
        Executor later = delay == 0 ? responders : CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS, responders);
        return gate.thenApplyAsync(ignored -> respond(server, qname, qtype, question, table.get(server.address())),
                later);
    }

    private Exchange respond(ServerAddress server, Name qname, int qtype, Question question,
            Function<Question, Message> responder) {
        Message sent = Message.newQuery(Record.newRecord(qname, qtype, DClass.IN));
        // the same ID for the same question to the same server, whatever the order: golden files stay stable
        sent.getHeader().unsetFlag(org.xbill.DNS.Flags.RD);
        sent.getHeader().setID((server.toString() + " " + qname + " " + qtype).hashCode() & 0xffff);
        Message reply = responder == null ? null : responder.apply(question);
        if (reply == null) {
            AttemptResult failure = failures.getOrDefault(server.address(), AttemptResult.TIMEOUT);
            List<Attempt> attempts = new ArrayList<>();
            for (int i = 0; i < tries; i++) {
                attempts.add(new Attempt(Protocol.UDP, sent, Duration.ofMillis(100), Duration.ofMillis(100),
                        failure, null, 0, List.of(), failure == AttemptResult.TIMEOUT ? null : "scripted failure"));
            }
            return new Exchange(server, qname, qtype, null, attempts, false);
        }
        reply.getHeader().setID(sent.getHeader().getID());
        Attempt a = new Attempt(Protocol.UDP, sent, Duration.ofMillis(100), Duration.ofMillis(1),
                AttemptResult.REPLY, reply, reply.toWire().length, List.of(), null);
        return new Exchange(server, qname, qtype, reply, List.of(a), false);
    }

    @Override
    public void close() {
        responders.shutdownNow();
    }
}
