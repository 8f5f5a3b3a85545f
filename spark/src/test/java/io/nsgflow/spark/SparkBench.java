package io.nsgflow.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Throughput of the data source, for the figures in the README and the closing note (not a test):
 * {@code SparkBench MASTER FOLDER RUNS} reads every row of FOLDER and sums one counter, RUNS times
 * after one warm-up, and prints each run's seconds and MB/s of JSON read.
 */
public final class SparkBench {
    private SparkBench() {
    }

    public static void main(String[] args) throws Exception {
        String master = args[0];
        String folder = args[1];
        int runs = Integer.parseInt(args[2]);
        long bytes;
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of(folder))) {
            bytes = files.filter(java.nio.file.Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        SparkSession spark = SparkSession.builder().master(master).appName("nsgflow-bench")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        for (int i = 0; i <= runs; i++) {
            long start = System.nanoTime();
            Row r = spark.read().format("nsgflow").load(folder).selectExpr("count(*)", "sum(bytesSrcToDst)").first();
            double s = (System.nanoTime() - start) / 1e9;
            System.out.printf("%s %s: %d rows, %.1f s, %.1f MB/s%n", master, i == 0 ? "warm-up" : "run " + i,
                    r.getLong(0), s, bytes / 1e6 / s);
        }
        spark.stop();
    }
}
