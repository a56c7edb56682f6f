package org.dnstracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every option paired with {@code --bulk}, {@code --lab-serve} and {@code --json}: each pair is either honoured
 * (its effect is seen in the output, and not in the same run without it) or refused (exit 2, one line on stderr);
 * none is silently dropped. The option list comes from the command model, so a new option must be placed here.
 */
class OptionPairsTest {
    @TempDir
    Path dir;

    /** What an option does in a run: refused, or honoured with an effect seen against the run without it. */
    private record Row(List<String> context, List<String> args, BiPredicate<CliRun, CliRun> effect) {
        boolean refused() {
            return effect == null;
        }
    }

    private static Row refused(String... args) {
        return new Row(List.of(), List.of(args), null);
    }

    private static Row honoured(List<String> context, List<String> args, BiPredicate<CliRun, CliRun> effect) {
        return new Row(context, args, effect);
    }

    private static Row honoured(BiPredicate<CliRun, CliRun> effect, String... args) {
        return honoured(List.of(), List.of(args), effect);
    }

    private static Set<String> modelOptions() {
        Set<String> names = new TreeSet<>();
        for (OptionSpec o : new TraceCommand().model().options()) {
            names.add(o.longestName());
        }
        return names;
    }

    /** A port free for the lab: UDP on 127.0.0.1 and, as ns1.example.com also binds ::1, TCP there too. */
    private static int freePort() throws IOException {
        for (int attempt = 0; ; attempt++) {
            try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                int port = s.getLocalPort();
                byte[] v6Loopback = new byte[16];
                v6Loopback[15] = 1;
                try (java.net.ServerSocket v6 = new java.net.ServerSocket(port, 1,
                        InetAddress.getByAddress(v6Loopback))) {
                    return port;
                } catch (IOException busy) {
                    if (attempt >= 20) {
                        throw busy;
                    }
                }
            }
        }
    }

    private static double maxOf(String text, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":([0-9.]+)").matcher(text);
        double max = -1;
        while (m.find()) {
            max = Math.max(max, Double.parseDouble(m.group(1)));
        }
        return max;
    }

    private static List<Integer> all(String text, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":([0-9]+)").matcher(text);
        List<Integer> found = new ArrayList<>();
        while (m.find()) {
            found.add(Integer.parseInt(m.group(1)));
        }
        return found;
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    /** For each option of the model: what it does with {@code --bulk} in the built-in lab. */
    private Map<String, Row> bulkRows() throws IOException {
        Path anchor = dir.resolve("wrong-root.key");
        Files.writeString(anchor, ". IN DS 12345 8 2 " + "0".repeat(64) + "\n");
        int port = freePort();
        List<String> json = List.of("--json");
        Map<String, Row> rows = new LinkedHashMap<>();
        rows.put("--no-cache", refused("-c"));
        rows.put("--negative-cache", refused("-C"));
        rows.put("--overview", refused("-o"));
        rows.put("--verbose", refused("-v"));
        rows.put("--query-type", honoured((with, without) -> with.out().contains("\"name\":\"www.example.com.\","
                + "\"type\":\"MX\"") && !without.out().contains("\"type\":\"MX\""), "-q", "MX"));
        rows.put("--retries", honoured(json, List.of("-r", "1"), (with, without) ->
                with.out().contains("\"tries\":1,\"authoritativeAnswer\"")
                        && without.out().contains("\"tries\":3,\"authoritativeAnswer\"")));
        rows.put("--server", honoured((with, without) -> !with.out().contains("\"address\":\"127.53.0.1\"")
                && without.out().contains("\"address\":\"127.53.0.1\""), "-s", "127.53.1.1"));
        rows.put("--timeout", honoured(json, List.of("-t", "0.01"), (with, without) ->
                maxOf(with.out(), "timeoutMs") == 10.0 && maxOf(without.out(), "timeoutMs") > 10.0));
        // the lab's root has no IPv6 address: a run limited to IPv6 says so, which shows the limit was taken
        rows.put("--source", honoured((with, without) -> with.status() == Cli.USAGE
                && with.err().contains("no address of the family asked for") && without.status() != Cli.USAGE,
                "-S", "::1"));
        rows.put("--ipv4", honoured((with, without) ->
                with.out().contains("\"address\":\"::1\",\"zone\":\"example.com.\",\"outcome\":\"not-queried\"")
                        && without.out().contains("\"address\":\"::1\",\"zone\":\"example.com.\","
                                + "\"outcome\":\"authoritative-answer\""), "-4"));
        rows.put("--ipv6", honoured((with, without) -> with.status() == Cli.USAGE
                && with.err().contains("no address of the family asked for") && without.status() != Cli.USAGE,
                "-6"));
        rows.put("--port", honoured(json, List.of("-p", "" + port), (with, without) ->
                with.out().contains("\"port\":" + port + ",") && !without.out().contains("\"port\":" + port + ",")));
        rows.put("--root-hints", refused("--root-hints", anchor.toString()));
        rows.put("--tcp", honoured(json, List.of("--tcp"), (with, without) ->
                !with.out().contains("\"protocol\":\"udp\"") && without.out().contains("\"protocol\":\"udp\"")));
        // one name at a time: which referrals come from the shared cache, and so which replies there are, is fixed
        rows.put("--no-edns", honoured(List.of("--json", "--parallel", "1"), List.of("--no-edns"), (with, without) -> {
            List<Integer> a = all(with.out(), "size");
            List<Integer> b = all(without.out(), "size");
            // the same replies, each without its 11-octet OPT record
            return !a.isEmpty() && a.size() == b.size()
                    && java.util.stream.IntStream.range(0, a.size()).allMatch(i -> a.get(i) == b.get(i) - 11);
        }));
        // big.example.com TXT is some 2,000 octets: TC=1 at 1232, whole over UDP at 4096
        rows.put("--edns-size", honoured(json, List.of("--edns-size", "4096"), (with, without) ->
                count(with.out(), "\"protocol\":\"tcp\"") < count(without.out(), "\"protocol\":\"tcp\"")));
        rows.put("--dnssec", honoured((with, without) -> with.out().contains("\"code\":\"DNSSEC_RRSIG_EXPIRED\"")
                && with.out().contains("\"dnssec\":{\"status\":\"bogus\"")
                && !without.out().contains("DNSSEC"), "-D"));
        rows.put("--trust-anchor", honoured(List.of("-D"), List.of("--trust-anchor", anchor.toString()),
                (with, without) -> with.out().contains("no DNSKEY matches the DS (key tag 12345)")
                        && !without.out().contains("key tag 12345")));
        rows.put("--dnssec-time", honoured(List.of("-D"), List.of("--dnssec-time", "2000-01-01"),
                (with, without) -> with.out().contains("not valid before")
                        && !without.out().contains("not valid before")));
        rows.put("--json", honoured((with, without) -> with.out().contains("{\"schema\":1,")
                && !without.out().contains("\"schema\""), "--json"));
        rows.put("--html", refused("--html", dir.resolve("r.html").toString()));
        rows.put("--svg", refused("--svg", dir.resolve("r.svg").toString()));
        rows.put("--dot", refused("--dot", dir.resolve("r.dot").toString()));
        rows.put("--check", honoured((with, without) -> with.out().contains("\"code\":\"GLUE_MISMATCH\"")
                && !without.out().contains("GLUE_MISMATCH"), "--check"));
        rows.put("--axfr", honoured((with, without) -> with.out().contains("\"code\":\"AXFR_ALLOWED\"")
                && !without.out().contains("AXFR_ALLOWED"), "--axfr"));
        // www.lame.com has LAME_REFUSED, an error: 4, where the run without says 1 (a name without an answer)
        rows.put("--fail-on", honoured((with, without) -> with.status() == Cli.FINDINGS
                && without.status() == Cli.NO_AUTHORITATIVE_ANSWER, "--fail-on", "error"));
        // SINGLE_NAME_SERVER (warnings) and LAME_REFUSED (errors) stay in the lines, marked hidden
        rows.put("--level", honoured((with, without) -> with.out().contains("\"code\":\"SINGLE_NAME_SERVER\"")
                && with.out().contains("\"hidden\":true") && !without.out().contains("\"hidden\""),
                "--level", "error"));
        rows.put("--ignore", honoured((with, without) -> with.out().contains("\"code\":\"LAME_REFUSED\"")
                && with.out().contains("\"hidden\":true") && !without.out().contains("\"hidden\""),
                "--ignore", "LAME_REFUSED"));
        rows.put("--no-follow-cname", honoured((with, without) -> !with.out().contains("alias.chain-target.net.\"")
                && without.out().contains("\"qname\":\"alias.chain-target.net.\""), "--no-follow-cname"));
        rows.put("--max-time", honoured(List.of(), List.of("--max-time", "1"), (with, without) ->
                with.out().contains("time limit of 1 s reached") && !without.out().contains("time limit")));
        rows.put("--max-ns", honoured((with, without) -> with.out().contains("not followed")
                && !without.out().contains("not followed"), "--max-ns", "1"));
        rows.put("--lab", honoured((with, without) -> true)); // the context of every run here
        rows.put("--lab-serve", refused("--lab-serve"));
        rows.put("--lab-for", refused("--lab-for", "1"));
        rows.put("--bulk", honoured((with, without) -> true)); // the option every row is paired with
        Path out = dir.resolve("out.ndjson");
        rows.put("--out", honoured((with, without) -> with.out().isEmpty() && !without.out().isEmpty()
                && readable(out).contains("\"name\":\"www.example.com.\""), "--out", out.toString()));
        rows.put("--resume", refused("--resume")); // without --out: nothing to resume from
        // timing only (order of completion, names at once, pacing, sockets, a bar on a terminal): accepted here,
        // their effects are BulkCommandTest's and BulkRateOnLabTest's
        for (String timing : List.of("--unordered", "--no-progress")) {
            rows.put(timing, honoured((with, without) -> with.status() == without.status()
                    && with.out().lines().count() == without.out().lines().count(), timing));
        }
        rows.put("--parallel", honoured((with, without) -> with.status() == without.status()
                && with.out().lines().count() == without.out().lines().count(), "--parallel", "1"));
        rows.put("--rate", honoured((with, without) -> true)); // --rate 0 is the context of every run here
        rows.put("--in-flight", honoured((with, without) -> with.status() == without.status()
                && with.out().lines().count() == without.out().lines().count(), "--in-flight", "1"));
        rows.put("--zone", refused("--zone", "example.com")); // zone mode checks one zone (ZoneModeTest)
        rows.put("--ns", refused("--ns", "ns1.example.com/127.53.2.1"));
        rows.put("--save", refused("--save", dir.resolve("s.json").toString()));
        rows.put("--replay", refused("--replay", dir.resolve("s.json").toString()));
        rows.put("--help", honoured((with, without) -> with.out().contains("Usage:") && !without.out()
                .contains("Usage:"), "--help"));
        rows.put("--version", honoured((with, without) -> with.out().startsWith("dnstracer ")
                && !without.out().startsWith("dnstracer "), "--version"));
        rows.put("--explain", honoured((with, without) -> with.out().startsWith("LAME_REFUSED (error")
                && !without.out().contains("LAME_REFUSED (error"), "--explain", "LAME_REFUSED"));
        return rows;
    }

    private static String readable(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    private static void assertRefused(SoftAssertions soft, String what, CliRun run) {
        soft.assertThat(run.status()).as(what + ": exit status (stderr: %s)", run.err()).isEqualTo(Cli.USAGE);
        soft.assertThat(run.err().lines().count()).as(what + ": one line on stderr: %s", run.err()).isEqualTo(1);
        soft.assertThat(run.err()).as(what).startsWith("dnstracer: ");
    }

    @Test
    void everyOptionWithBulkIsHonouredOrRefused() throws IOException {
        Map<String, Row> rows = bulkRows();
        assertThat(rows.keySet()).as("every option of the model has its row").containsExactlyInAnyOrderElementsOf(
                modelOptions());
        Path names = dir.resolve("names.txt");
        Files.writeString(names, String.join("\n", "www.example.com", "www.cname-chain.com", "www.lame.com",
                "www.one-expired.dnssec.org", "www.glue-mismatch.faults.org", "www.axfr.faults.org",
                "big.example.com TXT", "www.wide.net", ""));
        Path slow = dir.resolve("slow.txt");
        Files.writeString(slow, "www.timeout.com\n");
        Map<List<String>, CliRun> baselines = new HashMap<>();
        SoftAssertions soft = new SoftAssertions();
        for (Map.Entry<String, Row> e : rows.entrySet()) {
            Row row = e.getValue();
            // --max-time needs a silent server to cut: its own input, enough tries (each -r is one query, the
            // timeouts grow from the adaptive start up to -t) to outlast 1 s
            boolean timed = e.getKey().equals("--max-time");
            List<String> context = new ArrayList<>(List.of("--lab", "--rate", "0", "--bulk",
                    (timed ? slow : names).toString()));
            context.addAll(timed ? List.of("-t", "3", "-r", "8") : List.of());
            context.addAll(row.context());
            List<String> args = new ArrayList<>(context);
            args.addAll(row.args());
            CliRun with = CliRun.of(args.toArray(String[]::new));
            if (row.refused()) {
                assertRefused(soft, "--bulk with " + e.getKey(), with);
                continue;
            }
            CliRun without = baselines.computeIfAbsent(context, c -> CliRun.of(c.toArray(String[]::new)));
            soft.assertThat(row.effect().test(with, without))
                    .as("--bulk with %s is honoured: exit %d, stderr %s, stdout %.600s", e.getKey(), with.status(),
                            with.err(), with.out())
                    .isTrue();
        }
        soft.assertAll();
    }

    /** For each option of the model: what it does with {@code --zone} (zone mode) in the built-in lab. */
    private Map<String, Row> zoneRows() throws IOException {
        Path anchor = dir.resolve("wrong-root.key");
        Files.writeString(anchor, ". IN DS 12345 8 2 " + "0".repeat(64) + "\n");
        int port = freePort();
        List<String> example = List.of("--zone", "example.com");
        List<String> signed = List.of("--zone", "secure.dnssec.org", "-D");
        Map<String, Row> rows = new LinkedHashMap<>();
        rows.put("--no-cache", honoured(example, List.of("-c"), (with, without) -> !with.out().contains("(cached)")
                && without.out().contains("(cached)")));
        // ns2.timeout.com is silent: asked again under the second com server with -c, skipped with -C as well
        rows.put("--negative-cache", honoured(List.of("--zone", "timeout.com", "-c", "-r", "1", "-t", "0.3"),
                List.of("-C"), (with, without) -> with.out().contains("(cached) [timeout]")
                        && !without.out().contains("(cached) [timeout]")));
        rows.put("--overview", honoured(example, List.of("-o"), (with, without) ->
                with.out().contains("ns2.example.com (127.53.2.2)            example.com -> ns1.example.com")
                        && !without.out().contains("example.com -> ns1.example.com")));
        rows.put("--verbose", honoured(example, List.of("-v"), (with, without) ->
                with.out().contains(";; try 1: UDP query to 127.53.2.1:") && !without.out().contains(";; try 1:")));
        rows.put("--query-type", refused("--zone", "example.com", "-q", "MX"));
        rows.put("--retries", honoured(example, List.of("-r", "1"), (with, without) ->
                with.out().contains("maximum of 1 retries") && without.out().contains("maximum of 3 retries")));
        rows.put("--server", honoured(example, List.of("-s", "127.53.1.1"), (with, without) ->
                with.out().startsWith("Tracing to example.com[SOA] via 127.53.1.1")
                        && without.out().startsWith("Tracing to example.com[SOA] via a.root-servers.net")));
        rows.put("--timeout", honoured(List.of("--zone", "example.com", "--json"), List.of("-t", "0.01"),
                (with, without) -> maxOf(with.out().replace("\" : ", "\":"), "timeoutMs") == 10.0
                        && maxOf(without.out().replace("\" : ", "\":"), "timeoutMs") > 10.0));
        rows.put("--source", honoured(example, List.of("-S", "::1"), (with, without) -> with.status() == Cli.USAGE
                && with.err().contains("no address of the family asked for") && without.status() != Cli.USAGE));
        rows.put("--ipv4", honoured(example, List.of("-4"), (with, without) ->
                with.out().contains("ns1.example.com [example.com] (::1) Not queried")
                        && without.out().contains("ns1.example.com [example.com] (::1) Got authoritative answer")));
        rows.put("--ipv6", honoured(example, List.of("-6"), (with, without) -> with.status() == Cli.USAGE
                && with.err().contains("no address of the family asked for") && without.status() != Cli.USAGE));
        rows.put("--port", honoured(List.of("--zone", "example.com", "--json"), List.of("-p", "" + port),
                (with, without) -> with.out().contains("\"port\" : " + port + ",")
                        && !without.out().contains("\"port\" : " + port + ",")));
        rows.put("--root-hints", refused("--zone", "example.com", "--root-hints", anchor.toString()));
        rows.put("--tcp", honoured(List.of("--zone", "example.com", "--json"), List.of("--tcp"), (with, without) ->
                !with.out().contains("\"protocol\" : \"udp\"") && without.out().contains("\"protocol\" : \"udp\"")));
        // ns1.no-edns.faults.org answers FORMERR to EDNS: without EDNS there is nothing to fall back from
        rows.put("--no-edns", honoured(List.of("--zone", "no-edns.faults.org"), List.of("--no-edns"),
                (with, without) -> !with.out().contains("[EDNS rejected, answered without]")
                        && without.out().contains("[EDNS rejected, answered without]")));
        // big-referral.faults.org's referral does not fit 512 octets: TC=1 at 512, whole at 1232
        rows.put("--edns-size", honoured(List.of("--zone", "big-referral.faults.org", "--json"),
                List.of("--edns-size", "512"), (with, without) ->
                        count(with.out(), "\"protocol\" : \"tcp\"") > count(without.out(), "\"protocol\" : \"tcp\"")));
        rows.put("--dnssec", honoured(List.of("--zone", "one-expired.dnssec.org"), List.of("-D"), (with, without) ->
                with.out().contains("DNSSEC_RRSIG_EXPIRED") && !without.out().contains("DNSSEC")));
        rows.put("--trust-anchor", honoured(signed, List.of("--trust-anchor", anchor.toString()),
                (with, without) -> with.out().contains("no DNSKEY matches the DS (key tag 12345)")
                        && !without.out().contains("key tag 12345")));
        rows.put("--dnssec-time", honoured(signed, List.of("--dnssec-time", "2000-01-01"),
                (with, without) -> with.out().contains("not valid before")
                        && !without.out().contains("not valid before")));
        rows.put("--json", honoured(example, List.of("--json"), (with, without) -> with.out().contains("\"schema\" : 1")
                && !without.out().contains("\"schema\"")));
        for (String report : List.of("--html", "--svg", "--dot")) {
            Path file = dir.resolve("zone-report." + report.substring(2));
            rows.put(report, honoured(example, List.of(report, file.toString()), (with, without) ->
                    readable(file).contains("ns3.example.com")));
        }
        // zone mode runs the --check probes: given or not, RECURSION_AVAILABLE (a probe finding) is there
        rows.put("--check", honoured(List.of("--zone", "recursive.faults.org"), List.of("--check"),
                (with, without) -> with.out().contains("RECURSION_AVAILABLE")
                        && without.out().contains("RECURSION_AVAILABLE")));
        rows.put("--zone", honoured((with, without) -> true)); // the option every row is paired with
        rows.put("--ns", honoured(List.of("--zone", "undelegated.faults.org"),
                List.of("--ns", "ns1.undelegated.faults.org/127.53.62.1"), (with, without) -> with.status() == Cli.OK
                        && with.out().contains("given by --ns") && without.status() == Cli.NO_AUTHORITATIVE_ANSWER));
        rows.put("--axfr", honoured(List.of("--zone", "axfr.faults.org"), List.of("--axfr"), (with, without) ->
                with.out().contains("AXFR_ALLOWED") && !without.out().contains("AXFR_ALLOWED")));
        rows.put("--fail-on", honoured(List.of("--zone", "partly-lame.com"), List.of("--fail-on", "error"),
                (with, without) -> with.status() == Cli.FINDINGS && without.status() == Cli.OK));
        rows.put("--level", honoured(List.of("--zone", "single.faults.org"), List.of("--level", "error"),
                (with, without) -> !with.out().contains("warning SINGLE_NAME_SERVER")
                        && without.out().contains("warning SINGLE_NAME_SERVER")));
        rows.put("--ignore", honoured(List.of("--zone", "partly-lame.com"), List.of("--ignore", "LAME_REFUSED"),
                (with, without) -> !with.out().contains("error   LAME_REFUSED")
                        && without.out().contains("error   LAME_REFUSED")));
        rows.put("--explain", refused("--zone", "example.com", "--explain", "LAME_REFUSED"));
        // web.example.com is a CNAME: its target's section is traced unless told not to
        rows.put("--no-follow-cname", honoured(List.of("--zone", "web.example.com"), List.of("--no-follow-cname"),
                (with, without) -> !with.out().contains("(CNAME target of web.example.com)")
                        && without.out().contains("(CNAME target of web.example.com)")));
        rows.put("--max-time", honoured(List.of("--zone", "timeout.com", "-t", "3", "-r", "8"),
                List.of("--max-time", "1"), (with, without) -> with.out().contains("time limit of 1 s reached")
                        && !without.out().contains("time limit")));
        rows.put("--max-ns", honoured(example, List.of("--max-ns", "1"), (with, without) ->
                with.out().contains("not followed") && !without.out().contains("not followed")));
        rows.put("--lab", honoured((with, without) -> true)); // the context of every run here
        rows.put("--lab-serve", refused("--zone", "example.com", "--lab-serve"));
        rows.put("--lab-for", refused("--zone", "example.com", "--lab-for", "1"));
        rows.put("--bulk", refused("--zone", "example.com", "--bulk", "-"));
        for (String bulkOnly : List.of("--resume", "--unordered", "--no-progress")) {
            rows.put(bulkOnly, refused("--zone", "example.com", bulkOnly));
        }
        rows.put("--out", refused("--zone", "example.com", "--out", dir.resolve("o.ndjson").toString()));
        rows.put("--parallel", refused("--zone", "example.com", "--parallel", "2"));
        rows.put("--rate", refused("--zone", "example.com", "--rate", "0"));
        rows.put("--in-flight", refused("--zone", "example.com", "--in-flight", "2"));
        Path saved = dir.resolve("z.json");
        rows.put("--save", honoured(example, List.of("--save", saved.toString()), (with, without) ->
                readable(saved).contains("\"zone\" : {\n      \"name\" : \"example.com.\"")));
        rows.put("--replay", refused("--zone", "example.com", "--replay", dir.resolve("z.json").toString()));
        rows.put("--help", honoured(example, List.of("--help"), (with, without) -> with.out().contains("Usage:")
                && !without.out().contains("Usage:")));
        rows.put("--version", honoured(example, List.of("--version"), (with, without) ->
                with.out().startsWith("dnstracer ") && !without.out().startsWith("dnstracer ")));
        return rows;
    }

    @Test
    void everyOptionWithZoneIsHonouredOrRefused() throws IOException {
        Map<String, Row> rows = zoneRows();
        assertThat(rows.keySet()).as("every option of the model has its row").containsExactlyInAnyOrderElementsOf(
                modelOptions());
        Map<List<String>, CliRun> baselines = new HashMap<>();
        SoftAssertions soft = new SoftAssertions();
        for (Map.Entry<String, Row> e : rows.entrySet()) {
            Row row = e.getValue();
            if (row.refused()) {
                List<String> args = new ArrayList<>(List.of("--lab"));
                args.addAll(row.args());
                assertRefused(soft, "--zone with " + e.getKey(), CliRun.of(args.toArray(String[]::new)));
                continue;
            }
            if (row.context().isEmpty()) {
                continue; // --lab and --zone: the context of every other row
            }
            List<String> context = new ArrayList<>(List.of("--lab"));
            context.addAll(row.context());
            List<String> args = new ArrayList<>(context);
            args.addAll(row.args());
            CliRun with = CliRun.of(args.toArray(String[]::new));
            CliRun without = baselines.computeIfAbsent(context, c -> CliRun.of(c.toArray(String[]::new)));
            soft.assertThat(row.effect().test(with, without))
                    .as("--zone with %s is honoured: exit %d, stderr %s, stdout %.600s", e.getKey(), with.status(),
                            with.err(), with.out())
                    .isTrue();
        }
        soft.assertAll();
    }

    /** The lab server traces nothing: every option about a trace is refused, not ignored. */
    @Test
    void everyOptionWithLabServeIsRefusedExceptItsOwn() throws IOException {
        Set<String> own = Set.of("--lab-serve", "--port", "--dnssec", "--lab-for", "--help", "--version",
                "--explain"); // its own, and those that print and exit
        SoftAssertions soft = new SoftAssertions();
        for (Map.Entry<String, Row> e : bulkRows().entrySet()) {
            if (own.contains(e.getKey())) {
                continue;
            }
            List<String> args = new ArrayList<>(List.of("--lab-serve", "--lab-for", "0.1"));
            // the rows without arguments are the bulk runs' context: given here with a value of their own
            Map<String, List<String>> context = Map.of("--lab", List.of("--lab"), "--bulk", List.of("--bulk", "-"),
                    "--rate", List.of("--rate", "0"));
            args.addAll(context.getOrDefault(e.getKey(), e.getValue().args()));
            assertRefused(soft, String.join(" ", args), CliRun.of(args.toArray(String[]::new)));
        }
        soft.assertAll();
    }

    @Test
    void textOnlyOptionsAreRefusedWithJson() {
        for (String text : List.of("-o", "-v")) {
            CliRun run = CliRun.of("--lab", "--json", text, "www.example.com");
            assertThat(run.status()).isEqualTo(Cli.USAGE);
            assertThat(run.err()).isEqualTo("dnstracer: " + text + " prints text; --json holds the answers and every "
                    + "exchange already: drop " + text + "\n");
        }
    }
}
