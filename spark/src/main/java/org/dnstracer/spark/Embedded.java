package org.dnstracer.spark;

import org.apache.spark.SparkConf;

/**
 * Spark on this machine only: the driver bound to and known as 127.0.0.1 (never the machine's host name, which
 * Spark would otherwise look up), and no web UI. Set for every local-mode run and by the tests; a cluster run keeps
 * spark-submit's settings, as executors must reach the driver there.
 */
public final class Embedded {
    private Embedded() {}

    public static SparkConf configure(SparkConf conf) {
        return conf.set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.ui.enabled", "false")
                .set("spark.ui.showConsoleProgress", "false")
                .set("spark.sql.shuffle.partitions", "4");
    }
}
