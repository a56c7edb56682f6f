package org.dnstracer.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.xbill.DNS.Name;

/**
 * Whatever a lab directory holds, reading it ends in a lab or in a {@link LabException} (one line for the user,
 * exit status 2), never in another exception. Corpus: {@code src/test/resources/org/dnstracer/lab/LabTextFuzzTestInputs/},
 * seeded with the built-in lab's files.
 */
class LabTextFuzzTest {
    private static final List<Name> ORIGINS = List.of(Name.root, Name.fromConstantString("com."),
            Name.fromConstantString("example.com."), Name.fromConstantString("2.0.192.in-addr.arpa."));

    @FuzzTest
    void anyLabFileIsReadOrRejectedWithALabException(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            assertThat(new LabFileParser("lab.conf").parse(text)).isNotEmpty();
        } catch (LabException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    /** First octet: the zone's origin; the rest: the zone file's text. */
    @FuzzTest
    void anyZoneFileIsLoadedOrRejectedWithALabException(byte[] input) {
        if (input.length == 0) {
            return;
        }
        Name origin = ORIGINS.get((input[0] & 0xff) % ORIGINS.size());
        String text = new String(input, 1, input.length - 1, StandardCharsets.UTF_8);
        try {
            assertThat(ZoneLoader.load("test.zone", origin, text).getOrigin()).isEqualTo(origin);
        } catch (LabException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }
}
