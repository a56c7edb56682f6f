package org.dnstracer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import org.dnstracer.trace.RootHints;
import org.junit.jupiter.api.Test;

class ServedLabTest {
    private static ServedLab read(String table) throws IOException {
        return ServedLab.read(new BufferedReader(new StringReader(table)));
    }

    @Test
    void readsTheRootServersAndPortFromWhatLabServePrints() throws Exception {
        CliRun serve = CliRun.of("--lab-serve", "--lab-for", "0.001");
        assertThat(serve.status()).isZero();

        ServedLab lab = read(serve.out());

        assertThat(lab.rootServers()).containsExactly("a.root-servers.net", "b.root-servers.net",
                "c.root-servers.net");
        assertThat(lab.rootAddress()).isEqualTo("127.53.0.1");
        assertThat(serve.out()).contains("Serving on port " + lab.port() + " ");
        RootHints hints = RootHints.parse(lab.rootHints(), "training hints");
        assertThat(hints.servers()).extracting(s -> s.name().toString(true) + " " + s.addresses().get(0)
                .getHostAddress()).containsExactly("a.root-servers.net 127.53.0.1", "b.root-servers.net 127.53.0.2",
                        "c.root-servers.net 127.53.0.3");
    }

    @Test
    void aTableWithoutRootServersOrPortIsAnError() {
        String noRoot = """
                SERVER       ADDRESSES   PORT   ZONES  BEHAVIOUR
                ns1.example  127.53.2.1  40000  example.com  normal

                Serving on port 40000 for 1 s; try: dig
                """;
        assertThatThrownBy(() -> read(noRoot)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> read("SERVER ADDRESSES PORT ZONES BEHAVIOUR\n")).isInstanceOf(IOException.class);
    }

    @Test
    void aZoneListNamingTheRootAmongOthersMakesARootServer() throws Exception {
        ServedLab lab = read("""
                SERVER        ADDRESSES              PORT   ZONES   BEHAVIOUR
                tld.example   127.53.1.1             40001  com     normal
                a.root.test   127.77.0.1,127.77.0.9  40001  arpa,.  normal
                Serving on port 40001 for 1 s
                """);
        assertThat(lab.rootServers()).containsExactly("a.root.test");
        assertThat(lab.rootAddress()).isEqualTo("127.77.0.1");
        assertThat(lab.port()).isEqualTo(40001);
    }
}
