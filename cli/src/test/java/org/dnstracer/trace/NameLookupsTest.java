package org.dnstracer.trace;

import static org.assertj.core.api.Assertions.assertThat;

import org.dnstracer.testkit.FakeNetwork;
import org.dnstracer.testkit.Scenarios;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** The --check look-ups of host names in their own zones: from the root hints, within their own budget. */
class NameLookupsTest {
    private static final Name EXAMPLE = Name.fromConstantString("example.com.");

    @Test
    void aNameIsFollowedFromTheRootToItsZonesServersWhoseAnswerIsBelieved() throws Exception {
        FakeNetwork net = Scenarios.healthy();
        try (NameLookups lookups = new NameLookups(net, Scenarios.request("x.example.com."), 10)) {
            NameLookups.Answer a = lookups.answer(Name.fromConstantString("www.example.com."), Type.A).get();

            assertThat(a.complete()).isTrue();
            assertThat(a.zone()).isEqualTo(EXAMPLE);
            assertThat(a.reply().getSection(Section.ANSWER)).singleElement()
                    .isInstanceOfSatisfying(ARecord.class,
                            r -> assertThat(r.getAddress().getHostAddress()).isEqualTo("192.0.2.80"));
            assertThat(lookups.queries()).isEqualTo(3); // the root, com, example.com
            assertThat(net.queriesTo("127.0.0.1")).isEqualTo(1);
        }
    }

    @Test
    void aNameThatDoesNotExistComesBackAsItsZonesNxdomain() throws Exception {
        try (NameLookups lookups = new NameLookups(Scenarios.healthy(), Scenarios.request("x.example.com."), 10)) {
            NameLookups.Answer a = lookups.answer(Name.fromConstantString("nope.example.com."), Type.A).get();

            assertThat(a.complete()).isTrue();
            assertThat(a.zone()).isEqualTo(EXAMPLE);
            assertThat(a.reply().getRcode()).isEqualTo(Rcode.NXDOMAIN);
        }
    }

    @Test
    void aBudgetTooSmallForTheWholeWayConcludesNothing() throws Exception {
        FakeNetwork net = Scenarios.healthy();
        try (NameLookups lookups = new NameLookups(net, Scenarios.request("x.example.com."), 2)) {
            NameLookups.Answer a = lookups.answer(Name.fromConstantString("www.example.com."), Type.A).get();

            assertThat(a.complete()).isFalse();
            assertThat(a.reply()).isNull();
            assertThat(net.queriesTo("127.0.2.1") + net.queriesTo("127.0.2.2")).isZero();
        }
    }

    @Test
    void aNegativeBudgetSendsNothing() throws Exception {
        FakeNetwork net = Scenarios.healthy();
        try (NameLookups lookups = new NameLookups(net, Scenarios.request("x.example.com."), -1)) {
            NameLookups.Answer a = lookups.answer(Name.fromConstantString("www.example.com."), Type.A).get();

            assertThat(a.complete()).isFalse();
            assertThat(net.queries()).isEmpty();
            assertThat(lookups.queries()).isZero();
        }
    }

    @Test
    void aTransportThatFailsEndsTheLookUpAsCutShortNotAsAnError() throws Exception {
        FakeNetwork net = Scenarios.healthy().throwing("127.0.0.1", new IllegalStateException("broken"));
        try (NameLookups lookups = new NameLookups(net, Scenarios.request("x.example.com."), 10)) {
            NameLookups.Answer a = lookups.answer(Name.fromConstantString("www.example.com."), Type.A).get();

            assertThat(a.reply()).isNull();
            assertThat(a.complete()).isFalse();
        }
    }
}
