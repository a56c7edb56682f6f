package org.dnstracer.trace;

import static org.assertj.core.api.Assertions.assertThat;

import org.dnstracer.model.LameReason;
import org.dnstracer.model.Question;
import org.dnstracer.model.Status;
import org.dnstracer.model.Verdict;
import org.dnstracer.testkit.Replies;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

class ResponseClassifierTest {
    private static final Question WWW = question("www.example.com.");
    private static final Name COM = name("com.");
    private static final Name EXAMPLE = name("example.com.");
    private static final String SOA = "example.com. 300 IN SOA ns1.example.com. h.example.com. 1 2 3 4 5";

    static Name name(String s) {
        try {
            return Name.fromString(s);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Question question(String s) {
        return new Question(name(s), Type.A);
    }

    static Verdict classify(Message m, Name zone) {
        return ResponseClassifier.classify(m, WWW, zone);
    }

    @Test
    void authoritativeAnswer() {
        assertThat(classify(Replies.answer(WWW, "www.example.com. 1 IN A 192.0.2.1"), EXAMPLE).status())
                .isEqualTo(Status.AUTHORITATIVE_ANSWER);
    }

    @Test
    void authoritativeNxdomainAndNodata() {
        assertThat(classify(Replies.nxdomain(WWW, SOA), EXAMPLE).status()).isEqualTo(Status.AUTHORITATIVE_NXDOMAIN);
        assertThat(classify(Replies.nodata(WWW, SOA), EXAMPLE).status()).isEqualTo(Status.AUTHORITATIVE_NODATA);
    }

    @Test
    void referralDownIsFollowed() {
        Verdict v = classify(Replies.referral(WWW, "example.com. 1 IN NS ns1.example.com."), COM);
        assertThat(v.status()).isEqualTo(Status.REFERRAL);
        assertThat(v.referralZone()).isEqualTo(EXAMPLE);
        assertThat(v.delegates()).isTrue();
    }

    @Test
    void authoritativeFlagOnAReferralStillDelegates() {
        Message m = Replies.referral(WWW, "example.com. 1 IN NS ns1.example.com.");
        m.getHeader().setFlag(org.xbill.DNS.Flags.AA);
        assertThat(classify(m, COM).status()).isEqualTo(Status.REFERRAL);
    }

    @Test
    void refusedServfailAndNotauthAreLame() {
        assertThat(classify(Replies.rcode(WWW, Rcode.REFUSED), EXAMPLE).lameReason()).isEqualTo(LameReason.REFUSED);
        assertThat(classify(Replies.rcode(WWW, Rcode.SERVFAIL), EXAMPLE).lameReason()).isEqualTo(LameReason.SERVFAIL);
        assertThat(classify(Replies.rcode(WWW, Rcode.NOTAUTH), EXAMPLE).lameReason()).isEqualTo(LameReason.NOTAUTH);
    }

    @Test
    void otherRcodesAreServerErrors() {
        Verdict v = classify(Replies.rcode(WWW, Rcode.FORMERR), EXAMPLE);
        assertThat(v.status()).isEqualTo(Status.SERVER_ERROR);
        assertThat(v.detail()).isEqualTo("FORMERR");
    }

    @Test
    void referralToTheSameZoneIsLame() {
        Verdict v = classify(Replies.referral(WWW, "example.com. 1 IN NS ns1.example.com."), EXAMPLE);
        assertThat(v.lameReason()).isEqualTo(LameReason.SAME_ZONE_REFERRAL);
    }

    @Test
    void referralUpwardsRefersBackwards() {
        Verdict v = classify(Replies.referral(WWW, ". 1 IN NS a.root-servers.net."), EXAMPLE);
        assertThat(v.status()).isEqualTo(Status.UPWARD_REFERRAL);
        assertThat(v.referralZone()).isEqualTo(Name.root);
    }

    @Test
    void referralToAZoneNotContainingTheNameIsLame() {
        Verdict v = classify(Replies.referral(WWW, "example.net. 1 IN NS ns1.example.net."), COM);
        assertThat(v.lameReason()).isEqualTo(LameReason.UNRELATED_REFERRAL);
    }

    @Test
    void nonAuthoritativeAnswerWhereAuthorityWasExpectedIsLame() {
        Verdict v = classify(Replies.nonAuthoritativeAnswer(WWW, "www.example.com. 1 IN A 192.0.2.1"), EXAMPLE);
        assertThat(v.lameReason()).isEqualTo(LameReason.NOT_AUTHORITATIVE);
    }

    @Test
    void nonAuthoritativeNxdomainWhereAuthorityWasExpectedIsLame() {
        Verdict v = classify(Replies.withoutAa(Replies.nxdomain(WWW, SOA)), EXAMPLE);
        assertThat(v.lameReason()).isEqualTo(LameReason.NOT_AUTHORITATIVE);
    }

    @Test
    void startServerWithoutZoneMayAnswerNonAuthoritatively() {
        assertThat(classify(Replies.nonAuthoritativeAnswer(WWW, "www.example.com. 1 IN A 192.0.2.1"), null).status())
                .isEqualTo(Status.ANSWER);
        assertThat(classify(Replies.withoutAa(Replies.nxdomain(WWW, SOA)), null).status()).isEqualTo(Status.NXDOMAIN);
        assertThat(classify(Replies.rcode(WWW, Rcode.REFUSED), null).status()).isEqualTo(Status.SERVER_ERROR);
    }

    @Test
    void startServerReferringToTheRootRefersBackwards() {
        assertThat(classify(Replies.referral(WWW, ". 1 IN NS a.root-servers.net."), null).status())
                .isEqualTo(Status.UPWARD_REFERRAL);
    }

    @Test
    void authoritativeReplyWhoseRecordsAreForAnotherNameIsAnErrorNotAnAnswer() {
        Verdict v = classify(Replies.answer(WWW, "mail.example.com. 1 IN A 192.0.2.1"), EXAMPLE);
        assertThat(v.status()).isEqualTo(Status.SERVER_ERROR);
        assertThat(v.detail()).isEqualTo("answer holds no A record for www.example.com");
    }

    @Test
    void authoritativeReplyWhoseRecordsAreOfAnotherTypeIsAnErrorNotAnAnswer() {
        Verdict v = classify(Replies.answer(WWW, "www.example.com. 1 IN TXT \"x\""), EXAMPLE);
        assertThat(v.status()).isEqualTo(Status.SERVER_ERROR);
    }

    @Test
    void authoritativeAnswerFromOutsideTheZoneIsNotBelieved() {
        Question other = question("www.example.net.");
        Verdict v = ResponseClassifier.classify(Replies.answer(other, "www.example.net. 1 IN A 192.0.2.1"), other,
                EXAMPLE);
        assertThat(v.status()).isEqualTo(Status.SERVER_ERROR);
    }

    @Test
    void cnameAtTheNameAskedIsAnAnswer() {
        assertThat(classify(Replies.answer(WWW, "www.example.com. 1 IN CNAME web.example.org."), EXAMPLE).status())
                .isEqualTo(Status.AUTHORITATIVE_ANSWER);
    }

    @Test
    void nonAuthoritativeNxdomainWithNameServersIsNotFollowed() {
        Message m = Replies.withoutAa(Replies.nxdomain(WWW, SOA));
        m.addRecord(Replies.rr("example.com. 300 IN NS ns1.example.com."), org.xbill.DNS.Section.AUTHORITY);
        assertThat(classify(m, COM)).isEqualTo(Verdict.lame(LameReason.NOT_AUTHORITATIVE));
        assertThat(classify(m, null).status()).isEqualTo(Status.NXDOMAIN);
    }

    @Test
    void referralZoneIsTheDeepestNameServerOwnerEnclosingTheName() {
        Message m = Replies.referral(WWW, "com. 300 IN NS a.gtld.test.", "example.com. 300 IN NS ns1.example.com.",
                "other.com. 300 IN NS ns.other.com.");
        assertThat(classify(m, Name.root)).isEqualTo(Verdict.referral(Status.REFERRAL, EXAMPLE));
    }

    @Test
    void referralWhoseOnlyNameServersAreForAnotherZoneIsUnrelated() {
        Message m = Replies.referral(WWW, "other.com. 300 IN NS ns.other.com.");
        assertThat(classify(m, COM).lameReason()).isEqualTo(LameReason.UNRELATED_REFERRAL);
    }

    @Test
    void authoritativeServfailIsAnErrorOfTheServerNotLameness() {
        Message m = Replies.rcode(WWW, Rcode.SERVFAIL);
        m.getHeader().setFlag(org.xbill.DNS.Flags.AA);
        assertThat(classify(m, EXAMPLE)).isEqualTo(Verdict.of(Status.SERVER_ERROR, "SERVFAIL"));
        assertThat(classify(Replies.rcode(WWW, Rcode.SERVFAIL), EXAMPLE)).isEqualTo(Verdict.lame(LameReason.SERVFAIL));
    }

    @Test
    void namesCompareWithoutRegardToCase() {
        Question upper = question("WWW.Example.COM.");
        assertThat(ResponseClassifier.classify(Replies.answer(upper, "www.example.com. 1 IN A 192.0.2.1"), upper,
                name("EXAMPLE.com.")).status()).isEqualTo(Status.AUTHORITATIVE_ANSWER);
    }

    @Test
    void anEmptyTruncatedReplyIsNoProofOfNodata() {
        Message m = Replies.nodata(WWW, SOA);
        m.getHeader().setFlag(org.xbill.DNS.Flags.TC);
        assertThat(classify(m, EXAMPLE)).isEqualTo(Verdict.of(Status.SERVER_ERROR, "truncated reply without an answer"));
    }
}
