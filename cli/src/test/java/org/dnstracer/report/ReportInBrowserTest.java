package org.dnstracer.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dnstracer.cli.Cli;
import org.dnstracer.model.Trace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Opens the HTML reports of lab scenarios in headless Chromium and checks what a reader gets: the graph is shown,
 * with one node per server address of the tree, each coloured as the legend says for what the server did; clicking
 * a node shows its details; nothing is logged to the console and nothing is requested. A screenshot of each page is
 * left in target/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportInBrowserTest {
    /** The issue's bounds for a 3,000-query trace. */
    private static final long MAX_BYTES = 5L * 1024 * 1024;
    private static final double MAX_RENDER_MS = 2000;

    private Path dir;

    private ChromeDriver browser;

    @BeforeAll
    void startBrowser(@TempDir Path tempDir) throws Exception {
        HeadlessChromium.assumeAvailable(System.getenv());
        dir = tempDir;
        browser = HeadlessChromium.start(Files.createDirectories(dir.resolve("profile")));
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    static Stream<String> scenarios() {
        return Stream.of("www.example.com", "www.lame.com", "www.partly-lame.com", "www.cname-chain.com",
                "www.servfail.com", "www.glueless.com", "www.timeout.com", "192.0.2.80");
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void labScenarioReportShowsEveryServerAsTheTreeDoes(String host) throws Exception {
        Path page = report(host, "--lab", "-t", "1", host);
        open(page);
        checkGraph();
        clickAndCheckDetails();
        checkQuiet(page);
        screenshot(host);
    }

    /**
     * One server of three serves an expired RRSIG (the lab's zone, signed by our lab signer; the verdict itself is
     * checked against delv elsewhere): the page must show that server as bogus and erroneous, by class and by badge
     * text, the other two as secure, the chain and the findings count in the header, and the whole bogus reason in
     * the text tree without a scrollbar.
     */
    @Test
    void aBogusServerIsDrawnBogusWithItsErrorAndTheHeaderSaysSo() throws Exception {
        Path page = report("one-expired", "--lab", "-D", "-t", "1", "www.one-expired.dnssec.org");
        open(page);
        checkGraph();
        WebElement bogus = browser.findElement(By.cssSelector("g.node[data-server='ns2.one-expired.dnssec.org']"));
        assertThat(bogus.getAttribute("class")).contains("dnssec-bogus").contains("severity-error");
        assertThat(badges(bogus)).containsExactly("error", "DNSSEC bogus");
        for (String secure : List.of("ns1.one-expired.dnssec.org", "ns3.one-expired.dnssec.org")) {
            WebElement node = browser.findElement(By.cssSelector("g.node[data-server='" + secure + "']"));
            assertThat(node.getAttribute("data-dnssec")).as(secure).isEqualTo("secure");
            assertThat(badges(node)).as(secure).containsExactly("DNSSEC secure");
        }
        assertThat(browser.findElement(By.cssSelector("dd[data-field='dnssec-chain']")).getText())
                .contains("one-expired.dnssec.org").contains("bogus: RRSIG one-expired.dnssec.org DNSKEY expired");
        assertThat(browser.findElement(By.cssSelector("dd[data-field='findings']")).getText()).startsWith("1 error");
        assertThat(browser.findElement(By.cssSelector("dd[data-field='exit-status']")).getText())
                .isEqualTo("0 (findings change it only with --fail-on, at or above its level)");
        WebElement tree = browser.findElement(By.cssSelector("#tree pre"));
        assertThat(tree.getText()).contains("[DNSSEC bogus: RRSIG one-expired.dnssec.org DNSKEY expired");
        assertThat(js("return arguments[0].scrollWidth <= arguments[0].clientWidth", tree))
                .as("the text tree wraps instead of hiding its right end").isEqualTo(true);
        bogus.click();
        assertThat(browser.findElement(By.cssSelector("#details .dnssec")).getText())
                .startsWith("DNSSEC: bogus: RRSIG one-expired.dnssec.org DNSKEY expired");
        checkQuiet(page);
        screenshot("one-expired");
    }

    /**
     * The parent's glue for ns2 differs from the child's address record: the node is marked with its error, the
     * finding's row links to it (selecting it and bringing it into view) and its details link back to the row.
     */
    @Test
    void aGlueMismatchServerIsMarkedAndLinkedToItsFindingBothWays() throws Exception {
        Path page = report("glue-mismatch", "--lab", "--check", "-t", "1", "www.glue-mismatch.faults.org");
        open(page);
        checkGraph();
        WebElement node = browser.findElement(By.cssSelector(
                "g.node[data-server='ns2.glue-mismatch.faults.org'][data-address='127.53.60.22']"));
        assertThat(node.getAttribute("class")).contains("severity-error");
        assertThat(node.getAttribute("data-severity")).isEqualTo("error");
        assertThat(badges(node)).containsExactly("error");
        WebElement healthy = browser.findElement(By.cssSelector("g.node[data-server='ns1.glue-mismatch.faults.org']"));
        assertThat(healthy.getAttribute("data-severity")).isNull();
        assertThat(badges(healthy)).isEmpty();
        assertThat(js("return Array.from(document.querySelectorAll('g.band tspan')).map(function (t) {"
                + " return t.textContent; })")).asList().contains("glue-mismatch.faults.org.");

        WebElement row = browser.findElements(By.cssSelector("#findings tbody tr")).stream()
                .filter(r -> r.getText().contains("GLUE_MISMATCH")).findFirst().orElseThrow();
        js("window.scrollTo(0, 0)");
        row.findElement(By.cssSelector("a.node-link")).click();
        assertThat(node.getAttribute("class")).contains("selected");
        assertThat(js("var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight",
                node)).as("the node was brought into view").isEqualTo(true);
        WebElement panel = browser.findElement(By.id("details"));
        assertThat(panel.findElement(By.tagName("h4")).getText())
                .isEqualTo("ns2.glue-mismatch.faults.org (127.53.60.22)");
        WebElement back = panel.findElements(By.cssSelector("a.finding-link")).stream()
                .filter(a -> a.getText().equals("error GLUE_MISMATCH")).findFirst().orElseThrow();
        back.click();
        assertThat(js("return location.hash")).isEqualTo("#" + row.getAttribute("id"));
        assertThat(js("return document.querySelector(':target').id")).isEqualTo(row.getAttribute("id"));
        checkQuiet(page);
        screenshot("glue-mismatch");
    }

    /** The texts of a node's badges, in drawing order. */
    @SuppressWarnings("unchecked")
    private List<String> badges(WebElement node) {
        return (List<String>) js("return Array.from(arguments[0].querySelectorAll('.badge text')).map(function (t) {"
                + " return t.textContent; })", node);
    }

    @Test
    void hostileRecordsAreShownAsTextAndRunNothing() throws Exception {
        Path lab = GeneratedLab.write(dir.resolve("evil-lab"), 2, 2);
        Path page = report("evil", "--lab", lab.toString(), "-q", "TXT", "www.evil.big");
        open(page);
        checkGraph();
        WebElement node = browser.findElement(By.cssSelector("g.node[data-server='ns1.evil.big']"));
        node.click();
        String details = browser.findElement(By.id("details")).getText();
        assertThat(details).contains(GeneratedLab.SCRIPT).contains(GeneratedLab.IMG);
        assertThat(js("return typeof window.pwned")).isEqualTo("undefined");
        assertThat(browser.findElements(By.tagName("script"))).hasSize(3);
        assertThat(browser.findElements(By.tagName("img"))).isEmpty();
        checkQuiet(page);
    }

    @Test
    void aServersDetailsShowItsHedgeReplySizeAndIgnoredReplies() throws Exception {
        Trace trace = TestTraces.hedgedAnswer();
        Path page = dir.resolve("hedged.html");
        Files.writeString(page, HtmlReport.render(trace, List.of(), null,
                DelegationGraph.of(trace).stream().map(GraphLayout::layout).toList(), Instant.EPOCH, Cli.OK));
        open(page);
        browser.findElement(By.cssSelector("g.node[data-server='ns1.example.com']")).click();
        WebElement panel = browser.findElement(By.id("details"));
        int size = trace.sections().get(0).root().exchange().replyOctets().length;
        assertThat(panel.findElements(By.cssSelector("table.tries td"))).extracting(WebElement::getText)
                .containsExactly("1", "udp", "reply", "150", "800", Integer.toString(size));
        assertThat(panel.getText())
                .contains("Try 1 hedged: a second query (ID " + TestTraces.HEDGE_ID
                        + ") went out after 120 ms; the reply answered the hedge.")
                .contains("Try 1 ignored 2 replies:\n" + String.join("\n", TestTraces.IGNORED))
                .contains("rcode NOERROR, flags qr aa, over udp, round trip 150 ms");
        assertThat(panel.findElements(By.cssSelector("table.records td"))).extracting(WebElement::getText)
                .containsExactly("answer", "www.example.com.", "300", "TXT", "\"hello\"");
        checkQuiet(page);
        screenshot("hedged");
    }

    @Test
    void aThreeThousandQueryReportStaysSmallAndRendersFast() throws Exception {
        Path lab = GeneratedLab.write(dir.resolve("big-lab"), 40, 74);
        Path page = report("big", "--lab", lab.toString(), "-c", "--max-ns", "100", "www.x.big");
        assertThat(stat(page, "queries")).isGreaterThanOrEqualTo(3000);
        assertThat(Files.size(page)).isLessThan(MAX_BYTES);
        open(page);
        Object rendered = browser.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "requestAnimationFrame(function () { setTimeout(function () { done(performance.now()); }, 0); });");
        System.out.printf("browser test: 3,000-query report: %d bytes, rendered after %.0f ms%n", Files.size(page),
                ((Number) rendered).doubleValue());
        assertThat(((Number) rendered).doubleValue()).isLessThan(MAX_RENDER_MS);
        checkGraph();
        clickAndCheckDetails();
        checkQuiet(page);
        screenshot("big");
    }

    /** Runs the command, which must write the page. */
    private Path report(String name, String... args) {
        Path page = dir.resolve(name.replaceAll("[^A-Za-z0-9.-]", "_") + ".html");
        List<String> argv = new ArrayList<>(List.of("--html", page.toString()));
        argv.addAll(List.of(args));
        StringWriter err = new StringWriter();
        int status = Cli.run(argv.toArray(String[]::new), new PrintWriter(Writer.nullWriter()), new PrintWriter(err));
        assertThat(err.toString()).as("stderr of %s", argv).isEmpty();
        assertThat(status).as("exit status of %s", argv).isIn(Cli.OK, Cli.NO_AUTHORITATIVE_ANSWER);
        assertThat(page).exists();
        return page;
    }

    private static long stat(Path page, String statsField) throws Exception {
        Matcher m = Pattern.compile("\"stats\":\\{\"" + statsField + "\":(\\d+)").matcher(Files.readString(page));
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private void open(Path page) {
        browser.manage().logs().get(LogType.BROWSER);
        browser.manage().logs().get(LogType.PERFORMANCE);
        browser.get(page.toUri().toString());
        assertThat(js("return document.body.dataset.ready")).as("the page's script ran").isEqualTo("true");
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    /** Node count and colours against the embedded JSON document, read independently of the page's script. */
    @SuppressWarnings("unchecked")
    private void checkGraph() {
        WebElement firstGraph = browser.findElement(By.cssSelector("svg.graph"));
        assertThat(firstGraph.isDisplayed()).isTrue();
        assertThat(firstGraph.getSize().getWidth()).isPositive();
        List<List<List<String>>> visits = (List<List<List<String>>>) js(
                "var doc = JSON.parse(document.getElementById('trace-json').textContent);"
                        + "return doc.sections.map(function (s) { var out = [];"
                        + "  (function walk(n) { out.push([n.server, n.address === null ? '' : n.address, n.outcome]);"
                        + "    n.children.forEach(walk); })(s.tree); return out; });");
        Map<String, String> legend = new LinkedHashMap<>();
        for (WebElement li : browser.findElements(By.cssSelector("ul.legend li[data-outcome]"))) {
            legend.put(li.getAttribute("data-outcome"), li.findElement(By.tagName("path")).getAttribute("fill"));
        }
        assertThat(new HashSet<>(legend.values())).as("one colour per outcome").hasSize(legend.size()).hasSize(8);
        List<WebElement> sections = browser.findElements(By.cssSelector("div.section"));
        assertThat(sections).hasSameSizeAs(visits);
        for (int s = 0; s < visits.size(); s++) {
            Map<String, String> expected = expectedOutcomes(visits.get(s));
            List<WebElement> nodes = sections.get(s).findElements(By.cssSelector("g.node"));
            assertThat(nodes).as("nodes of section %d", s).hasSize(expected.size());
            List<List<String>> drawn = (List<List<String>>) js("return Array.from(arguments[0].querySelectorAll("
                    + "'g.node')).map(function (g) { return [g.dataset.server, g.dataset.address, g.dataset.outcome,"
                    + " g.querySelector('.shape').getAttribute('fill')]; });", sections.get(s));
            Set<String> seen = new HashSet<>();
            for (List<String> d : drawn) {
                String key = d.get(0) + " " + d.get(1);
                assertThat(seen.add(key)).as("one node for %s", key).isTrue();
                assertThat(d.get(2)).as("outcome of %s", key).isEqualTo(expected.get(key));
                assertThat(d.get(3)).as("colour of %s", key).isEqualTo(legend.get(d.get(2)));
            }
        }
    }

    /** The first tree line of an address that asked it decides its outcome; lines that only refer are cached. */
    private static Map<String, String> expectedOutcomes(List<List<String>> visits) {
        Map<String, String> outcome = new LinkedHashMap<>();
        for (List<String> v : visits) {
            String key = v.get(0) + " " + v.get(1);
            boolean reference = v.get(2).equals("cached") || v.get(2).equals("loop");
            if (!reference) {
                outcome.merge(key, outcomeClass(v.get(2)), (first, later) -> first.equals("cached") ? later : first);
            } else {
                outcome.putIfAbsent(key, "cached");
            }
        }
        return outcome;
    }

    private static String outcomeClass(String json) {
        return switch (json) {
            case "authoritative-answer", "authoritative-nxdomain", "authoritative-nodata", "answer", "nxdomain",
                    "nodata" -> "authoritative";
            case "referral" -> "referral";
            case "lame", "upward-referral" -> "lame";
            case "timeout" -> "timeout";
            case "unreachable" -> "unreachable";
            case "server-error", "malformed", "send-error", "internal-error", "loop" -> "error";
            case "not-queried", "no-address", "limit", "unfinished" -> "not-queried";
            default -> throw new AssertionError("unknown outcome " + json);
        };
    }

    /**
     * Clicks the first node of a faulty server (else the last node): the panel names it and lists its lines. The
     * screenshot then shows the details a reader would look for first.
     */
    private void clickAndCheckDetails() {
        List<WebElement> nodes = browser.findElements(By.cssSelector("div.section g.node"));
        WebElement node = nodes.stream()
                .filter(n -> !List.of("referral", "authoritative").contains(n.getAttribute("data-outcome")))
                .findFirst()
                .orElse(nodes.get(nodes.size() - 1));
        node.click();
        WebElement panel = browser.findElement(By.id("details"));
        String address = node.getAttribute("data-address");
        String name = node.getAttribute("data-server") + (address.isEmpty() ? "" : " (" + address + ")");
        assertThat(panel.findElement(By.tagName("h4")).getText()).isEqualTo(name);
        assertThat(panel.findElements(By.cssSelector(".visit"))).isNotEmpty();
        assertThat(node.getAttribute("class")).contains("selected");
        Object sizes = js("return JSON.parse(document.getElementById('node-details').textContent)[arguments[0]]"
                + ".visits.flatMap(function (v) { return (v.tries || []).map(function (t) {"
                + "  return t.size ? String(t.size) : ''; }); });", node.getAttribute("id"));
        assertThat(panel.findElements(By.cssSelector("table.tries td:nth-child(6)"))).as("reply sizes")
                .extracting(WebElement::getText).isEqualTo(sizes);
    }

    /** No console message above info, and no request but the page itself. */
    private void checkQuiet(Path page) {
        List<String> console = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage).toList();
        assertThat(console).as("console errors and warnings").isEmpty();
        Pattern request = Pattern.compile("\"method\":\"Network.requestWillBeSent\".*?\"url\":\"([^\"]*)\"");
        List<String> requests = new ArrayList<>();
        for (LogEntry e : browser.manage().logs().get(LogType.PERFORMANCE)) {
            Matcher m = request.matcher(e.getMessage());
            if (m.find() && !m.group(1).equals(page.toUri().toString())) {
                requests.add(m.group(1));
            }
        }
        assertThat(requests).as("requests other than the page").isEmpty();
        assertThat(js("return performance.getEntriesByType('resource').length")).isEqualTo(0L);
    }

    private void screenshot(String name) throws Exception {
        Path target = Path.of("target", "report-screenshots");
        Files.createDirectories(target);
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, target.resolve(name.replaceAll("[^A-Za-z0-9.-]", "_") + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
