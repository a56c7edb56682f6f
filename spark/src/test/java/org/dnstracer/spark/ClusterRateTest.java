package org.dnstracer.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** The job's rate per server address holds for the whole cluster: it is divided among the executor JVMs. */
class ClusterRateTest {
    private static SparkConf conf(String master) {
        return new SparkConf(false).setMaster(master);
    }

    @Test
    void localModeIsOneJvmWhateverIsGiven() throws Exception {
        assertThat(ClusterRate.executors(conf("local[2]"), 0)).isEqualTo(1);
        assertThat(ClusterRate.executors(conf("local[*]"), 8)).isEqualTo(1);
    }

    @Test
    void onAClusterTheGivenCountThenTheExecutorInstancesThenTheDynamicBound() throws Exception {
        assertThat(ClusterRate.executors(conf("yarn").set("spark.executor.instances", "4"), 6)).isEqualTo(6);
        assertThat(ClusterRate.executors(conf("yarn").set("spark.executor.instances", "4"), 0)).isEqualTo(4);
        assertThat(ClusterRate.executors(conf("k8s://https://127.0.0.1:6443")
                .set("spark.dynamicAllocation.enabled", "true")
                .set("spark.dynamicAllocation.maxExecutors", "10"), 0)).isEqualTo(10);
    }

    @Test
    void aClusterRunWithoutAKnownExecutorCountIsRefused() {
        assertThatThrownBy(() -> ClusterRate.executors(conf("spark://127.0.0.1:7077"), 0))
                .isInstanceOf(ClusterRate.UnknownExecutors.class).hasMessageContaining("--executors");
        assertThatThrownBy(() -> ClusterRate.executors(conf("yarn").set("spark.dynamicAllocation.enabled", "true"), 0))
                .isInstanceOf(ClusterRate.UnknownExecutors.class).hasMessageContaining("maxExecutors");
    }

    @Test
    void theRateAndTheBurstAreDividedAmongTheExecutors() {
        assertThat(ClusterRate.perExecutor(20, 4)).isEqualTo(5.0);
        assertThat(ClusterRate.perExecutor(20, 1)).isEqualTo(20.0);
        assertThat(ClusterRate.perExecutor(0, 8)).as("no limit stays no limit").isEqualTo(0.0);
        assertThat(ClusterRate.burstPerExecutor(10, 2)).isEqualTo(5);
        assertThat(ClusterRate.burstPerExecutor(5, 50)).as("at least one query may leave").isEqualTo(1);
    }
}
