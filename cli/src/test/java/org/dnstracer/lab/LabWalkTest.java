package org.dnstracer.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.List;
import org.dnstracer.net.IpAddresses;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Walks the built-in lab from its root hints the way a tracer does (first server, referrals, glue or a side
 * look-up for glueless NS names), to prove the lab's delegations hang together end to end.
 */
class LabWalkTest {
    private static Lab lab;
    private static LabClient client;

    @BeforeAll
    static void start() throws IOException {
        lab = Lab.start(LabDefinition.builtIn(), 0);
        client = new LabClient(lab.port()).timeout(10_000); // answers always come: only a hang could miss this
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    /** Follows referrals from the first root; returns the final answer's rdata, or a word for how it ended. */
    private static List<String> walk(String name, int type, int depthLeft) throws IOException {
        String server = lab.rootHints().stream().filter(r -> r instanceof ARecord).findFirst().orElseThrow()
                .rdataToString();
        for (int hops = 0; hops < 20; hops++) {
            Message m = client.udp(server, name, type);
            if (m == null) {
                return List.of("timeout");
            }
            if (m.getRcode() != Rcode.NOERROR) {
                return List.of(Rcode.string(m.getRcode()));
            }
            if (m.getHeader().getFlag(Flags.AA)) {
                List<String> out = new ArrayList<>();
                m.getSection(Section.ANSWER).forEach(r -> out.add(r.rdataToString()));
                return out;
            }
            List<Record> ns = m.getSection(Section.AUTHORITY).stream().filter(r -> r.getType() == Type.NS).toList();
            if (ns.isEmpty()) {
                return List.of("no-referral");
            }
            String next = m.getSection(Section.ADDITIONAL).stream().filter(r -> r.getType() == Type.A)
                    .map(Record::rdataToString).findFirst().orElse(null);
            if (next == null && depthLeft > 0) {
                // glueless: resolve the first NS name from the root, as a tracer would
                List<String> addresses = walk(((NSRecord) ns.get(0)).getTarget().toString(), Type.A, depthLeft - 1);
                next = addresses.stream()
                        .filter(a -> IpAddresses.parseLiteral(a).filter(ip -> ip instanceof Inet4Address).isPresent())
                        .findFirst().orElse(null);
            }
            if (next == null) {
                return List.of("unresolvable");
            }
            server = next;
        }
        return List.of("too-many-referrals");
    }

    @Test
    void healthyNamesResolveFromTheRootHints() throws IOException {
        assertThat(walk("www.example.com", Type.A, 3)).containsExactly("192.0.2.80");
        assertThat(walk("www.wide.net", Type.A, 3)).containsExactly("192.0.2.130");
        assertThat(walk("www.e.d.c.b.a.deep.org", Type.A, 3)).containsExactly("192.0.2.150");
        assertThat(walk("final.example.org", Type.A, 3)).containsExactly("192.0.2.200");
        assertThat(walk("www.partly-lame.com", Type.A, 3)).containsExactly("192.0.2.30");
        assertThat(walk("www.timeout.com", Type.A, 3)).containsExactly("192.0.2.70");
        assertThat(walk("80.2.0.192.in-addr.arpa", Type.PTR, 3)).containsExactly("www.example.com.");
    }

    @Test
    void gluelessDelegationNeedsASideLookup() throws IOException {
        assertThat(walk("www.glueless.com", Type.A, 0)).containsExactly("unresolvable");
        assertThat(walk("www.glueless.com", Type.A, 3)).containsExactly("192.0.2.11");
    }

    @Test
    void brokenScenariosEndAsDocumented() throws IOException {
        assertThat(walk("www.ns-loop.com", Type.A, 4)).containsExactly("unresolvable");
        assertThat(walk("www.referral-loop.com", Type.A, 3)).containsExactly("too-many-referrals");
        assertThat(walk("www.lame.com", Type.A, 3)).containsExactly("REFUSED");
        assertThat(walk("www.servfail.com", Type.A, 3)).containsExactly("SERVFAIL");
        assertThat(walk("nope.example.com", Type.A, 3)).containsExactly("NXDOMAIN");
        assertThat(walk("www.cname-chain.com", Type.A, 3)).containsExactly("alias.chain-target.net.");
    }
}
