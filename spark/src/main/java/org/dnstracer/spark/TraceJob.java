package org.dnstracer.spark;

import static org.apache.spark.sql.functions.col;

import java.util.Iterator;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.dnstracer.bulk.BulkInput;
import org.dnstracer.bulk.DeliveryWindow;
import org.dnstracer.cli.BulkInputReader;
import scala.Tuple2;

/**
 * The job: names in, traced by the bulk tracer inside {@code mapPartitions} (one tracer per executor JVM), one row
 * per name out, then the summary from what was written (so the names are traced once, never recomputed).
 */
public final class TraceJob {
    private TraceJob() {}

    /** Runs the whole job: reads, traces, writes {@code out/results}, and {@code out/summary.json}. */
    public static JobSummary run(SparkSession spark, JobSpec spec) {
        long start = System.nanoTime();
        Dataset<Row> results = trace(spark, lines(spark, spec), spec.tracer());
        String resultsDir = spec.out() + "/" + JobSpec.RESULTS;
        SaveMode mode = spec.overwrite() ? SaveMode.Overwrite : SaveMode.ErrorIfExists;
        if (spec.format().equals("parquet")) {
            results.write().mode(mode).parquet(resultsDir);
        } else {
            results.select(col("json")).write().mode(mode).text(resultsDir);
        }
        long tracedMillis = (System.nanoTime() - start) / 1_000_000;
        JobSummary summary = JobSummary.of(spark, resultsDir, spec.format(), tracedMillis);
        summary.write(spark, spec.out() + "/" + JobSpec.SUMMARY);
        return summary;
    }

    /**
     * The input's lines with their numbers from 1 (a line number of a text input, a row number of a table), spread
     * over at least {@link JobSpec#partitions()} partitions in input order.
     */
    public static JavaRDD<Tuple2<Long, String>> lines(SparkSession spark, JobSpec spec) {
        if (spec.inputFormat().equals("text")) {
            return numbered(spark.read().textFile(spec.input()).javaRDD(), spec.partitions());
        }
        return column(spark.read().format(spec.inputFormat()).load(spec.input()), spec.column(), spec.partitions());
    }

    /**
     * A column of a DataFrame as input lines (each value read as a {@code --bulk} line, a null as a blank line),
     * numbered by row from 1.
     */
    public static JavaRDD<Tuple2<Long, String>> column(Dataset<Row> table, String column, int partitions) {
        return numbered(table.select(col(column)).javaRDD().map(r -> r.isNullAt(0) ? "" : r.get(0).toString()),
                partitions);
    }

    /** The names of a DataFrame's column traced: one {@link ResultRows#SCHEMA} row per name, in row order. */
    public static Dataset<Row> traceColumn(Dataset<Row> table, String column, TracerConfig config) {
        return trace(table.sparkSession(), column(table, column, 0), config);
    }

    private static JavaRDD<Tuple2<Long, String>> numbered(JavaRDD<String> texts, int partitions) {
        JavaRDD<Tuple2<Long, String>> numbered = texts.zipWithIndex().map(t -> new Tuple2<>(t._2() + 1, t._1()));
        if (partitions > numbered.getNumPartitions()) {
            // a range partitioning keeps the order: partition i holds lines before those of partition i + 1
            numbered = JavaPairRDD.fromJavaRDD(numbered).sortByKey(true, partitions)
                    .map(t -> new Tuple2<>(t._1(), t._2()));
        }
        return numbered;
    }

    /** Each line traced (blank and comment lines dropped), one {@link ResultRows#SCHEMA} row per name. */
    public static Dataset<Row> trace(SparkSession spark, JavaRDD<Tuple2<Long, String>> lines, TracerConfig config) {
        return spark.createDataFrame(lines.mapPartitions(new TracePartition(config)), ResultRows.SCHEMA);
    }

    /** One partition: its lines parsed as {@code --bulk} does, traced with the JVM's tracer. */
    static final class TracePartition implements FlatMapFunction<Iterator<Tuple2<Long, String>>, Row> {
        private static final long serialVersionUID = 1L;
        private final TracerConfig config;

        TracePartition(TracerConfig config) {
            this.config = config;
        }

        @Override
        public Iterator<Row> call(Iterator<Tuple2<Long, String>> lines) {
            DeliveryWindow<BulkInput, Row> rows = ExecutorTracers.get(config).trace(new Parsed(lines, config.defaultType()));
            TaskContext task = TaskContext.get();
            if (task != null) {
                task.addTaskCompletionListener((org.apache.spark.util.TaskCompletionListener) context -> rows.cancel());
            }
            return rows;
        }
    }

    /** The lines as inputs, blank and comment lines left out. */
    private static final class Parsed implements Iterator<BulkInput> {
        private final Iterator<Tuple2<Long, String>> lines;
        private final int defaultType;
        private BulkInput next;

        Parsed(Iterator<Tuple2<Long, String>> lines, int defaultType) {
            this.lines = lines;
            this.defaultType = defaultType;
        }

        @Override
        public boolean hasNext() {
            while (next == null && lines.hasNext()) {
                Tuple2<Long, String> line = lines.next();
                next = BulkInputReader.parse(line._1(), line._2(), defaultType);
            }
            return next != null;
        }

        @Override
        public BulkInput next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            BulkInput input = next;
            next = null;
            return input;
        }
    }
}
