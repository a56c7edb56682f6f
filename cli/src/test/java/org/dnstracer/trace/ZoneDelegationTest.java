package org.dnstracer.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.dnstracer.model.LameReason;
import org.dnstracer.model.Status;
import org.dnstracer.model.Verdict;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;

/** Which replies the {@code --ns} servers stand in for, and what zone mode follows. */
class ZoneDelegationTest {
    private static final Name ZONE = Name.fromConstantString("new.example.com.");
    private static final Name PARENT = Name.fromConstantString("example.com.");
    private static final Name COM = Name.fromConstantString("com.");
    private static final Name NS1 = Name.fromConstantString("ns1.new.example.com.");
    private static final Name NS2 = Name.fromConstantString("ns2.new.example.com.");

    private static ZoneDelegation given() throws Exception {
        return new ZoneDelegation(ZONE, new Delegation(ZONE, List.of(NS1),
                Map.of(NS1, List.of(InetAddress.getByAddress(new byte[] {127, 0, 0, 1})))));
    }

    @Test
    void theParentsNegativeOrPositiveAnswerIsReplaced() throws Exception {
        ZoneDelegation z = given();
        for (Status s : List.of(Status.AUTHORITATIVE_NXDOMAIN, Status.AUTHORITATIVE_ANSWER,
                Status.AUTHORITATIVE_NODATA)) {
            assertThat(z.replaces(Verdict.of(s), PARENT, ZONE)).as(s.name()).isTrue();
        }
        // the parent's own referral to the zone, or to a zone below it, is replaced as well
        assertThat(z.replaces(Verdict.referral(Status.REFERRAL, ZONE), PARENT, ZONE)).isTrue();
        // a start resolver (no zone expected) that answers: replaced too
        assertThat(z.replaces(Verdict.of(Status.NXDOMAIN), null, ZONE)).isTrue();
    }

    @Test
    void aReferralOnTheWayToTheParentIsFollowed() throws Exception {
        assertThat(given().replaces(Verdict.referral(Status.REFERRAL, PARENT), COM, ZONE)).isFalse();
    }

    @Test
    void theParentsFaultsAndTheZonesOwnServersAreLeftAlone() throws Exception {
        ZoneDelegation z = given();
        assertThat(z.replaces(Verdict.lame(LameReason.REFUSED), PARENT, ZONE)).isFalse();
        assertThat(z.replaces(Verdict.of(Status.TIMEOUT), PARENT, ZONE)).isFalse();
        // a server asked about the zone itself answers for it, whatever it says
        assertThat(z.replaces(Verdict.of(Status.AUTHORITATIVE_NXDOMAIN), ZONE, ZONE)).isFalse();
        // a question outside the zone is not about it
        assertThat(z.replaces(Verdict.of(Status.AUTHORITATIVE_NXDOMAIN), PARENT, PARENT)).isFalse();
        // without --ns nothing is replaced
        assertThat(new ZoneDelegation(ZONE, null).replaces(Verdict.of(Status.AUTHORITATIVE_NXDOMAIN), PARENT, ZONE))
                .isFalse();
    }

    @Test
    void theChildsNsSetIsFollowedAfterTheParentsWithTheAddressesItsServersGave() throws Exception {
        InetAddress a2 = InetAddress.getByAddress(new byte[] {127, 0, 0, 2});
        ZoneDelegation z = new ZoneDelegation(ZONE, null).withChildNameServers(List.of(NS2, NS1),
                Map.of(NS2, List.of(a2), NS1, List.of(a2)));
        Delegation parents = new Delegation(ZONE, List.of(NS1), Map.of());
        Delegation followed = z.followed(parents);
        assertThat(followed.nameServers()).containsExactly(NS1, NS2);
        assertThat(followed.glueFor(NS2)).containsExactly(a2);
        assertThat(z.adds(parents)).isTrue();
        assertThat(z.adds(new Delegation(ZONE, List.of(NS1, NS2), Map.of()))).isFalse();
    }

    @Test
    void aReplacedReplyIsMarkedAsTheUsersWithTheNamesGiven() throws Exception {
        Verdict v = given().givenVerdict();

        assertThat(v.status()).isEqualTo(Status.REFERRAL);
        assertThat(v.referralZone()).isEqualTo(ZONE);
        assertThat(ZoneDelegation.isGiven(v)).isTrue();
        assertThat(ZoneDelegation.givenByUser(v, "ns1.new.example.com")).isTrue();
        assertThat(ZoneDelegation.givenByUser(v, "ns2.new.example.com")).isFalse();
        // a parent's own referral, or one with another detail, is nobody's given delegation
        Verdict parents = Verdict.referral(Status.REFERRAL, ZONE);
        assertThat(ZoneDelegation.isGiven(parents)).isFalse();
        assertThat(ZoneDelegation.givenByUser(parents, "ns1.new.example.com")).isFalse();
        assertThat(ZoneDelegation.isGiven(Verdict.of(Status.REFERRAL, ZoneDelegation.CHILD_ADDED))).isFalse();
    }

    @Test
    void onlyTheParentsOwnReferralToTheZoneIsExtendedWithTheChildsNsSet() throws Exception {
        ZoneDelegation z = new ZoneDelegation(ZONE, null);
        Verdict parents = Verdict.referral(Status.REFERRAL, ZONE);

        assertThat(z.extendsReferral(parents, PARENT)).isTrue();
        // asked of the zone's own servers, a referral to it is no parent's
        assertThat(z.extendsReferral(parents, ZONE)).isFalse();
        // a referral to another zone, a start resolver's discovery, an answer without referral: not extended
        assertThat(z.extendsReferral(Verdict.referral(Status.REFERRAL, PARENT), COM)).isFalse();
        assertThat(z.extendsReferral(new Verdict(Status.REFERRAL, null, ZONE, null, true), PARENT)).isFalse();
        assertThat(z.extendsReferral(Verdict.of(Status.AUTHORITATIVE_NXDOMAIN), PARENT)).isFalse();
        // with --ns the user's servers stand in for the parent's: nothing is extended
        assertThat(given().extendsReferral(parents, PARENT)).isFalse();

        Verdict extended = z.extendedVerdict(parents);
        assertThat(extended.status()).isEqualTo(Status.REFERRAL);
        assertThat(extended.referralZone()).isEqualTo(ZONE);
        assertThat(extended.detail()).isEqualTo(ZoneDelegation.CHILD_ADDED);
        assertThat(extended.viaResolver()).isFalse();
    }
}
