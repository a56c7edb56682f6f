package org.dnstracer.findings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;

/** Host names (RFC 952/1123) and SOA RNAME mailboxes (RFC 1035 §8). */
class HostNamesTest {
    private static Name n(String text) {
        return Name.fromConstantString(text);
    }

    @Test
    void hostNamesAreLettersDigitsAndInnerHyphens() {
        assertThat(HostNames.whyNotHostName(n("ns1.example.com."))).isNull();
        assertThat(HostNames.whyNotHostName(n("3com.example."))).isNull(); // RFC 1123 allows a leading digit
        assertThat(HostNames.whyNotHostName(n("xn--bcher-kva.example."))).isNull();
        assertThat(HostNames.whyNotHostName(n("ns_1.example.com."))).isEqualTo("'_' in label 'ns_1'");
        assertThat(HostNames.whyNotHostName(n("-ns.example.com."))).contains("begins or ends with a hyphen");
        assertThat(HostNames.whyNotHostName(n("ns\\032a.example.com."))).isEqualTo("' ' in label 'ns a'");
    }

    @Test
    void rnameIsALocalPartThenAMailDomain() {
        assertThat(HostNames.whyNotMailbox(n("hostmaster.example.com."))).isNull();
        assertThat(HostNames.whyNotMailbox(n("john\\.doe.example.com."))).isNull(); // john.doe@example.com
        assertThat(HostNames.whyNotMailbox(n("hostmaster\\@example.com.example.com."))).contains("'@'");
        assertThat(HostNames.whyNotMailbox(n("hostmaster.ex_ample.com."))).startsWith("mail domain: ");
        assertThat(HostNames.whyNotMailbox(n("com."))).isNotNull();
    }
}
