package org.dnstracer.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Zone;

/** One running server of a lab: its addresses, zones, current behaviour and a query counter. */
public final class LabServer {
    private final ServerDefinition definition;
    private final List<InetAddress> addresses;
    private final Responder responder;
    private final AtomicLong queries = new AtomicLong();
    private final List<TcpEndpoint> tcpEndpoints = new ArrayList<>();
    private volatile Behaviour behaviour;
    /**
     * SplittableRandom, not Random: Random's first draws for neighbouring seeds are nearly equal (seeds 101 to 1540
     * all draw between 0.59 and 0.77 first), so a lab whose servers each see one query, with seeds N+1, N+2...,
     * never lost one at 5 %.
     */
    private SplittableRandom lossRandom; // guarded by this

    /**
     * @param resolution the whole lab's data, for the resolver modes
     * @param signed signed copies of its zones, served to queries with DO=1
     */
    LabServer(ServerDefinition definition, List<InetAddress> boundAddresses, List<Record> rootHints,
            LabResolution resolution, Map<Name, SignedZone> signed) {
        this.definition = definition;
        this.addresses = List.copyOf(boundAddresses);
        Map<Name, Zone> zones = new LinkedHashMap<>();
        for (Zone z : definition.zones()) {
            zones.put(z.getOrigin(), z);
        }
        this.responder = new Responder(zones, definition.axfrZones(), rootHints, resolution, signed);
        this.behaviour = definition.behaviour();
        this.lossRandom = new SplittableRandom(behaviour.seed());
    }

    /** Host name, no trailing dot, lower case. */
    public String name() {
        return definition.displayName();
    }

    /** The addresses actually bound (an IPv6 address is left out where this host has no IPv6 loopback). */
    public List<InetAddress> addresses() {
        return addresses;
    }

    public List<Name> zones() {
        return definition.zones().stream().map(Zone::getOrigin).toList();
    }

    public Behaviour behaviour() {
        return behaviour;
    }

    /**
     * Changes how the server behaves from the next query on. The loss generator restarts from the behaviour's seed,
     * so a test that sets a behaviour sees the same drops every run.
     */
    public void setBehaviour(Behaviour newBehaviour) {
        if (newBehaviour == null) {
            throw new IllegalArgumentException("behaviour must not be null");
        }
        Behaviour old;
        synchronized (this) {
            old = behaviour;
            behaviour = newBehaviour;
            lossRandom = new SplittableRandom(newBehaviour.seed());
        }
        if (old.refusesTcp() != newBehaviour.refusesTcp()) {
            for (TcpEndpoint tcp : tcpEndpoints) {
                if (newBehaviour.refusesTcp()) {
                    tcp.stop();
                } else {
                    try {
                        tcp.reopen();
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot reopen TCP for " + name() + ": " + e.getMessage(), e);
                    }
                }
            }
        }
    }

    /** Queries received over UDP and TCP, answered or not (dropped, silent and malformed ones count too). */
    public long queriesReceived() {
        return queries.get();
    }

    ServerDefinition definition() {
        return definition;
    }

    void addTcpEndpoint(TcpEndpoint tcp) {
        tcpEndpoints.add(tcp);
    }

    /** The datagrams to send back for one UDP query, before any delay; empty when the server stays quiet. */
    List<byte[]> answerUdp(byte[] data, int length) {
        return answerUdp(data, length, null);
    }

    /** @param local the address the query came to (what an {@code nsid} server names), or null when unknown */
    List<byte[]> answerUdp(byte[] data, int length, InetAddress local) {
        queries.incrementAndGet();
        Behaviour b = behaviour;
        if (b.mode() == Behaviour.Mode.SILENT || dropped(b)) {
            return List.of();
        }
        Message query = ReplyEncoder.decode(data, length);
        if (query == null) {
            return ReplyEncoder.formErr(data, length);
        }
        List<byte[]> quirky = quirkyReply(b, query);
        if (quirky != null) {
            return quirky;
        }
        List<Message> replies = responder.respond(query, b, false);
        nsid(b, query, replies, local);
        int limit = b.has(Quirk.IGNORE_BUFFER_SIZE) ? ReplyEncoder.MAX_UDP : ReplyEncoder.udpLimit(query);
        boolean truncate = b.truncatesUdp() || b.has(Quirk.TC_OVER_TCP);
        boolean keepOpt = !b.has(Quirk.TRUNCATE_WITHOUT_OPT);
        List<byte[]> out = new ArrayList<>(2);
        for (Message reply : replies) {
            byte[] wire = ReplyEncoder.encode(reply, limit, truncate, keepOpt);
            if (b.has(Quirk.GARBAGE)) {
                out.add(ReplyEncoder.garbage(reply.getHeader().getID()));
            }
            if (b.has(Quirk.WRONG_QUESTION)) {
                out.add(ReplyEncoder.encode(ReplyEncoder.withOtherQuestion(reply), limit, truncate));
            }
            if (b.sendsWrongIdFirst()) {
                out.add(ReplyEncoder.withOtherId(wire));
            }
            out.add(wire);
        }
        return out;
    }

    /** What the quirks that replace or drop a reply over either transport send instead; null when none does. */
    private static List<byte[]> quirkyReply(Behaviour b, Message query) {
        if (b.has(Quirk.DROP_EDNS) && query.getOPT() != null) {
            return List.of();
        }
        if (b.has(Quirk.DROP_UNKNOWN_OPCODE) && query.getHeader().getOpcode() != Opcode.QUERY) {
            return List.of();
        }
        if (b.has(Quirk.COMPRESSION_LOOP)) {
            return List.of(ReplyEncoder.compressionLoop(query));
        }
        return null;
    }

    /** The messages to send back for one TCP query, before any delay. */
    List<byte[]> answerTcp(byte[] data) {
        return answerTcp(data, null);
    }

    /** @param local the address the query came to, or null when unknown */
    List<byte[]> answerTcp(byte[] data, InetAddress local) {
        queries.incrementAndGet();
        Behaviour b = behaviour;
        if (b.mode() == Behaviour.Mode.SILENT) {
            return List.of();
        }
        Message query = ReplyEncoder.decode(data, data.length);
        if (query == null) {
            return ReplyEncoder.formErr(data, data.length);
        }
        List<byte[]> quirky = quirkyReply(b, query);
        if (quirky != null) {
            return quirky;
        }
        if (b.has(Quirk.NO_EDNS_OVER_TCP) && query.getOPT() != null) {
            return List.of(Responder.formerrWithoutOpt(query).toWire());
        }
        List<byte[]> out = new ArrayList<>();
        List<Message> replies = responder.respond(query, b, true);
        nsid(b, query, replies, local);
        for (Message reply : replies) {
            out.add(ReplyEncoder.encode(reply, ReplyEncoder.TCP_LIMIT, b.has(Quirk.TC_OVER_TCP)));
        }
        return out;
    }

    /** The {@code nsid} quirk: the server's name and the address asked, to a query with the NSID option. */
    private void nsid(Behaviour b, Message query, List<Message> replies, InetAddress local) {
        if (!b.has(Quirk.NSID) || query.getOPT() == null
                || query.getOPT().getOptions(org.xbill.DNS.EDNSOption.Code.NSID).isEmpty()) {
            return;
        }
        String id = name() + (local == null ? "" : "/" + org.dnstracer.net.IpAddresses.format(local));
        for (Message reply : replies) {
            org.xbill.DNS.OPTRecord opt = reply.getOPT();
            if (opt != null && opt.getExtendedRcode() == 0) {
                List<org.xbill.DNS.EDNSOption> options = new ArrayList<>(opt.getOptions());
                options.add(new org.xbill.DNS.NSIDOption(id.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
                reply.removeRecord(opt, org.xbill.DNS.Section.ADDITIONAL);
                reply.addRecord(new org.xbill.DNS.OPTRecord(opt.getPayloadSize(), 0, opt.getVersion(), opt.getFlags(),
                        options), org.xbill.DNS.Section.ADDITIONAL);
            }
        }
    }

    private boolean dropped(Behaviour b) {
        if (b.loss() <= 0) {
            return false;
        }
        synchronized (this) {
            return lossRandom.nextDouble() < b.loss();
        }
    }

    @Override
    public String toString() {
        return "LabServer[" + name() + "]";
    }
}
