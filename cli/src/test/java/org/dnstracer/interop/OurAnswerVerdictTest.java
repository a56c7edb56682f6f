package org.dnstracer.interop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OurAnswerVerdictTest {
    private static String doc(String... chains) {
        return "{\"schema\":1,\"dnssec\":{\"chains\":[" + String.join(",", chains) + "]}}";
    }

    private static String chain(String... statuses) {
        StringBuilder sb = new StringBuilder("{\"name\":\"x.\",\"zones\":[");
        for (int i = 0; i < statuses.length; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"zone\":\"z").append(i).append(".\",\"status\":\"")
                    .append(statuses[i]).append("\",\"reason\":\"r").append(i).append("\"}");
        }
        return sb.append("]}").toString();
    }

    @Test
    void anAnswerIsAsGoodAsItsWeakestZoneInEveryChain() throws Exception {
        assertThat(OurAnswerVerdict.of(doc(chain("secure", "secure")))).isEqualTo("secure");
        assertThat(OurAnswerVerdict.of(doc(chain("secure", "insecure")))).isEqualTo("insecure");
        // a followed CNAME target's chain counts as much as the question's
        assertThat(OurAnswerVerdict.of(doc(chain("secure", "secure"), chain("secure", "bogus")))).isEqualTo("bogus");
        assertThat(OurAnswerVerdict.of(doc(chain("insecure"), chain("indeterminate")))).isEqualTo("indeterminate");
        assertThat(OurAnswerVerdict.of(doc(chain("bogus"), chain("indeterminate")))).isEqualTo("bogus");
    }

    @Test
    void withoutChainsOrWithAnUnknownStatusThereIsNoVerdictToCompare() throws Exception {
        assertThat(OurAnswerVerdict.of("{\"schema\":1}")).isEqualTo("no chain");
        assertThat(OurAnswerVerdict.of(doc())).isEqualTo("no chain");
        assertThat(OurAnswerVerdict.of(doc(chain("secure", "odd")))).isEqualTo("unknown status odd");
    }

    @Test
    void reasonsNameEveryZoneThatIsNotSecure() throws Exception {
        assertThat(OurAnswerVerdict.reasons(doc(chain("secure", "bogus"), chain("insecure"))))
                .containsExactly("z1. bogus: r1", "z0. insecure: r0");
    }
}
