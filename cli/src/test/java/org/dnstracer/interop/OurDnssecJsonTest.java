package org.dnstracer.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

class OurDnssecJsonTest {
    @Test
    void readsTheZonesOfTheFirstChainOnlyAndEveryProblem() throws Exception {
        String json = """
                { "question" : { "name" : "www.expired.sec." }, "tree" : [ { "dnssec" : { "status" : "secure" } } ],
                  "dnssec" : { "time" : "2026-12-02T09:00:00Z", "anchors" : [ { "zone" : ".", "keyTag" : 1 } ],
                    "chains" : [
                      { "name" : "www.expired.sec.", "type" : "A", "zones" : [
                        { "zone" : ".", "status" : "secure", "keys" : [ { "keyTag" : 1, "algorithm" : "RSASHA256" } ], "servers" : 1 },
                        { "zone" : "expired.sec.", "status" : "bogus", "reason" : "RRSIG expired", "keys" : [ ], "servers" : 3 } ] },
                      { "name" : "www.other.", "type" : "A", "zones" : [ { "zone" : "other.", "status" : "insecure" } ] } ],
                    "problems" : [ { "code" : "DNSSEC_RRSIG_EXPIRED", "severity" : "error", "zone" : "expired.sec.",
                        "server" : "ns2.sec", "address" : "127.54.51.2", "message" : "RRSIG expired" },
                      { "code" : "DNSSEC_NO_TRUST_ANCHOR", "zone" : "other.", "server" : null, "address" : null } ] } }
                """;

        OurDnssecJson read = OurDnssecJson.read(json);

        assertThat(read.firstChain().byZone()).containsExactly(entry(".", "secure"), entry("expired.sec.", "bogus"));
        assertThat(read.problems()).containsExactly("DNSSEC_RRSIG_EXPIRED 127.54.51.2", "DNSSEC_NO_TRUST_ANCHOR -");
    }
}
