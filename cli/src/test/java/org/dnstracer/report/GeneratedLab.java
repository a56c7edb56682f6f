package org.dnstracer.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A lab directory written by the tests: a root, a TLD {@code big} with {@code tldServers} servers, under it
 * {@code x.big} with {@code leafServers} servers (with {@code -c} and {@code --max-ns}, their product is the number of
 * queries: 40 x 74 gives a 3,000-query trace), and {@code evil.big}, whose TXT record at {@code www} carries markup
 * and script that a report must show as text.
 */
public final class GeneratedLab {
    /** The TXT strings of www.evil.big: a script element and an element with an event handler. */
    public static final String SCRIPT = "<script>window.pwned=1</script>";
    public static final String IMG = "</pre><img src=x onerror=window.pwned=2>";

    private GeneratedLab() {}

    public static Path write(Path dir, int tldServers, int leafServers) throws IOException {
        Files.createDirectories(dir);
        List<String> conf = new ArrayList<>(List.of("server a.root.test 127.61.0.1 zones=.:root.zone"));
        List<String> root = new ArrayList<>(List.of("$TTL 3600", ". IN SOA a.root.test. h.root.test. 1 2 3 4 5",
                ". IN NS a.root.test.", "a.root.test. IN A 127.61.0.1"));
        List<String> big = new ArrayList<>(List.of("$TTL 3600", "big. IN SOA ns1.big-tld.test. h.big. 1 2 3 4 5"));
        for (int i = 1; i <= tldServers; i++) {
            conf.add("server ns" + i + ".big-tld.test 127.61.1." + i + " zones=big:big.zone");
            root.add("big. IN NS ns" + i + ".big-tld.test.");
            root.add("ns" + i + ".big-tld.test. IN A 127.61.1." + i);
            big.add("big. IN NS ns" + i + ".big-tld.test.");
        }
        List<String> x = new ArrayList<>(List.of("$TTL 3600", "x.big. IN SOA ns1.x.big. h.x.big. 1 2 3 4 5",
                "www.x.big. IN A 192.0.2.1"));
        for (int j = 1; j <= leafServers; j++) {
            conf.add("server ns" + j + ".x.big 127.61.2." + j + " zones=x.big:x.big.zone");
            for (List<String> zone : List.of(big, x)) {
                zone.add("x.big. IN NS ns" + j + ".x.big.");
                zone.add("ns" + j + ".x.big. IN A 127.61.2." + j);
            }
        }
        conf.add("server ns1.evil.big 127.61.3.1 zones=evil.big:evil.big.zone");
        big.add("evil.big. IN NS ns1.evil.big.");
        big.add("ns1.evil.big. IN A 127.61.3.1");
        List<String> evil = List.of("$TTL 3600", "evil.big. IN SOA ns1.evil.big. h.evil.big. 1 2 3 4 5",
                "evil.big. IN NS ns1.evil.big.", "ns1.evil.big. IN A 127.61.3.1",
                "www.evil.big. IN TXT \"" + SCRIPT + "\" \"" + IMG + "\"");
        Files.write(dir.resolve("lab.conf"), conf);
        Files.write(dir.resolve("root.zone"), root);
        Files.write(dir.resolve("big.zone"), big);
        Files.write(dir.resolve("x.big.zone"), x);
        Files.write(dir.resolve("evil.big.zone"), evil);
        return dir;
    }
}
