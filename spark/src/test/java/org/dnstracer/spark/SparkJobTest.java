package org.dnstracer.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The job's command line: mistakes give exit status 2 and one line on stderr, before any Spark starts. */
class SparkJobTest {
    private record Run(int status, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = SparkJob.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void aClusterMasterWithoutAKnownExecutorCountIsAUsageError() {
        Run r = run("--master", "spark://127.0.0.1:7077", "--input", "names.txt", "--out", "out");
        assertThat(r.status()).isEqualTo(SparkJob.USAGE);
        assertThat(r.err()).startsWith("dnstracer-spark: give --executors N").hasLineCount(1);
    }

    @Test
    void theLabIsAllowedUnderAClusterMaster() {
        // it was refused as a usage error; now the job goes on to Spark, which here cannot reach a YARN master
        Run r = run("--master", "yarn", "--executors", "4", "--lab", "--input", "names.txt", "--out", "out");
        assertThat(r.err()).doesNotContain("--lab").contains("yarn").hasLineCount(1);
        assertThat(r.status()).isEqualTo(SparkJob.FAILED);
    }

    @Test
    void badValuesAreUsageErrors() {
        assertThat(run("--input", "n", "--out", "o", "--format", "csv").err()).contains("--format must be json or parquet");
        assertThat(run("--input", "n", "--out", "o", "--rate", "-1").status()).isEqualTo(SparkJob.USAGE);
        assertThat(run("--input", "n", "--out", "o", "-q", "NOSUCHTYPE").err()).contains("unknown type");
        assertThat(run("--out", "o").err()).contains("--input").hasLineCount(1);
    }

    @Test
    void helpNamesTheRateForTheWholeJob() {
        Run r = run("--help");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("--rate=QPS").contains("WHOLE job: divided among the executors");
    }
}
