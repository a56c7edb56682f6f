package org.dnstracer.spark;

/**
 * One run of the job: where the names come from, where the results go, how the executors trace.
 *
 * @param input a text file or directory (one {@code NAME [TYPE]} a line, as {@code --bulk}), or a table of the
 *     format {@code inputFormat}
 * @param inputFormat "text", or a Spark data source ("parquet", "orc", "json", "csv") whose {@code column} holds
 *     the names (each value read as a {@code --bulk} line)
 * @param column the column of the names, for a data source
 * @param out the output directory: {@code results/} and {@code summary.json} in it
 * @param format "json" (JSON lines: the CLI's {@code --bulk} line per name) or "parquet" ({@link ResultRows#SCHEMA})
 * @param overwrite replace an existing output directory
 * @param partitions spread the names over at least this many partitions, in order (0: as read)
 * @param tracer how each executor traces
 */
public record JobSpec(String input, String inputFormat, String column, String out, String format, boolean overwrite,
        int partitions, TracerConfig tracer) {
    public static final String RESULTS = "results";
    public static final String SUMMARY = "summary.json";
}
