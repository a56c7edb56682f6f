package org.dnstracer.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnstracer.testkit.FakeNetwork.ip;

import org.dnstracer.model.Question;
import org.dnstracer.testkit.Replies;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

class DelegationTest {
    private static final Question WWW = new Question(ResponseClassifierTest.name("www.example.com."), Type.A);
    private static final Name EXAMPLE = ResponseClassifierTest.name("example.com.");
    private static final Name COM = ResponseClassifierTest.name("com.");

    @Test
    void keepsTheReferralsOrderAndMatchesGlueIgnoringCase() {
        Message m = Replies.referral(WWW,
                "example.com. 1 IN NS NS2.EXAMPLE.COM.", "example.com. 1 IN NS ns1.example.com.",
                "ns1.example.com. 1 IN A 127.0.2.1", "ns2.example.com. 1 IN A 127.0.2.2",
                "ns2.example.com. 1 IN AAAA ::1");
        Delegation d = Delegation.from(m, EXAMPLE, COM);
        assertThat(d.nameServers()).extracting(Name::toString).containsExactly("NS2.EXAMPLE.COM.", "ns1.example.com.");
        assertThat(d.glueFor(d.nameServers().get(0))).containsExactly(ip("127.0.2.2"), ip("::1"));
        assertThat(d.glueFor(d.nameServers().get(1))).containsExactly(ip("127.0.2.1"));
    }

    @Test
    void usesSiblingGlueButNotGlueFromOutsideTheServersZone() {
        Message m = Replies.referral(WWW,
                "example.com. 1 IN NS ns.sibling.com.", "example.com. 1 IN NS ns.other.net.",
                "ns.sibling.com. 1 IN A 127.0.2.1", "ns.other.net. 1 IN A 127.0.2.9");
        Delegation d = Delegation.from(m, EXAMPLE, COM);
        assertThat(d.glueFor(ResponseClassifierTest.name("ns.sibling.com."))).containsExactly(ip("127.0.2.1"));
        assertThat(d.glueFor(ResponseClassifierTest.name("ns.other.net."))).isEmpty();
    }
}
