package org.dnstracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.dnstracer.bulk.BulkInput;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

class BulkInputReaderTest {
    private static List<BulkInput> read(String text) {
        BulkInputReader reader = new BulkInputReader(new BufferedReader(new StringReader(text)), Type.A, i -> false);
        List<BulkInput> all = new ArrayList<>();
        reader.forEachRemaining(all::add);
        return all;
    }

    @Test
    void namesTypesCommentsAndBlankLines() {
        List<BulkInput> inputs = read("# header\n\nwww.example.com\n  example.com   mx  # mail\nfoo#bar.com\n");
        assertThat(inputs).extracting(BulkInput::line).containsExactly(3L, 4L, 5L);
        assertThat(inputs.get(0).question().type()).isEqualTo(Type.A);
        assertThat(inputs.get(1).question().type()).isEqualTo(Type.MX);
        assertThat(inputs.get(1).text()).isEqualTo("example.com   mx");
        // # inside a word is not a comment: the line is read whole, and a host name cannot hold a #
        assertThat(inputs.get(2).text()).isEqualTo("foo#bar.com");
        assertThat(inputs.get(2).question()).isNull();
        assertThat(inputs.get(2).error()).contains("#");
    }

    @Test
    void ipLiteralsAreTracedAsTheirReverseNames() {
        List<BulkInput> inputs = read("192.0.2.1\n2001:db8::1 TXT\n");
        assertThat(inputs.get(0).question().name().toString()).isEqualTo("1.2.0.192.in-addr.arpa.");
        assertThat(inputs.get(0).question().type()).isEqualTo(Type.PTR);
        assertThat(inputs.get(1).question().name().toString()).endsWith(".8.b.d.0.1.0.0.2.ip6.arpa.");
        assertThat(inputs.get(1).question().type()).isEqualTo(Type.TXT);
    }

    @Test
    void badLinesBecomeErrorInputs() {
        List<BulkInput> inputs = read("bad..name\nexample.com NOPE\nexample.com AXFR\na b c\n");
        assertThat(inputs).allSatisfy(i -> assertThat(i.question()).isNull());
        assertThat(inputs).extracting(BulkInput::error).allSatisfy(e -> assertThat(e).isNotBlank());
        assertThat(inputs.get(1).error()).contains("unknown query type 'NOPE'");
    }

    @Test
    void resumedInputsAreSkippedAndCounted() {
        BulkInputReader reader = new BulkInputReader(new BufferedReader(new StringReader("a.com\nb.com\nc.com\n")),
                Type.A, i -> i.text().equals("b.com"));
        List<BulkInput> all = new ArrayList<>();
        reader.forEachRemaining(all::add);
        assertThat(all).extracting(BulkInput::text).containsExactly("a.com", "c.com");
        assertThat(reader.skipped()).isEqualTo(1);
    }
}
