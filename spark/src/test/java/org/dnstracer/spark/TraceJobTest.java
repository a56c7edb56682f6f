package org.dnstracer.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.dnstracer.cli.Cli;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Type;

/**
 * The job in Spark's local mode ({@code local[2]}, bound to 127.0.0.1, no UI) over the built-in lab, which each
 * run starts in this JVM on loopback: the same per-name results as {@code dnstracer --bulk}, bad and failing
 * names as rows, the output schema pinned. One Spark session for the class (its start is most of the time).
 */
class TraceJobTest {
    /** Names over every kind of zone of the lab, two bad lines, a comment and a blank line. */
    static final String NAMES = String.join("\n",
            "# a comment, then a blank line",
            "",
            "www.example.com",
            "example.com MX   # a trailing comment",
            "bad..name",
            "nonexistent.example.com",
            "192.0.2.80",
            "www.lame.com",
            "www.glueless.com AAAA",
            "a b c",
            "www.partly-lame.com",
            "www.cname-chain.com",
            "www.example.org",
            "example.net NS",
            "deep.org SOA",
            "");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder()
                .config(Embedded.configure(new SparkConf().setMaster("local[2]").setAppName("TraceJobTest")))
                .getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    /** The lab, no rate limit (as the CLI's --rate 0), -t 1; parallel makes each test's tracer its own. */
    private static TracerConfig lab(int parallel) {
        return new TracerConfig("", null, 0, 0, 5, parallel, 24, 1000, 3, 120, Type.A);
    }

    private JobSpec spec(Path input, String format, int partitions, int parallel) {
        return new JobSpec(input.toString(), "text", "name", dir.resolve("out-" + format).toString(), format, false,
                partitions, lab(parallel));
    }

    private Path names() throws IOException {
        Path file = dir.resolve("names.txt");
        Files.writeString(file, NAMES);
        return file;
    }

    /** The JSON results in order: the part files by name, each line by line. */
    private static List<String> resultLines(Path results) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> parts = Files.list(results)) {
            for (Path part : parts.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
                lines.addAll(Files.readAllLines(part, StandardCharsets.UTF_8));
            }
        }
        return lines;
    }

    /**
     * A line without what depends on timing or on what the shared caches held when the name ran (they are shared by
     * names in flight together, in both runs): the time, and which servers were asked for this name rather than
     * taken from the cache, so also the query count.
     */
    private static String cacheFree(String line) {
        try {
            ObjectNode o = (ObjectNode) MAPPER.readTree(line);
            o.remove(List.of("elapsedMs", "servers", "queries"));
            return o.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void namesOverSeveralPartitionsGiveTheSameResultsAsTheCliBulk() throws IOException {
        Path input = names();
        JobSpec spec = spec(input, "json", 4, 7);
        assertThat(TraceJob.lines(spark, spec).glom().collect()).extracting(List::size)
                .as("the input spread over partitions").filteredOn(n -> n > 0).hasSizeGreaterThanOrEqualTo(3);

        JobSummary summary = TraceJob.run(spark, spec);
        List<String> job = resultLines(Path.of(spec.out(), JobSpec.RESULTS));

        Path cliOut = dir.resolve("cli.ndjson");
        StringWriter err = new StringWriter();
        int status = Cli.run(new String[] {"--lab", "-t", "1", "--rate", "0", "--no-progress", "--bulk",
            input.toString(), "--out", cliOut.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(status).as("the CLI's run: %s", err).isEqualTo(Cli.USAGE); // its exit status for bad lines
        List<String> cli = Files.readAllLines(cliOut, StandardCharsets.UTF_8);

        assertThat(job).hasSize(13).hasSameSizeAs(cli);
        assertThat(job.stream().map(TraceJobTest::cacheFree).toList())
                .containsExactlyElementsOf(cli.stream().map(TraceJobTest::cacheFree).toList());
        assertThat(job.get(0)).startsWith("{\"line\":3,\"input\":\"www.example.com\",\"name\":\"www.example.com.\"");
        assertThat(summary.names()).isEqualTo(13);
        assertThat(summary.badInputs()).isEqualTo(2);
    }

    @Test
    void badAndFailingNamesOfATableColumnGiveErrorRowsAndTheJobGoesOn() throws IOException {
        // the names in a column of a Parquet table this time
        Path input = dir.resolve("names.parquet");
        spark.createDataset(List.of("bad..name", "www.example.com", "x y z", "www.lame.com", "example.com NOSUCHTYPE"),
                Encoders.STRING()).toDF("host").coalesce(1).write().parquet(input.toString());
        JobSpec spec = new JobSpec(input.toString(), "parquet", "host", dir.resolve("out").toString(), "parquet",
                false, 3, lab(5));
        JobSummary summary = TraceJob.run(spark, spec);

        List<Row> rows = spark.read().parquet(spec.out() + "/" + JobSpec.RESULTS).orderBy("line").collectAsList();
        assertThat(rows).extracting(r -> r.getAs("verdict"))
                .containsExactly("error", "answer", "error", "no-authoritative-answer", "error");
        assertThat(rows).extracting(r -> r.getAs("error"))
                .filteredOn(e -> e != null).hasSize(3).allSatisfy(e -> assertThat((String) e).isNotBlank());
        assertThat(rows.get(3).<String>getAs("json")).contains("\"lameReason\":\"refused\"");
        assertThat(summary.badInputs()).isEqualTo(3);
        assertThat(summary.verdicts()).containsEntry("error", 3L).containsEntry("answer", 1L)
                .containsEntry("no-authoritative-answer", 1L);
    }

    @Test
    void theResultSchemaIsPinnedAndIsWhatParquetHolds() throws IOException {
        String golden = new String(getClass().getResourceAsStream("results-schema.json").readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(ResultRows.SCHEMA.prettyJson().strip()).isEqualTo(golden.strip());

        Path input = dir.resolve("one.txt");
        Files.writeString(input, "www.lame.com\n");
        JobSpec spec = spec(input, "parquet", 0, 3);
        TraceJob.run(spark, spec);
        StructType written = spark.read().parquet(spec.out() + "/" + JobSpec.RESULTS).schema();
        assertThat(written.asNullable()).isEqualTo(ResultRows.SCHEMA.asNullable());
    }

    @Test
    void theSummaryCountsVerdictsAndFindingsPerTld() throws IOException {
        JobSpec spec = spec(names(), "parquet", 2, 6);
        JobSummary summary = TraceJob.run(spark, spec);
        Dataset<Row> rows = spark.read().parquet(spec.out() + "/" + JobSpec.RESULTS);

        long findings = 0;
        for (Row r : rows.collectAsList()) {
            findings += r.<scala.collection.Seq<Row>>getAs("findings").size();
        }
        assertThat(summary.findings().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(findings)
                .isPositive();
        assertThat(summary.tlds().keySet()).containsExactly("arpa", "com", "net", "org");
        assertThat(summary.tlds().values().stream().mapToLong(JobSummary.Tld::names).sum())
                .isEqualTo(summary.names() - summary.badInputs());
        JobSummary.Tld com = summary.tlds().get("com");
        assertThat(com.names()).isEqualTo(rows.filter("name like '%.com.' or name = 'com.'").count());
        assertThat(com.verdicts().get("no-authoritative-answer")).isEqualTo(rows.filter(
                "(name like '%.com.') and verdict = 'no-authoritative-answer'").count());
        assertThat(summary.queries()).isEqualTo(rows.selectExpr("sum(queries)").first().getLong(0));

        String json = Files.readString(Path.of(spec.out(), JobSpec.SUMMARY));
        @SuppressWarnings("unchecked")
        Map<String, Object> doc = MAPPER.readValue(json, Map.class);
        assertThat(doc).containsKeys("names", "badInputs", "queries", "verdicts", "findings", "tlds");
        assertThat(((Number) doc.get("names")).longValue()).isEqualTo(summary.names());
    }
}
