package org.dnstracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The NSID (RFC 5001) each server address gave to --check's probe, in -v and --json: the lab's anycast-style
 * servers (two addresses each, {@code nsid}) name the address asked, so the two instances of one name differ.
 */
class NsidOutputTest {
    @Test
    void verboseCheckShowsEachAddressesNsid() {
        String out = CliRun.of("--lab", "--check", "-v", "www.anycast.tricky.org").out();
        String block = out.substring(out.indexOf("\nServer identifiers (NSID):\n"));
        assertThat(block.lines()).contains(
                "ns1.anycast.tricky.org (127.53.61.41)  ns1.anycast.tricky.org/127.53.61.41",
                "ns1.anycast.tricky.org (127.53.61.42)  ns1.anycast.tricky.org/127.53.61.42",
                "ns2.anycast.tricky.org (127.53.61.43)  ns2.anycast.tricky.org/127.53.61.43",
                "ns2.anycast.tricky.org (127.53.61.44)  ns2.anycast.tricky.org/127.53.61.44");
        // servers that send no NSID are not listed
        assertThat(block).doesNotContain("tricky.org (127.53.61.1)");
    }

    @Test
    void jsonCarriesTheNsidsAndNothingWithoutThem() {
        String json = CliRun.of("--lab", "--check", "--json", "www.anycast.tricky.org").out();
        assertThat(json).contains("\"nsid\" : [ {").contains("\"server\" : \"ns1.anycast.tricky.org\",\n"
                + "    \"address\" : \"127.53.61.42\",\n    \"nsid\" : \"ns1.anycast.tricky.org/127.53.61.42\"");
        assertThat(CliRun.of("--lab", "--check", "--json", "www.example.com").out()).doesNotContain("\"nsid\"");
        // without --check nothing asks for it
        assertThat(CliRun.of("--lab", "-v", "www.anycast.tricky.org").out()).doesNotContain("NSID");
    }
}
