package org.dnstracer.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Transport behaviours against each real server directly: what BIND, NSD and Knot send when an
 * answer does not fit (seen raw by {@link DnsProbe}), and that our tracer handles it: TC leads to
 * TCP, the EDNS payload size is what the server honours, REFUSED and SERVFAIL are shown.
 */
@Tag("interop")
class TransportInteropTest {
    private static final Pattern REPLY =
            Pattern.compile("rcode=(\\S+) aa=(\\S+) tc=(\\S+) an=(\\d+) size=(\\d+)");
    private static InteropLab lab;

    record Reply(String rcode, boolean aa, boolean tc, int answers, int size) {}

    @BeforeAll
    static void startLab() throws Exception {
        Skip.unless(InteropLab.missingRequirement());
        lab = InteropLab.start();
    }

    @AfterAll
    static void stopLab() {
        if (lab != null) {
            lab.close();
        }
    }

    /** Sends each {@code server,qname,type,mode} once from inside the namespace. */
    private static Map<String, Reply> probe(String... specs) throws Exception {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DnsProbe.class.getName()));
        argv.addAll(List.of(specs));
        Command.Result r = lab.exec(Tracers.LIMIT, argv);
        assertThat(r.exit()).as(r.describe()).isZero();
        Map<String, Reply> replies = new LinkedHashMap<>();
        for (String line : r.stdout().split("\\R")) {
            Matcher m = REPLY.matcher(line);
            if (m.find()) {
                replies.put(line.substring(0, line.indexOf(' ')), new Reply(m.group(1), Boolean.parseBoolean(m.group(2)),
                        Boolean.parseBoolean(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5))));
            }
        }
        assertThat(replies.keySet()).as(r.describe()).containsExactly(specs);
        return replies;
    }

    @ParameterizedTest(name = "{0} truncates as expected and honours the EDNS payload size")
    @CsvSource({"BIND, 127.54.10.1, true", "NSD, 127.54.10.2, false", "Knot, 127.54.10.3, false"})
    void serversTruncateAndHonourPayloadSize(String software, String ip, boolean partlyFilledWithoutEdns)
            throws Exception {
        Map<String, Reply> r = probe(ip + ",huge.example.com,A,udp", ip + ",huge.example.com,A,udp1232",
                ip + ",huge.example.com,A,tcp", ip + ",big.example.com,A,udp1232", ip + ",big.example.com,A,udp512",
                ip + ",big.example.com,A,udp");
        Reply hugeUdp = r.get(ip + ",huge.example.com,A,udp");
        assertThat(hugeUdp.tc()).isTrue();
        assertThat(hugeUdp.size()).isLessThanOrEqualTo(512);
        // NSD and Knot send an empty truncated answer; BIND fills in what fits (without EDNS)
        assertThat(hugeUdp.answers() > 0).as(software + " answers in a truncated reply").isEqualTo(partlyFilledWithoutEdns);
        Reply hugeEdns = r.get(ip + ",huge.example.com,A,udp1232");
        assertThat(hugeEdns.tc()).isTrue();
        assertThat(hugeEdns.size()).isLessThanOrEqualTo(1232);
        assertThat(r.get(ip + ",huge.example.com,A,tcp")).extracting(Reply::tc, Reply::answers).containsExactly(false, 90);
        Reply bigEdns = r.get(ip + ",big.example.com,A,udp1232");
        assertThat(bigEdns).extracting(Reply::tc, Reply::answers).containsExactly(false, 40);
        assertThat(bigEdns.size()).isBetween(513, 1232);
        assertThat(r.get(ip + ",big.example.com,A,udp512").tc()).isTrue();
        assertThat(r.get(ip + ",big.example.com,A,udp512").size()).isLessThanOrEqualTo(512);
        assertThat(r.get(ip + ",big.example.com,A,udp").tc()).isTrue();
    }

    @ParameterizedTest(name = "{0} answers {2} for a zone it lacks or cannot load")
    @CsvSource({"BIND, 127.54.12.1, REFUSED, www.lame.com", "NSD, 127.54.12.2, REFUSED, www.lame.com",
            "Knot, 127.54.12.3, REFUSED, www.lame.com", "BIND, 127.54.16.1, SERVFAIL, www.broken.com",
            "NSD, 127.54.16.2, SERVFAIL, www.broken.com", "Knot, 127.54.16.3, SERVFAIL, www.broken.com"})
    void serversRefuseOrFail(String software, String ip, String rcode, String qname) throws Exception {
        String spec = ip + "," + qname + ",A,udp1232";
        assertThat(probe(spec).get(spec)).extracting(Reply::rcode, Reply::aa).containsExactly(rcode, false);

        Command.Result ours = Tracers.ours(lab, List.of("-r", "1", "-t", "1", "-s", ip, qname));
        TraceLine start = TraceOutputParser.parse(ours.stdout()).mainTree().get(0);
        assertThat(start.hasTag(rcode)).as(software + ": " + ours.describe()).isTrue();
        assertThat(start.outcome()).as(ours.describe()).isNotEqualTo(Outcome.AUTHORITATIVE);
        assertThat(ours.exit()).as(ours.describe()).isEqualTo(1);
    }

    @ParameterizedTest(name = "ours against {0}: {2} {3}")
    @CsvSource({
        "BIND, 127.54.10.1, huge.example.com, '', 90, true",
        "NSD,  127.54.10.2, huge.example.com, '', 90, true",
        "Knot, 127.54.10.3, huge.example.com, '', 90, true",
        "BIND, 127.54.10.1, big.example.com, '', 40, false",
        "NSD,  127.54.10.2, big.example.com, '', 40, false",
        "Knot, 127.54.10.3, big.example.com, '', 40, false",
        "BIND, 127.54.10.1, big.example.com, --edns-size=512, 40, true",
        "NSD,  127.54.10.2, big.example.com, --edns-size=512, 40, true",
        "Knot, 127.54.10.3, big.example.com, --no-edns, 40, true",
        "BIND, 127.54.10.1, big.example.com, --no-edns, 40, true"})
    void oursGetsTheWholeAnswer(String software, String ip, String qname, String option, int records,
            boolean viaTcp) throws Exception {
        List<String> args = new ArrayList<>(List.of("-r", "1", "-t", "2", "-v", "-o", "-s", ip));
        if (!option.isEmpty()) {
            args.add(option);
        }
        args.add(qname);
        Command.Result ours = Tracers.ours(lab, args);
        TraceOutput out = TraceOutputParser.parse(ours.stdout());
        assertThat(ours.exit()).as(ours.describe()).isZero();
        assertThat(out.mainTree().get(0).outcome()).as(ours.describe()).isEqualTo(Outcome.AUTHORITATIVE);
        assertThat(out.mainTree().get(0).hasTag("truncated, retried over TCP")).as(ours.describe()).isEqualTo(viaTcp);
        assertThat(out.overview()).as(ours.describe()).hasSize(records);
        String payload = option.equals("--no-edns") ? null : option.isEmpty() ? "1232" : option.substring(12);
        if (payload != null) {
            // the -v dump of our query shows the payload size we advertised
            assertThat(ours.stdout()).as(ours.describe()).contains("udp: " + payload);
        } else {
            // no OPT in our query, so none in any reply either
            assertThat(ours.stdout()).as(ours.describe()).doesNotContain("EDNS:");
        }
    }
}
