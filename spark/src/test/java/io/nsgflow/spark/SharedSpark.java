package io.nsgflow.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one SparkSession of the test run (local[2], no UI, WARN logs, loopback only): starting
 * Spark takes seconds, so every test class shares it. Spark stops it at JVM exit.
 */
final class SharedSpark {
    private static SparkSession session;

    private SharedSpark() {
    }

    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder()
                    .master("local[2]")
                    .appName("nsgflow-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", "2")
                    .getOrCreate();
            session.sparkContext().setLogLevel("WARN");
        }
        return session;
    }
}
