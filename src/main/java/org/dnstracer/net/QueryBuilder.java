package org.dnstracer.net;

import java.security.SecureRandom;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/** Builds the non-recursive queries of every try: each gets its own unpredictable ID. */
final class QueryBuilder {
    private final SecureRandom random;
    private final int ednsPayloadSize;
    private final boolean dnssecOk;

    QueryBuilder(SecureRandom random, int ednsPayloadSize) {
        this(random, ednsPayloadSize, false);
    }

    /** @param dnssecOk set DO in the OPT record (RFC 3225), so servers add RRSIG, NSEC and DS records */
    QueryBuilder(SecureRandom random, int ednsPayloadSize, boolean dnssecOk) {
        this.random = random;
        this.ednsPayloadSize = ednsPayloadSize;
        this.dnssecOk = dnssecOk;
    }

    Message build(Name qname, int qtype, boolean edns) {
        Message query = Message.newQuery(Record.newRecord(qname, qtype, DClass.IN));
        // a tracer asks each server only what it knows itself; RD=1 would make recursive servers lie about that
        query.getHeader().unsetFlag(Flags.RD);
        // the ID is the main defence against off-path spoofing, so it comes from a CSPRNG for every try
        query.getHeader().setID(random.nextInt(0x10000));
        if (edns) {
            query.addRecord(new OPTRecord(ednsPayloadSize, 0, 0, dnssecOk ? ExtendedFlags.DO : 0), Section.ADDITIONAL);
        }
        return query;
    }
}
