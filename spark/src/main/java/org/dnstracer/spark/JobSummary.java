package org.dnstracer.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.substring_index;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.dnstracer.bulk.NameVerdict;

/**
 * The totals of a run, computed from the written results: names, bad inputs, queries, the count of each verdict,
 * the count of each finding code, and the same per TLD (the last label of the name; bad inputs have none).
 *
 * @param names results written (bad inputs included)
 * @param badInputs input lines that were not a name
 * @param queries queries sent, all names together
 * @param elapsedMillis wall time of reading, tracing and writing
 * @param summaryMillis wall time of reading the results back for this summary
 * @param verdicts results per verdict ({@code answer}, {@code nxdomain}, ...)
 * @param findings findings per code
 * @param tlds the same per TLD
 */
public record JobSummary(long names, long badInputs, long queries, long elapsedMillis, long summaryMillis,
        Map<String, Long> verdicts,
        Map<String, Long> findings, Map<String, Tld> tlds) {
    private static final JsonFactory JSON = new JsonFactory();

    /** What the summary reads back from JSON-lines results (the fields of the CLI's line it needs). */
    static final StructType JSON_FIELDS = new StructType()
            .add("name", DataTypes.StringType)
            .add("verdict", DataTypes.StringType)
            .add("queries", DataTypes.IntegerType)
            .add("findings", DataTypes.createArrayType(new StructType().add("code", DataTypes.StringType)));

    /** The totals of one TLD. */
    public record Tld(long names, long queries, Map<String, Long> verdicts, Map<String, Long> findings) {}

    static JobSummary of(SparkSession spark, String resultsDir, String format, long elapsedMillis) {
        long start = System.nanoTime();
        Dataset<Row> rows = format.equals("parquet") ? spark.read().parquet(resultsDir)
                : spark.read().schema(JSON_FIELDS).json(resultsDir);
        Dataset<Row> base = rows.select(tld(col("name")).as("tld"), col("name").isNull().as("bad"), col("verdict"),
                col("queries"), col("findings.code").as("codes"));
        // two aggregations over one reading of the results: the few columns they need are kept (spilled to disk
        // when large) rather than read and parsed twice
        base.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            return summarise(base, elapsedMillis, start);
        } finally {
            base.unpersist();
        }
    }

    private static JobSummary summarise(Dataset<Row> base, long elapsedMillis, long start) {

        long names = 0;
        long bad = 0;
        long queries = 0;
        Map<String, Long> verdicts = new TreeMap<>();
        Map<String, Long> findings = new TreeMap<>();
        Map<String, Tld> tlds = new TreeMap<>();
        for (NameVerdict v : NameVerdict.values()) {
            verdicts.put(v.jsonName(), 0L);
        }
        for (Row r : base.groupBy(col("tld"), col("bad"), col("verdict"))
                .agg(count(lit(1)).as("n"), sum(col("queries")).as("q")).collectAsList()) {
            long n = r.getLong(r.fieldIndex("n"));
            long q = r.isNullAt(r.fieldIndex("q")) ? 0 : r.getLong(r.fieldIndex("q"));
            String verdict = r.getString(r.fieldIndex("verdict"));
            names += n;
            queries += q;
            if (r.getBoolean(r.fieldIndex("bad"))) {
                bad += n;
            }
            verdicts.merge(verdict, n, Long::sum);
            String tld = r.getString(r.fieldIndex("tld"));
            if (tld != null) {
                Tld t = tlds.computeIfAbsent(tld, k -> new Tld(0, 0, new TreeMap<>(), new TreeMap<>()));
                t.verdicts().merge(verdict, n, Long::sum);
                tlds.put(tld, new Tld(t.names() + n, t.queries() + q, t.verdicts(), t.findings()));
            }
        }
        for (Row r : base.select(col("tld"), explode(col("codes")).as("code")).groupBy(col("tld"), col("code"))
                .agg(count(lit(1)).as("n")).collectAsList()) {
            String code = r.getString(r.fieldIndex("code"));
            long n = r.getLong(r.fieldIndex("n"));
            findings.merge(code, n, Long::sum);
            String tld = r.getString(r.fieldIndex("tld"));
            if (tld != null && tlds.containsKey(tld)) {
                tlds.get(tld).findings().merge(code, n, Long::sum);
            }
        }
        return new JobSummary(names, bad, queries, elapsedMillis, (System.nanoTime() - start) / 1_000_000, verdicts,
                findings, tlds);
    }

    /** The TLD of a name as the results spell it ({@code www.example.com.}): lower case, "." for the root. */
    static Column tld(Column name) {
        Column trimmed = regexp_replace(name, "\\.$", "");
        return when(name.isNull(), lit(null).cast(DataTypes.StringType))
                .when(trimmed.equalTo(""), lit("."))
                .otherwise(lower(substring_index(trimmed, ".", -1)));
    }

    /** One line for the driver's standard error, in the manner of the CLI's {@code --bulk} summary. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        b.append(names).append(names == 1 ? " name" : " names").append(" in ")
                .append(String.format(Locale.ROOT, "%.1f s (%.0f names/s): ", elapsedMillis / 1000.0,
                        elapsedMillis == 0 ? (double) names : names * 1000.0 / elapsedMillis));
        for (NameVerdict v : NameVerdict.values()) {
            b.append(verdicts.getOrDefault(v.jsonName(), 0L)).append(' ').append(v.jsonName())
                    .append(v == NameVerdict.ERROR ? "" : ", ");
        }
        b.append(" (").append(badInputs).append(" bad input lines); ").append(queries).append(" queries");
        long traced = names - badInputs;
        if (traced > 0) {
            b.append(String.format(Locale.ROOT, " (%.1f per name)", (double) queries / traced));
        }
        long found = findings.values().stream().mapToLong(Long::longValue).sum();
        b.append("; ").append(found).append(found == 1 ? " finding" : " findings").append(" of ")
                .append(findings.size()).append(findings.size() == 1 ? " code" : " codes").append(" in ")
                .append(tlds.size()).append(tlds.size() == 1 ? " TLD" : " TLDs")
                .append(String.format(Locale.ROOT, " (summary read back in %.1f s)", summaryMillis / 1000.0));
        return b.toString();
    }

    /** The summary as one JSON document (docs/spark.md shows it), in the job's file system. */
    void write(SparkSession spark, String file) {
        Path path = new Path(file);
        try {
            FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
            try (FSDataOutputStream out = fs.create(path, true)) {
                writeJson(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    void writeJson(OutputStream out) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("names", names);
            g.writeNumberField("badInputs", badInputs);
            g.writeNumberField("queries", queries);
            g.writeNumberField("elapsedMs", elapsedMillis);
            g.writeNumberField("summaryMs", summaryMillis);
            counts(g, "verdicts", verdicts);
            counts(g, "findings", findings);
            g.writeObjectFieldStart("tlds");
            for (Map.Entry<String, Tld> e : tlds.entrySet()) {
                g.writeObjectFieldStart(e.getKey());
                g.writeNumberField("names", e.getValue().names());
                g.writeNumberField("queries", e.getValue().queries());
                counts(g, "verdicts", e.getValue().verdicts());
                counts(g, "findings", e.getValue().findings());
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void counts(JsonGenerator g, String field, Map<String, Long> counts) throws IOException {
        g.writeObjectFieldStart(field);
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }
}
