package org.dnstracer.net;

import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * Builds the non-recursive queries of every try: each gets its own unpredictable ID.
 *
 * <p>The ID is the main defence against off-path spoofing. dnsjava already draws it for every new message: the
 * {@code Header()} behind {@link Message#newQuery} takes {@code nextInt(0x10000)} from a shared
 * {@link java.security.SecureRandom} (dnsjava 3.x), so every try's new message has a fresh ID over the full
 * 16-bit range and nothing here needs to set it.
 */
final class QueryBuilder {
    private final int ednsPayloadSize;
    private final boolean dnssecOk;

    QueryBuilder(int ednsPayloadSize) {
        this(ednsPayloadSize, false);
    }

    /** @param dnssecOk set DO in the OPT record (RFC 3225), so servers add RRSIG, NSEC and DS records */
    QueryBuilder(int ednsPayloadSize, boolean dnssecOk) {
        this.ednsPayloadSize = ednsPayloadSize;
        this.dnssecOk = dnssecOk;
    }

    Message build(Name qname, int qtype, boolean edns) {
        return build(qname, qtype, edns, false);
    }

    /**
     * @param recursive RD=1: only to find a zone's servers through a start resolver that gives no referrals; a
     *     tracer otherwise asks each server only what it knows itself, and RD=1 would make recursive servers lie
     *     about that
     */
    Message build(Name qname, int qtype, boolean edns, boolean recursive) {
        Message query = Message.newQuery(Record.newRecord(qname, qtype, DClass.IN));
        if (!recursive) {
            query.getHeader().unsetFlag(Flags.RD);
        }
        if (edns) {
            query.addRecord(new OPTRecord(ednsPayloadSize, 0, 0, dnssecOk ? ExtendedFlags.DO : 0), Section.ADDITIONAL);
        }
        return query;
    }
}
