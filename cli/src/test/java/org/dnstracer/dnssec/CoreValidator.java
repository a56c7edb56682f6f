package org.dnstracer.dnssec;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.dnstracer.model.Names;
import org.dnstracer.model.Question;
import org.dnstracer.model.Section;
import org.dnstracer.model.Status;
import org.dnstracer.model.Trace;
import org.dnstracer.model.TraceNode;
import org.dnstracer.net.Exchange;
import org.dnstracer.trace.CnameChain;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;
import org.xbill.DNS.dnssec.ValidatingResolver;

/**
 * Judges each server line of a trace with dnsjava's validator (Unbound's, {@link ValidatingResolver}): once per line,
 * over a {@link RecordedReplies} that answers the validator's DS and DNSKEY questions from the replies of the
 * servers on that line's own path, so a verdict is about that server as the trace met it. A pure function of the
 * trace, the DNSKEY replies fetched after it, the anchors and a moment, like {@link ChainValidator}.
 *
 * <p>A differential oracle for {@link ChainValidator}, not the tool's validator (issue 20 item 1): on the real
 * signers' zones it differs from delv where ours does not (opt-out denials it calls insecure, NSEC3 above its
 * iteration limit, a parent's denial below an unsigned cut: see CoreValidatorSignedZonesTest and the interop
 * CoreAllowance), and its reasons are not our problem codes.
 *
 * <p>Kept out of the validator, because it cannot see them: a reply that could not carry a proof (no DO bit,
 * truncated, no usable DNSKEY reply) and a line below one such: indeterminate (RFC 4035 4.3), never bogus; a zone no
 * anchor covers: indeterminate. The validator reads a reply as a recursive resolver's complete answer, so a
 * referral is judged as the DS reply it carries, and an answer whose CNAME chain leaves the zone as the CNAMEs the
 * server could sign (the rest is traced, and judged, at the next zone's line).
 */
final class CoreValidator {
    /** A validation over recorded replies computes only: far longer than this is a fault, not work. */
    private static final long TIMEOUT_SECONDS = 30;

    /**
     * What the validator said of one line.
     *
     * @param status the status it maps to
     * @param reason the validator's reason (dnsjava's words), or ours for what it was not asked; null when secure
     * @param unrecorded questions the validator asked that the trace holds no reply to: then the verdict does not
     *     rest on the trace alone
     */
    record Verdict(DnssecStatus status, String reason, List<String> unrecorded) {
        Verdict {
            unrecorded = List.copyOf(unrecorded);
        }

        static Verdict of(DnssecStatus status, String reason) {
            return new Verdict(status, reason, List.of());
        }
    }

    /** The replies a path of servers holds for the validator's questions, the nearest server's first. */
    private record PathReplies(Map<Name, Message> dnskeys, Map<Name, Message> ds) {
        static final PathReplies NONE = new PathReplies(Map.of(), Map.of());

        PathReplies withKeys(Name zone, Message reply) {
            Map<Name, Message> keys = new HashMap<>(dnskeys);
            keys.put(zone, reply);
            return new PathReplies(keys, ds);
        }

        PathReplies withDs(Name zone, Message reply) {
            Map<Name, Message> all = new HashMap<>(ds);
            all.put(zone, reply);
            return new PathReplies(dnskeys, all);
        }

        /** This path's replies, and another's for the names this one lacks. */
        PathReplies over(PathReplies below) {
            Map<Name, Message> keys = new HashMap<>(below.dnskeys);
            keys.putAll(dnskeys);
            Map<Name, Message> all = new HashMap<>(below.ds);
            all.putAll(ds);
            return new PathReplies(keys, all);
        }
    }

    private final FetchedKeys fetched;
    private final TrustAnchors anchors;
    private final Instant at;
    private final String anchorText;
    private final Map<TraceNode, Verdict> verdicts = new IdentityHashMap<>();
    /** By start zone below an anchor: the replies of the trace of its DS from the root hints. */
    private final Map<Name, PathReplies> above = new HashMap<>();

    private CoreValidator(FetchedKeys fetched, TrustAnchors anchors, Instant at) {
        this.fetched = fetched;
        this.anchors = anchors;
        this.at = at;
        this.anchorText = anchors.all().values().stream().flatMap(List::stream).map(Record::toString)
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /** The verdict on every checked line of the trace (the lines {@link ChainValidator#checkable} selects). */
    static Map<TraceNode, Verdict> validate(Trace trace, FetchedKeys fetched, TrustAnchors anchors, Instant at) {
        CoreValidator v = new CoreValidator(fetched, anchors, at);
        fetched.above().forEach((zone, upper) -> v.above.put(zone, v.collect(upper)));
        for (Section s : trace.sections()) {
            v.visit(s.root(), null, false, s.question());
        }
        return v.verdicts;
    }

    /** Every reply of a trace the validator may ask for, the first met for each name. */
    private PathReplies collect(Trace upper) {
        Map<Name, Message> keys = new HashMap<>();
        Map<Name, Message> ds = new HashMap<>();
        for (Section s : upper.sections()) {
            collect(s.root(), s.question(), keys, ds);
        }
        return new PathReplies(keys, ds);
    }

    private void collect(TraceNode node, Question question, Map<Name, Message> keys, Map<Name, Message> ds) {
        if (ChainValidator.checkable(node)) {
            Name zone = ChainValidator.zoneOf(node);
            Message keyReply = usableKeyReply(node, zone);
            if (keyReply != null) {
                keys.putIfAbsent(zone, keyReply);
            }
            Message reply = node.exchange().reply();
            if (node.status() == Status.REFERRAL) {
                Name child = node.verdict().referralZone();
                ds.putIfAbsent(child, RecordedReplies.dsReply(reply, child));
            } else if (question.type() == Type.DS) {
                ds.putIfAbsent(question.name(), RecordedReplies.inZone(reply, zone, Type.DS));
            }
        }
        node.children().forEach(c -> collect(c, question, keys, ds));
    }

    /**
     * @param path the replies of the checked lines above this one on its path, or null above the first
     * @param undecided whether a line above on the path could not be judged: nothing below it can be
     */
    private void visit(TraceNode node, PathReplies path, boolean undecided, Question question) {
        PathReplies down = path;
        boolean undecidedBelow = undecided;
        if (ChainValidator.checkable(node)) {
            Name zone = ChainValidator.zoneOf(node);
            PathReplies here = path != null ? path : above.getOrDefault(zone, PathReplies.NONE);
            Message keyReply = usableKeyReply(node, zone);
            if (keyReply != null) {
                here = here.withKeys(zone, keyReply);
            }
            Verdict verdict = judge(node, zone, here, keyReply, undecided, question);
            verdicts.put(node, verdict);
            undecidedBelow = verdict.status() == DnssecStatus.INDETERMINATE;
            down = node.status() == Status.REFERRAL ? here.withDs(node.verdict().referralZone(),
                    RecordedReplies.dsReply(node.exchange().reply(), node.verdict().referralZone())) : here;
        }
        for (TraceNode child : node.children()) {
            visit(child, down, undecidedBelow, question);
        }
    }

    private Verdict judge(TraceNode node, Name zone, PathReplies path, Message keyReply, boolean undecided,
            Question question) {
        if (!anchored(zone)) {
            return Verdict.of(DnssecStatus.INDETERMINATE, "no trust anchor");
        }
        if (undecided) {
            return Verdict.of(DnssecStatus.INDETERMINATE, "a server above could not be judged");
        }
        if (!ChainValidator.askedWithDo(node.exchange())) {
            return Verdict.of(DnssecStatus.INDETERMINATE, "reply only without EDNS (no DO bit)");
        }
        Message reply = node.exchange().reply();
        if (reply.getHeader().getFlag(Flags.TC)) {
            return Verdict.of(DnssecStatus.INDETERMINATE, "truncated reply (TC=1)");
        }
        if (keyReply == null) {
            return Verdict.of(DnssecStatus.INDETERMINATE, "DNSKEY of " + Names.display(zone) + " unavailable");
        }
        Record asked;
        Message judged;
        if (node.status() == Status.REFERRAL) {
            Name child = node.verdict().referralZone();
            asked = Record.newRecord(child, Type.DS, DClass.IN);
            judged = RecordedReplies.dsReply(reply, child);
        } else {
            int type = leavesZone(reply, question, zone) ? Type.CNAME : question.type();
            asked = Record.newRecord(question.name(), type, DClass.IN);
            judged = RecordedReplies.inZone(reply, zone, type);
        }
        return run(asked, judged, path);
    }

    /** Whether an anchor covers the zone (at it or above it). */
    private boolean anchored(Name zone) {
        return anchors.all().keySet().stream().anyMatch(zone::subdomain);
    }

    /** The DNSKEY reply of the line's server for its zone when it is the server's word on the keys, else null. */
    private Message usableKeyReply(TraceNode node, Name zone) {
        Exchange keys = fetched.of(new ServerZone(node.address(), zone));
        if (keys == null || !keys.answered() || !ChainValidator.askedWithDo(keys)
                || ChainValidator.unusableKeyReply(keys.reply(), zone) != null) {
            return null;
        }
        return keys.reply();
    }

    /** An answer whose CNAME chain ends outside the zone without the data: the server signed only its part. */
    private static boolean leavesZone(Message reply, Question question, Name zone) {
        if (question.type() == Type.CNAME || question.type() == Type.ANY) {
            return false;
        }
        CnameChain.Walk walk = CnameChain.walk(reply, question.name(), zone);
        return walk.links() > 0 && !walk.loop() && !walk.end().subdomain(zone);
    }

    private Verdict run(Record asked, Message judged, PathReplies path) {
        RecordedReplies recorded = new RecordedReplies(judged, path.dnskeys(), path.ds());
        ValidatingResolver validator = new ValidatingResolver(recorded, Clock.fixed(at, ZoneOffset.UTC));
        Message result;
        try {
            validator.loadTrustAnchors(new ByteArrayInputStream(anchorText.getBytes(StandardCharsets.UTF_8)));
            result = validator.sendAsync(Message.newQuery(asked)).toCompletableFuture()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (IOException | ExecutionException | TimeoutException e) {
            return new Verdict(DnssecStatus.INDETERMINATE, "validator failed: " + e, recorded.unrecorded());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Verdict(DnssecStatus.INDETERMINATE, "interrupted", recorded.unrecorded());
        }
        String reason = reason(result);
        if (result.getHeader().getFlag(Flags.AD)) {
            return new Verdict(DnssecStatus.SECURE, null, recorded.unrecorded());
        }
        if (result.getRcode() == Rcode.SERVFAIL && judged.getRcode() != Rcode.SERVFAIL) {
            return new Verdict(DnssecStatus.BOGUS, reason, recorded.unrecorded());
        }
        return new Verdict(DnssecStatus.INSECURE, reason, recorded.unrecorded());
    }

    /** The validator's reason: the TXT record it adds in its private class. */
    private static String reason(Message result) {
        for (Record r : result.getSection(org.xbill.DNS.Section.ADDITIONAL)) {
            if (r instanceof TXTRecord txt && r.getDClass() == ValidatingResolver.VALIDATION_REASON_QCLASS) {
                return String.join("", txt.getStrings());
            }
        }
        return null;
    }
}
