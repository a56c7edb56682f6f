package org.dnstracer.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.dnstracer.testkit.Replies;
import org.junit.jupiter.api.Test;

class RecordTextTest {
    @Test
    void namesLoseTheirTrailingDot() {
        assertThat(RecordText.data(Replies.rr("a. 1 IN CNAME web.example.com."))).isEqualTo("web.example.com");
        assertThat(RecordText.data(Replies.rr("a. 1 IN MX 10 mail.example.com."))).isEqualTo("10 mail.example.com");
    }

    @Test
    void ipv6IsInRfc5952Form() {
        assertThat(RecordText.data(Replies.rr("a. 1 IN AAAA 2001:0db8:0000:0000:0000:0000:0000:0080")))
                .isEqualTo("2001:db8::80");
    }

    @Test
    void txtIsPrintedAsQuotedStrings() {
        assertThat(RecordText.data(Replies.rr("a. 1 IN TXT \"hello world\" \"a\\\"b\" plain")))
                .isEqualTo("\"hello world\" \"a\\\"b\" \"plain\"");
    }

    @Test
    void txtEscapesQuotesBackslashesAndUnprintableOctets() {
        assertThat(RecordText.data(Replies.rr("a. 1 IN TXT \"a\\\\b\" \"\\255\\000\\010 ~\\127\" \"\" \"x;y\"")))
                .isEqualTo("\"a\\\\b\" \"\\255\\000\\010 ~\\127\" \"\" \"x;y\"");
    }

    @Test
    void theRootIsADotAndOtherNamesLoseTheirFinalDot() {
        assertThat(RecordText.data(Replies.rr("a. 1 IN MX 0 ."))).isEqualTo("0 .");
        assertThat(RecordText.data(Replies.rr("a. 1 IN CNAME b.example.com."))).isEqualTo("b.example.com");
    }

    @Test
    void soaShowsEveryField() {
        assertThat(RecordText.data(Replies.rr("a. 1 IN SOA ns1.example.com. h.example.com. 7 3600 900 604800 300")))
                .isEqualTo("ns1.example.com h.example.com 7 3600 900 604800 300");
    }
}
