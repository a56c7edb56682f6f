package org.dnstracer.lab;

/** A two-server lab small enough to read in one glance: a root and one zone, "test.". */
final class TestLabs {
    static final String ROOT_ADDR = "127.53.9.9";
    static final String NS1_ADDR = "127.53.9.1";

    static final String ROOT_ZONE = String.join("\n",
            ". SOA a.root.test. host.test. 1 7200 3600 1209600 300",
            ". NS a.root.test.",
            "test. NS ns1.test.",
            "a.root.test. A " + ROOT_ADDR,
            "ns1.test. A " + NS1_ADDR,
            "");

    static final String TEST_ZONE = String.join("\n",
            "@ SOA ns1 host 1 7200 3600 1209600 300",
            "@ NS ns1",
            "ns1 A " + NS1_ADDR,
            "www A 192.0.2.1",
            "sub NS ns.sub",
            "ns.sub A 127.53.9.2",
            "");

    private TestLabs() {}

    static LabDefinition.Builder twoServers() {
        return LabDefinition.builder()
                .zone(".", ROOT_ZONE)
                .zone("test", TEST_ZONE)
                .server("a.root.test", ROOT_ADDR, ".")
                .server("ns1.test", NS1_ADDR, "test");
    }
}
