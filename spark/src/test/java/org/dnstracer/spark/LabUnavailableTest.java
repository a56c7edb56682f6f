package org.dnstracer.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.BindException;
import org.apache.spark.SparkException;
import org.junit.jupiter.api.Test;

/**
 * An executor that cannot bind the lab's addresses: the driver finds why inside Spark's job failure. (The real
 * failure, an executor in a network namespace with only 127.0.0.1, is in StandaloneClusterIT.)
 */
class LabUnavailableTest {
    private static final BindException BIND = new BindException(
            "lab cannot bind UDP 127.53.0.1 port 40000: Cannot assign requested address");

    @Test
    void itNamesTheExecutorTheAddressAndWhatTheLabNeeds() {
        assertThat(new LabUnavailable("1", BIND).getMessage())
                .startsWith("executor 1 cannot start the lab (--lab): lab cannot bind UDP 127.53.0.1 port 40000")
                .contains("--lab needs every executor to bind the lab's loopback addresses");
        assertThat(new LabUnavailable(null, BIND).getMessage()).startsWith("this JVM cannot start the lab");
    }

    @Test
    void itIsFoundInsideTheJobFailureAsSparkWrapsIt() {
        LabUnavailable lab = new LabUnavailable("0", BIND);
        // the shape of a failed write job: the stage failure, the task's write failure, then the task's exception
        SparkException job = new SparkException("Job aborted due to stage failure: Task 0 in stage 1.0 failed 4 "
                + "times ...", new SparkException("Task failed while writing rows", lab));
        assertThat(LabUnavailable.in(job)).containsSame(lab);
        assertThat(LabUnavailable.in(new SparkException("other", new IllegalStateException()))).isEmpty();
    }
}
