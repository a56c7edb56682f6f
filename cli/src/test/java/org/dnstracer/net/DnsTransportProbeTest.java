package org.dnstracer.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnstracer.net.TransportFixtures.QNAME;
import static org.dnstracer.net.TransportFixtures.quick;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Probes go out exactly as built and come back as received: no TCP after TC, no retry without EDNS. */
class DnsTransportProbeTest {
    private static Message query(boolean rd, int ednsVersion) {
        Message q = Message.newQuery(Record.newRecord(QNAME, Type.A, DClass.IN));
        if (!rd) {
            q.getHeader().unsetFlag(Flags.RD);
        }
        if (ednsVersion >= 0) {
            q.addRecord(new OPTRecord(1232, 0, ednsVersion, 0), Section.ADDITIONAL);
        }
        return q;
    }

    private static Exchange probe(ScriptedServer.Script script, Message query, Protocol protocol) throws Exception {
        try (ScriptedServer server = ScriptedServer.start(script);
                Transport transport = Transport.create(quick())) {
            return transport.probe(server.address(), query, protocol).get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void truncatedReplyIsReturnedWithoutAskingOverTcp() throws Exception {
        Exchange e = probe((q, p) -> Replies.one(p == Protocol.UDP ? Replies.truncated(q) : Replies.answer(q)),
                query(false, -1), Protocol.UDP);
        assertThat(e.attempts()).hasSize(1);
        assertThat(e.reply().getHeader().getFlag(Flags.TC)).isTrue();
    }

    @Test
    void formerrToEdnsIsReturnedWithoutAskingAgainWithoutIt() throws Exception {
        Exchange e = probe((q, p) -> Replies.one(q.getOPT() != null ? Replies.rcode(q, Rcode.FORMERR) : Replies.answer(q)),
                query(false, 0), Protocol.UDP);
        assertThat(e.attempts()).hasSize(1);
        assertThat(e.reply().getRcode()).isEqualTo(Rcode.FORMERR);
    }

    @Test
    void flagsAndEdnsVersionGoOutAsBuiltOverTheProtocolAsked() throws Exception {
        Exchange e = probe((q, p) -> Replies.one(Replies.answer(q)), query(true, 1), Protocol.TCP);
        Message sent = e.attempts().get(0).sent();
        assertThat(e.attempts()).extracting(Attempt::protocol).containsExactly(Protocol.TCP);
        assertThat(sent.getHeader().getFlag(Flags.RD)).isTrue();
        assertThat(sent.getOPT().getVersion()).isEqualTo(1);
        assertThat(e.answered()).isTrue();
    }

    @Test
    void silentServerIsTriedAsOftenAsConfiguredAndTheCallersMessageIsUntouched() throws Exception {
        Message q = query(false, -1);
        int before = q.getHeader().getID();
        Exchange e = probe(TransportFixtures.silent(), q, Protocol.UDP);
        assertThat(e.answered()).isFalse();
        assertThat(e.attempts()).hasSize(quick().tries());
        assertThat(e.attempts()).allSatisfy(a -> assertThat(a.sent()).isNotSameAs(q));
        assertThat(q.getHeader().getID()).isEqualTo(before);
    }
}
